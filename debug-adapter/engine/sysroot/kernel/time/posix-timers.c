/* kernel/time/posix-timers.c: clock_gettime and clock_getres. Each clock id has its k_clock (here a
   switch): the timekeeping clocks of linux/timekeeping.h, or, for the CPU-time ids, posix-cpu-timers.c. */
#include <linux/sched.h>
#include <linux/errno.h>
#include <linux/jiffies.h>
#include <linux/posix-timers.h>
#include <linux/timekeeping.h>
#include <linux/hrtimer.h>
#include <linux/forkscope.h>

/* The coarse clocks advance once a tick (TICK_NSEC, vdso/jiffies.h); the others are as fine as the
   virtual clock, a nanosecond. */

/* The clock's time in nanoseconds, or -EINVAL for a clock that is not one of the timekeeping clocks. */
static long long kc_clock_get(const clockid_t which_clock)
{
  switch (which_clock) {
  case CLOCK_REALTIME:
    return ktime_get_real_ns();
  case CLOCK_REALTIME_COARSE:
    return ktime_get_real_ns() / TICK_NSEC * TICK_NSEC;
  case CLOCK_MONOTONIC:
  case CLOCK_MONOTONIC_RAW:
    return ktime_get_ns();
  case CLOCK_MONOTONIC_COARSE:
    return ktime_get_ns() / TICK_NSEC * TICK_NSEC;
  case CLOCK_BOOTTIME:
    return ktime_get_boottime_ns();
  case CLOCK_TAI: /* the wall clock plus the TAI offset, which nothing sets here (0) */
    return ktime_get_real_ns();
  }
  return -EINVAL;
}

long sys_clock_gettime(const clockid_t which_clock, struct __kernel_timespec *tp)
{
  long long ns;
  int error;
  struct __kernel_timespec kernel_tp;

  if (which_clock < 0 || which_clock == CLOCK_PROCESS_CPUTIME_ID || which_clock == CLOCK_THREAD_CPUTIME_ID) {
    /* The two fixed ids are the caller's CPU clocks in the negative encoding. */
    clockid_t clock = which_clock;
    if (which_clock == CLOCK_PROCESS_CPUTIME_ID)
      clock = MAKE_PROCESS_CPUCLOCK(0, CPUCLOCK_SCHED);
    else if (which_clock == CLOCK_THREAD_CPUTIME_ID)
      clock = MAKE_THREAD_CPUCLOCK(0, CPUCLOCK_SCHED);
    error = posix_cpu_clock_get(clock, &kernel_tp);
  } else {
    ns = kc_clock_get(which_clock);
    error = ns < 0 ? ns : 0;
    if (!error)
      ns_to_kernel_timespec(ns, &kernel_tp);
  }
  if (error)
    return error;
  if (copy_to_user(tp, &kernel_tp, sizeof(kernel_tp))) /* put_timespec64 */
    return -EFAULT;
  return 0;
}

/* The resolution goes to the caller only when it asked for it (tp not NULL): clock_getcpuclockid asks
   only whether the clock exists. */
long sys_clock_getres(const clockid_t which_clock, struct __kernel_timespec *tp)
{
  struct __kernel_timespec rtn_tp;
  int error = 0;

  if (which_clock < 0) {
    error = posix_cpu_clock_getres(which_clock, &rtn_tp);
  } else if (which_clock != CLOCK_PROCESS_CPUTIME_ID && which_clock != CLOCK_THREAD_CPUTIME_ID && kc_clock_get(which_clock) < 0) {
    error = -EINVAL;
  } else {
    rtn_tp.tv_sec = 0;
    rtn_tp.tv_nsec = which_clock == CLOCK_REALTIME_COARSE || which_clock == CLOCK_MONOTONIC_COARSE ? TICK_NSEC : 1;
  }
  if (!error && tp && copy_to_user(tp, &rtn_tp, sizeof(rtn_tp))) /* put_timespec64 */
    error = -EFAULT;
  return error;
}

/* The timekeeping clocks' nsleep (common_nsleep): an hrtimer sleep on the clock. */
static long common_nsleep(const clockid_t which_clock, int flags, const struct __kernel_timespec *rqtp)
{
  u64 t = (u64)rqtp->tv_sec * NSEC_PER_SEC + rqtp->tv_nsec;

  return hrtimer_nanosleep(t, flags & TIMER_ABSTIME ? HRTIMER_MODE_ABS : HRTIMER_MODE_REL, which_clock);
}

/* clock_nanosleep: a sleep on any clock that has an nsleep. The raw and coarse clocks have none
   (EOPNOTSUPP), nor have the alarm clocks on a machine without an RTC; an unknown id is EINVAL. An
   absolute sleep never writes the time left. */
long sys_clock_nanosleep(const clockid_t which_clock, int flags, const struct __kernel_timespec *rqtp,
                         struct __kernel_timespec *rmtp)
{
  bool cpu_clock = which_clock < 0 || which_clock == CLOCK_PROCESS_CPUTIME_ID || which_clock == CLOCK_THREAD_CPUTIME_ID;
  struct __kernel_timespec t;

  if (!cpu_clock && kc_clock_get(which_clock) < 0 && which_clock != CLOCK_REALTIME_ALARM && which_clock != CLOCK_BOOTTIME_ALARM)
    return -EINVAL;
  if (which_clock == CLOCK_MONOTONIC_RAW || which_clock == CLOCK_REALTIME_COARSE || which_clock == CLOCK_MONOTONIC_COARSE ||
      which_clock == CLOCK_REALTIME_ALARM || which_clock == CLOCK_BOOTTIME_ALARM)
    return -EOPNOTSUPP;
  if (copy_from_user(&t, rqtp, sizeof(t))) /* get_timespec64 */
    return -EFAULT;
  if (t.tv_sec < 0 || t.tv_nsec < 0 || t.tv_nsec >= NSEC_PER_SEC)
    return -EINVAL;
  if (flags & TIMER_ABSTIME)
    rmtp = 0;
  current->restart_block.fn = do_no_restart_syscall;
  current->restart_block.nanosleep.rmtp = rmtp;
  if (cpu_clock)
    return posix_cpu_nsleep(which_clock, flags, &t);
  return common_nsleep(which_clock, flags, &t);
}
