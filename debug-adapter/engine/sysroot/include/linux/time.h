#ifndef _LINUX_TIME_H
#define _LINUX_TIME_H
#include <linux/types.h>
#define NSEC_PER_SEC 1000000000L
#define NSEC_PER_USEC 1000L
struct __kernel_timespec {
  long tv_sec;
  long tv_nsec;
};
/* The timeval of the older calls (gettimeofday, getrusage): seconds and microseconds. */
struct __kernel_old_timeval {
  long tv_sec;
  long tv_usec;
};
struct __kernel_old_timeval ns_to_kernel_old_timeval(s64 nsec);
#endif
