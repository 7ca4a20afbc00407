#ifndef _LINUX_CAPABILITY_H
#define _LINUX_CAPABILITY_H
/* The capabilities a privileged operation asks for (include/uapi/linux/capability.h). Forkscope's
   tasks all run as root (linux/cred.h) with root's full set, so capable() is whether the effective UID
   is 0, which is what Linux's answer comes to for them. */
#include <linux/cred.h>

#define CAP_SYS_ADMIN    21
#define CAP_SYS_RESOURCE 24

#define capable(cap) (current_euid() == 0)

#endif
