#ifndef _LINUX_ERRNO_H
#define _LINUX_ERRNO_H
/* Error numbers as the kernel returns them (negated) from system calls. */
#define EPERM   1
#define ENOENT  2
#define ESRCH   3
#define EINTR   4
#define ECHILD  10
#define EAGAIN  11
#define ENOMEM  12
#define EFAULT  14
#define EINVAL  22
#endif
