#ifndef _UAPI_LINUX_RESOURCE_H
#define _UAPI_LINUX_RESOURCE_H
/* A resource limit as the kernel keeps it (struct rlimit, in unsigned longs) and as prlimit64 passes it
   (struct rlimit64, 64 bits whatever the word size): include/uapi/linux/resource.h. */
#include <uapi/asm-generic/resource.h>

struct rlimit {
  unsigned long rlim_cur; /* the soft limit: what the kernel enforces */
  unsigned long rlim_max; /* the hard limit: the ceiling for rlim_cur */
};

#define RLIM64_INFINITY (~0ULL)

struct rlimit64 {
  unsigned long long rlim_cur;
  unsigned long long rlim_max;
};

#endif
