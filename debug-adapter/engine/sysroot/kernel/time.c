/* kernel/time: sleeping for a while. The clock is virtual: it advances with the steps the CPUs run,
   and jumps to the next timer when every task sleeps, so sleep(5) takes no real time. */
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/time.h>
#include <linux/errno.h>
#include <linux/forkscope.h>

static long do_nanosleep(u64 ns)
{
  u64 expires = ktime_get_ns() + ns;
  for (;;) {
    set_current_state(TASK_INTERRUPTIBLE);
    if (ktime_get_ns() >= expires)
      break;
    hrtimer_start(current, expires);
    schedule();
    if (signal_pending(current)) {
      __set_current_state(TASK_RUNNING);
      return -EINTR;
    }
  }
  __set_current_state(TASK_RUNNING);
  return 0;
}

long sys_nanosleep(struct __kernel_timespec *rqtp, struct __kernel_timespec *rmtp)
{
  if (rqtp->tv_sec < 0 || rqtp->tv_nsec < 0 || rqtp->tv_nsec >= NSEC_PER_SEC)
    return -EINVAL;
  return do_nanosleep((u64)rqtp->tv_sec * NSEC_PER_SEC + rqtp->tv_nsec);
}
