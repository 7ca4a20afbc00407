#ifndef _LINUX_DELAY_H
#define _LINUX_DELAY_H
/* Waiting. msleep sleeps (the task leaves the CPU until a timer wakes it: kernel/time/timer.c); udelay
   and mdelay busy-wait on the CPU, for the short waits where sleeping is not allowed. */
#include <linux/types.h>

void msleep(unsigned int msecs);
unsigned long msleep_interruptible(unsigned int msecs);
void udelay(unsigned long usecs);

static inline void ssleep(unsigned int seconds)
{
  msleep(seconds * 1000);
}

static inline void mdelay(unsigned long msecs)
{
  udelay(msecs * 1000);
}

#endif
