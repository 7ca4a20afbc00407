#ifndef _LINUX_JIFFIES_H
#define _LINUX_JIFFIES_H
/* The kernel's tick count: HZ ticks a second (vdso/jiffies.h). Forkscope reads it off the virtual clock,
   so it advances with the steps the CPU runs. */
#include <linux/types.h>
#include <linux/forkscope.h>
#include <vdso/jiffies.h>

#define MAX_SCHEDULE_TIMEOUT 0x7fffffffffffffffL
#define jiffies ((unsigned long)(ktime_get_ns() / (1000000000UL / HZ)))

static inline unsigned long msecs_to_jiffies(unsigned int m)
{
  return (m + (1000 / HZ) - 1) / (1000 / HZ);
}

static inline unsigned int jiffies_to_msecs(unsigned long j)
{
  return j * (1000 / HZ);
}

/* Nanoseconds as clock_t, times()'s USER_HZ (100) ticks a second (kernel/time/time.c). */
long nsec_to_clock_t(u64 ns);

signed long schedule_timeout(signed long timeout);
signed long schedule_timeout_interruptible(signed long timeout);
signed long schedule_timeout_uninterruptible(signed long timeout);

#endif
