/* kernel/time/timekeeping.c: the clocks the system calls read. The clock is virtual: CLOCK_MONOTONIC is
   ktime_get_ns, the nanoseconds since boot (the steps the CPU has run, one nanosecond each, plus the
   time skipped while every task slept), so sleep(5) takes no real time and every run is the same.
   CLOCK_BOOTTIME adds the time spent suspended (offs_boot): a simulated machine never suspends.
   CLOCK_REALTIME adds offs_real, the wall-clock time at boot, which Forkscope fixes: every machine
   boots on Monday 6 January 2025 at 09:00:00 UTC (1736154000 seconds since the Epoch). */
#include <linux/sched.h>
#include <linux/timekeeping.h>
#include <linux/posix-timers.h>
#include <linux/forkscope.h>

#define FORKSCOPE_BOOT_TIME_SEC 1736154000ULL

static const u64 offs_boot = 0;
static const u64 offs_real = FORKSCOPE_BOOT_TIME_SEC * NSEC_PER_SEC;

extern void update_vsyscall(u64 real, u64 boot);

/* At boot (start_kernel): the vDSO's data gets the clocks' bases (kernel/time/vsyscall.c). */
void timekeeping_init(void)
{
  update_vsyscall(offs_real, offs_boot);
}

u64 ktime_get_boottime_ns(void)
{
  return ktime_get_ns() + offs_boot;
}

u64 ktime_get_real_ns(void)
{
  return ktime_get_ns() + offs_real;
}

/* The offset of an hrtimer clock base: a sleep until a time on `which_clock` is a sleep until that
   time less the offset on CLOCK_MONOTONIC, the clock the timers run on. No clock is ever set here, so
   the offsets never change under a sleeper. */
u64 ktime_clock_offset(int which_clock)
{
  if (which_clock == CLOCK_REALTIME || which_clock == CLOCK_TAI)
    return offs_real;
  if (which_clock == CLOCK_BOOTTIME)
    return offs_boot;
  return 0;
}

void ns_to_kernel_timespec(u64 ns, struct __kernel_timespec *ts)
{
  ts->tv_sec = ns / NSEC_PER_SEC;
  ts->tv_nsec = ns % NSEC_PER_SEC;
}
