/* kernel/time/hrtimer.c: sleeping for a while. The clock is virtual: it advances with the steps the CPUs
   run, and jumps to the next timer when every task sleeps, so sleep(5) takes no real time. A signal
   cuts a sleep short with -ERESTART_RESTARTBLOCK: after a handler that is -EINTR, with the time left in
   *rmtp; when no handler ran (a stop and SIGCONT), restart_syscall goes on to the same deadline, as
   current->restart_block remembers it. An absolute sleep (clock_nanosleep's TIMER_ABSTIME) is simply
   made again, to the same time. */
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/time.h>
#include <linux/errno.h>
#include <linux/forkscope.h>
#include <linux/hrtimer.h>
#include <linux/timekeeping.h>

/* The time left, for the caller: a signal ended the sleep. An address it cannot be written to makes
   the call fail with EFAULT instead. */
long nanosleep_copyout(struct restart_block *restart, u64 left)
{
  struct __kernel_timespec rem;

  rem.tv_sec = left / NSEC_PER_SEC;
  rem.tv_nsec = left % NSEC_PER_SEC;
  if (copy_to_user(restart->nanosleep.rmtp, &rem, sizeof(rem)))
    return -EFAULT;
  return -ERESTART_RESTARTBLOCK;
}

/* Sleeps until CLOCK_MONOTONIC reaches restart->nanosleep.expires. Cut short by a signal, a relative
   sleep asks to be restarted with the time left (after a handler that becomes -EINTR, the time left
   written to *rmtp); an absolute one (mode HRTIMER_MODE_ABS) leaves that to hrtimer_nanosleep. */
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

long hrtimer_nanosleep(u64 rqtp, const enum hrtimer_mode mode, const clockid_t clockid)
{
  struct restart_block *restart = &current->restart_block;
  u64 offset = ktime_clock_offset(clockid);
  long ret;

  if (mode == HRTIMER_MODE_ABS)
    restart->nanosleep.expires = rqtp > offset ? rqtp - offset : 0;
  else
    restart->nanosleep.expires = ktime_get_ns() + rqtp;
  ret = do_nanosleep(restart);
  if (ret != -ERESTART_RESTARTBLOCK)
    return ret;
  /* Absolute timers do not update the rmtp value and restart: the same call, made again, waits for
     the same time. */
  if (mode == HRTIMER_MODE_ABS)
    return -ERESTARTNOHAND;
  restart->fn = hrtimer_nanosleep_restart;
  return ret;
}
