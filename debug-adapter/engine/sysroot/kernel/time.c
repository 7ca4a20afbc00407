/* kernel/time/hrtimer.c: sleeping for a while. The clock is virtual: it advances with the steps the CPUs
   run, and jumps to the next timer when every task sleeps, so sleep(5) takes no real time. A signal
   cuts a sleep short with -ERESTART_RESTARTBLOCK: after a handler that is -EINTR, with the time left in
   *rmtp; when no handler ran (a stop and SIGCONT), restart_syscall goes on to the same deadline, as
   current->restart_block remembers it. */
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/time.h>
#include <linux/errno.h>
#include <linux/forkscope.h>

/* The time left, for the caller: a signal ended the sleep. */
static long nanosleep_copyout(struct restart_block *restart, u64 left)
{
  restart->nanosleep.rmtp->tv_sec = left / NSEC_PER_SEC;
  restart->nanosleep.rmtp->tv_nsec = left % NSEC_PER_SEC;
  return -ERESTART_RESTARTBLOCK;
}

static long do_nanosleep(struct restart_block *restart)
{
  u64 expires = restart->nanosleep.expires;
  u64 now;

  for (;;) {
    set_current_state(TASK_INTERRUPTIBLE);
    if (ktime_get_ns() >= expires)
      break;
    hrtimer_start(current, expires);
    schedule();
    if (signal_pending(current))
      break;
  }
  __set_current_state(TASK_RUNNING);
  now = ktime_get_ns();
  if (now >= expires)
    return 0;
  if (restart->nanosleep.rmtp)
    return nanosleep_copyout(restart, expires - now);
  return -ERESTART_RESTARTBLOCK;
}

/* restart_syscall's way back into an interrupted sleep: the same deadline. */
static long hrtimer_nanosleep_restart(struct restart_block *restart)
{
  return do_nanosleep(restart);
}

static long hrtimer_nanosleep(u64 expires)
{
  struct restart_block *restart = &current->restart_block;
  long ret;

  restart->nanosleep.expires = expires;
  ret = do_nanosleep(restart);
  if (ret != -ERESTART_RESTARTBLOCK)
    return ret;
  restart->fn = hrtimer_nanosleep_restart;
  return ret;
}

long sys_nanosleep(struct __kernel_timespec *rqtp, struct __kernel_timespec *rmtp)
{
  if (rqtp->tv_sec < 0 || rqtp->tv_nsec < 0 || rqtp->tv_nsec >= NSEC_PER_SEC)
    return -EINVAL;
  current->restart_block.fn = do_no_restart_syscall;
  current->restart_block.nanosleep.rmtp = rmtp;
  return hrtimer_nanosleep(ktime_get_ns() + (u64)rqtp->tv_sec * NSEC_PER_SEC + rqtp->tv_nsec);
}
