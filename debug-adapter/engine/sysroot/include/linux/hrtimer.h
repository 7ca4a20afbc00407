#ifndef _LINUX_HRTIMER_H
#define _LINUX_HRTIMER_H
/* The sleeps of nanosleep and clock_nanosleep (kernel/time.c, Linux's kernel/time/hrtimer.c). */
#include <linux/types.h>
#include <linux/posix-timers.h>

/* How a sleep's time is given: an absolute time on its clock, or a time from now. */
enum hrtimer_mode {
  HRTIMER_MODE_ABS = 0,
  HRTIMER_MODE_REL = 1,
};

/* Sleeps until clock `clockid` reads `rqtp` (HRTIMER_MODE_ABS) or for `rqtp` nanoseconds (REL). */
long hrtimer_nanosleep(u64 rqtp, const enum hrtimer_mode mode, const clockid_t clockid);
/* A sleep cut short writes the time left to restart->nanosleep.rmtp: -ERESTART_RESTARTBLOCK, or
   -EFAULT if it cannot be written there. */
struct restart_block;
long nanosleep_copyout(struct restart_block *restart, u64 left);

#endif
