#ifndef _LINUX_TIME_H
#define _LINUX_TIME_H
#include <linux/types.h>
#define NSEC_PER_SEC 1000000000L
struct __kernel_timespec {
  long tv_sec;
  long tv_nsec;
};
#endif
