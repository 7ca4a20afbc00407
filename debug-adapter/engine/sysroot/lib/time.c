/* The C library's clocks (glibc's time/ directory). clock_gettime, clock_getres, gettimeofday and time
   are answered by the vDSO (lib/vdso.c), in user mode, as glibc does on x86-64: strace shows no system
   call for them, unless the vDSO falls back to one (a CPU-time clock, an unknown clock id). times()
   is a system call. */
#include <time.h>
#include <sys/time.h>
#include <sys/times.h>
#include <errno.h>

long sys_times(struct tms *tbuf);
long sys_clock_getres(clockid_t which_clock, struct timespec *tp);

/* The vDSO's functions (lib/vdso.c): 0 or -errno, as the system calls return. glibc finds them by
   their names in the vDSO the kernel mapped (dl_vdso_vsym). */
int __vdso_clock_gettime(clockid_t clock, struct timespec *ts);
int __vdso_clock_getres(clockid_t clock, struct timespec *res);
int __vdso_gettimeofday(struct timeval *tv, struct timezone *tz);
time_t __vdso_time(time_t *t);

/* A system call's result: -errno becomes errno and -1 (lib/syscalls.c). */
long __syscall_result(long r);

int clock_gettime(clockid_t clockid, struct timespec *tp)
{
  return __syscall_result(__vdso_clock_gettime(clockid, tp));
}

int clock_getres(clockid_t clockid, struct timespec *res)
{
  return __syscall_result(__vdso_clock_getres(clockid, res));
}

/* A process's CPU clock is named by its PID (MAKE_PROCESS_CPUCLOCK (pid, CPUCLOCK_SCHED)); glibc asks
   the kernel whether the process exists with clock_getres, a system call even with a vDSO. */
int clock_getcpuclockid(pid_t pid, clockid_t *clock_id)
{
  const clockid_t pidclock = (int)(~(unsigned int)pid << 3) | 2;
  long r = sys_clock_getres(pidclock, NULL);
  if (r == 0) {
    *clock_id = pidclock;
    return 0;
  }
  return r == -EINVAL ? ESRCH : -r;
}

/* On x86-64 glibc's gettimeofday and time are the vDSO's functions themselves (an IFUNC picks them). */
int gettimeofday(struct timeval *tv, void *tz)
{
  return __vdso_gettimeofday(tv, tz);
}

time_t time(time_t *tloc)
{
  return __vdso_time(tloc);
}

/* glibc cannot tell -EFAULT from a clock reading of -14: it takes the result for the clock's, after
   making sure the kernel could write buf by reading it (a bad buf faults here, in user mode). */
clock_t times(struct tms *buf)
{
  clock_t ret = sys_times(buf);

  if (ret == -EFAULT && buf) {
    const volatile struct tms *written = buf;
    (void)written->tms_utime;
    (void)written->tms_stime;
    (void)written->tms_cutime;
    (void)written->tms_cstime;
  }
  return ret;
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
