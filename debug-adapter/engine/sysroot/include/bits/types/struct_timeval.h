#ifndef __timeval_defined
#define __timeval_defined 1
/* A time in seconds and microseconds (glibc's bits/types/struct_timeval.h). */
#include <sys/types.h>

struct timeval {
  time_t tv_sec;
  long tv_usec;
};
#endif
