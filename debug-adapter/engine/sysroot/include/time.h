#ifndef _TIME_H
#define _TIME_H

#include <stddef.h>
#include <sys/types.h>

#define CLOCKS_PER_SEC 1000000L
/* The clocks (see kernel/time/timekeeping.c): REALTIME is the wall clock, which starts at the same
   fixed date on every run; MONOTONIC and BOOTTIME count the virtual time since boot; the CPU-time
   clocks count the nanoseconds the process or thread has run. */
#define CLOCK_REALTIME 0
#define CLOCK_MONOTONIC 1
#define CLOCK_PROCESS_CPUTIME_ID 2
#define CLOCK_THREAD_CPUTIME_ID 3
#define CLOCK_MONOTONIC_RAW 4
#define CLOCK_REALTIME_COARSE 5
#define CLOCK_MONOTONIC_COARSE 6
#define CLOCK_BOOTTIME 7
#define CLOCK_REALTIME_ALARM 8
#define CLOCK_BOOTTIME_ALARM 9
#define CLOCK_TAI 11

/* clock_nanosleep's flag: the time is absolute, on the clock's own scale. */
#define TIMER_ABSTIME 1

#ifndef __clockid_t_defined
typedef int clockid_t;
#define __clockid_t_defined
#endif

#ifndef __timespec_defined
struct timespec {
  time_t tv_sec;
  long tv_nsec;
};
#define __timespec_defined
#endif

struct tm {
  int tm_sec;
  int tm_min;
  int tm_hour;
  int tm_mday;
  int tm_mon;
  int tm_year;
  int tm_wday;
  int tm_yday;
  int tm_isdst;
  long tm_gmtoff;
  const char *tm_zone;
};

time_t time(time_t *tloc);
clock_t clock(void);
double difftime(time_t time1, time_t time0);
int clock_gettime(clockid_t clockid, struct timespec *tp);
int clock_getres(clockid_t clockid, struct timespec *res);
int clock_getcpuclockid(pid_t pid, clockid_t *clock_id);
int nanosleep(const struct timespec *req, struct timespec *rem);
int clock_nanosleep(clockid_t clockid, int flags, const struct timespec *req, struct timespec *rem);

#endif
