/* The C library's clocks (glibc's time/ directory). Each calls the kernel's system call directly; glibc reads
   the timekeeping clocks through the vDSO instead, so a real strace does not show those calls, while
   Forkscope's --trace does. */
#include <time.h>
#include <sys/time.h>
#include <sys/times.h>

long sys_clock_gettime(clockid_t which_clock, struct timespec *tp);
long sys_clock_getres(clockid_t which_clock, struct timespec *tp);
long sys_gettimeofday(struct timeval *tv, void *tz);
long sys_time(time_t *tloc);
long sys_times(struct tms *tbuf);

/* A system call's result: -errno becomes errno and -1 (lib/syscalls.c). */
long __syscall_result(long r);

int clock_gettime(clockid_t clockid, struct timespec *tp)
{
  return __syscall_result(sys_clock_gettime(clockid, tp));
}

int clock_getres(clockid_t clockid, struct timespec *res)
{
  return __syscall_result(sys_clock_getres(clockid, res));
}

int gettimeofday(struct timeval *tv, void *tz)
{
  return __syscall_result(sys_gettimeofday(tv, tz));
}

time_t time(time_t *tloc)
{
  return sys_time(tloc);
}

clock_t times(struct tms *buf)
{
  return __syscall_result(sys_times(buf));
}

/* The processor time the process has used, in CLOCKS_PER_SEC units: its CPU-time clock. */
clock_t clock(void)
{
  struct timespec ts;

  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * CLOCKS_PER_SEC + ts.tv_nsec / (1000000000 / CLOCKS_PER_SEC);
}

double difftime(time_t time1, time_t time0)
{
  return (double)time1 - (double)time0;
}
