#ifndef _LINUX_TIMEKEEPING_H
#define _LINUX_TIMEKEEPING_H
/* The kernel's clocks (kernel/time/timekeeping.c). ktime_get_ns (linux/forkscope.h) is the monotonic
   clock: virtual nanoseconds since boot. */
#include <linux/types.h>
#include <linux/time.h>

void timekeeping_init(void);
u64 ktime_get_boottime_ns(void);
u64 ktime_get_real_ns(void);
/* How far a clock is ahead of CLOCK_MONOTONIC (0 for a clock that keeps its time). */
u64 ktime_clock_offset(int which_clock);
/* Splits nanoseconds into a timespec's seconds and nanoseconds. */
void ns_to_kernel_timespec(u64 ns, struct __kernel_timespec *ts);

#endif
