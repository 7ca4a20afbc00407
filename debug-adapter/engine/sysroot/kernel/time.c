/* kernel/time: sleeping for a while. The clock is virtual: it advances with the steps the CPUs run,
   and jumps to the next timer when every task sleeps, so sleep(5) takes no real time. */
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/time.h>
#include <linux/errno.h>
#include <linux/forkscope.h>

/* A signal ended the sleep: the caller learns the time left (rmtp), and if no handler runs the
   restarted call sleeps on to the same deadline (restart_block). */
static long nanosleep_interrupted(u64 expires, struct __kernel_timespec *rmtp)
{
  u64 now = ktime_get_ns();
  u64 left = expires > now ? expires - now : 0;

  current->restart_block.expires = expires;
  if (rmtp) {
    rmtp->tv_sec = left / NSEC_PER_SEC;
    rmtp->tv_nsec = left % NSEC_PER_SEC;
  }
  return -ERESTART_RESTARTBLOCK;
}

static long do_nanosleep(u64 expires, struct __kernel_timespec *rmtp)
{
  for (;;) {
    set_current_state(TASK_INTERRUPTIBLE);
    if (ktime_get_ns() >= expires)
      break;
    hrtimer_start(current, expires);
    schedule();
    if (signal_pending(current)) {
      __set_current_state(TASK_RUNNING);
      return nanosleep_interrupted(expires, rmtp);
    }
  }
  __set_current_state(TASK_RUNNING);
  return 0;
}

long sys_nanosleep(struct __kernel_timespec *rqtp, struct __kernel_timespec *rmtp)
{
  if (current->restart_block.fn == RESTART_NANOSLEEP) {
    current->restart_block.fn = 0;
    return do_nanosleep(current->restart_block.expires, rmtp);
  }
  if (rqtp->tv_sec < 0 || rqtp->tv_nsec < 0 || rqtp->tv_nsec >= NSEC_PER_SEC)
    return -EINVAL;
  return do_nanosleep(ktime_get_ns() + (u64)rqtp->tv_sec * NSEC_PER_SEC + rqtp->tv_nsec, rmtp);
}
