/* kernel/time/time.c: the older interfaces to the wall clock, time and gettimeofday, and times
   (kernel/sys.c in Linux), the CPU time of a process and of its children in clock ticks. */
#include <linux/sched.h>
#include <linux/errno.h>
#include <linux/sched/cputime.h>
#include <linux/timekeeping.h>
#include <linux/forkscope.h>
#include <linux/uaccess.h>

/* USER_HZ: the clock ticks times() counts in, sysconf(_SC_CLK_TCK). */
#define USER_HZ 100

struct timezone {
  int tz_minuteswest;
  int tz_dsttime;
};

struct tms {
  long tms_utime;
  long tms_stime;
  long tms_cutime;
  long tms_cstime;
};

/* The time zone the kernel keeps for settimeofday: UTC, as nothing ever sets it. */
static struct timezone sys_tz;

long sys_time(long *tloc)
{
  long i = ktime_get_real_ns() / NSEC_PER_SEC;

  if (tloc) {
    if (put_user(i, tloc))
      return -EFAULT;
  }
  return i;
}

long sys_gettimeofday(struct __kernel_old_timeval *tv, struct timezone *tz)
{
  if (tv) {
    u64 ns = ktime_get_real_ns();
    if (put_user(ns / NSEC_PER_SEC, &tv->tv_sec) || put_user(ns % NSEC_PER_SEC / NSEC_PER_USEC, &tv->tv_usec))
      return -EFAULT;
  }
  if (tz) {
    if (copy_to_user(tz, &sys_tz, sizeof(sys_tz)))
      return -EFAULT;
  }
  return 0;
}

struct __kernel_old_timeval ns_to_kernel_old_timeval(s64 nsec)
{
  struct __kernel_old_timeval tv;

  tv.tv_sec = nsec / NSEC_PER_SEC;
  tv.tv_usec = nsec % NSEC_PER_SEC / NSEC_PER_USEC;
  return tv;
}

long nsec_to_clock_t(u64 ns)
{
  return ns / (NSEC_PER_SEC / USER_HZ);
}

static void do_sys_times(struct tms *tms)
{
  struct task_cputime ct;

  thread_group_cputime(current, &ct);
  tms->tms_utime = nsec_to_clock_t(ct.utime);
  tms->tms_stime = nsec_to_clock_t(ct.stime);
  tms->tms_cutime = nsec_to_clock_t(current->signal->cutime);
  tms->tms_cstime = nsec_to_clock_t(current->signal->cstime);
}

/* Returns the clock ticks since boot (Linux counts from a jiffies value set to wrap five minutes after
   boot; Forkscope from zero). */
long sys_times(struct tms *tbuf)
{
  if (tbuf) {
    struct tms tmp;

    do_sys_times(&tmp);
    if (copy_to_user(tbuf, &tmp, sizeof(struct tms)))
      return -EFAULT;
  }
  return nsec_to_clock_t(ktime_get_ns());
}
