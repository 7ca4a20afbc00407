/* kernel/time/timer.c: sleeping for a number of ticks. schedule_timeout arms a timer that wakes the
   task (hrtimer_start's host timer stands for process_timeout) and sleeps in whatever state the
   caller set; msleep sleeps uninterruptibly until the whole time has passed. */
#include <linux/sched.h>
#include <linux/forkscope.h>
#include <linux/jiffies.h>
#include <linux/signal.h>
#include <linux/delay.h>

#define NSEC_PER_JIFFY (1000000000UL / HZ)

signed long schedule_timeout(signed long timeout)
{
  unsigned long expire;

  if (timeout == MAX_SCHEDULE_TIMEOUT) {
    schedule();
    return timeout;
  }
  expire = timeout + jiffies;
  hrtimer_start(current, (u64)expire * NSEC_PER_JIFFY);
  schedule();
  timeout = expire - jiffies;
  return timeout < 0 ? 0 : timeout;
}

signed long schedule_timeout_interruptible(signed long timeout)
{
  __set_current_state(TASK_INTERRUPTIBLE);
  return schedule_timeout(timeout);
}

signed long schedule_timeout_uninterruptible(signed long timeout)
{
  __set_current_state(TASK_UNINTERRUPTIBLE);
  return schedule_timeout(timeout);
}

void msleep(unsigned int msecs)
{
  unsigned long timeout = msecs_to_jiffies(msecs) + 1;

  while (timeout)
    timeout = schedule_timeout_uninterruptible(timeout);
}

unsigned long msleep_interruptible(unsigned int msecs)
{
  unsigned long timeout = msecs_to_jiffies(msecs) + 1;

  while (timeout && !signal_pending(current))
    timeout = schedule_timeout_interruptible(timeout);
  return jiffies_to_msecs(timeout);
}

/* A busy wait: the CPU runs in place until the clock has moved on, as arch/x86's delay loop. */
void udelay(unsigned long usecs)
{
  u64 end = ktime_get_ns() + (u64)usecs * 1000;

  while (ktime_get_ns() < end)
    ;
}
