#ifndef _LINUX_POSIX_TIMERS_H
#define _LINUX_POSIX_TIMERS_H
#include <linux/types.h>
#include <linux/time.h>

#ifndef __clockid_t_defined
typedef int clockid_t;
#define __clockid_t_defined
#endif

/* The clock ids of clock_gettime (include/uapi/linux/time.h). */
#define CLOCK_REALTIME 0
#define CLOCK_MONOTONIC 1
#define CLOCK_PROCESS_CPUTIME_ID 2
#define CLOCK_THREAD_CPUTIME_ID 3
#define CLOCK_MONOTONIC_RAW 4
#define CLOCK_REALTIME_COARSE 5
#define CLOCK_MONOTONIC_COARSE 6
#define CLOCK_BOOTTIME 7
#define CLOCK_REALTIME_ALARM 8
#define CLOCK_BOOTTIME_ALARM 9
#define CLOCK_TAI 11

/* clock_nanosleep's flag: the time is absolute, on the clock's own scale (include/uapi/linux/time.h). */
#define TIMER_ABSTIME 0x01

/* A negative id names the CPU clock of a process or thread (clock_getcpuclockid): ~pid in the high
   bits, a per-thread flag and which CPU clock in the low three. PID 0 is the caller. */
#define CPUCLOCK_PID(clock) ((pid_t) ~((clock) >> 3))
#define CPUCLOCK_PERTHREAD_MASK 4
#define CPUCLOCK_PERTHREAD(clock) (((clock) & CPUCLOCK_PERTHREAD_MASK) != 0)
#define CPUCLOCK_WHICH(clock) ((clock) & 3)
#define CPUCLOCK_SCHED 2
#define MAKE_PROCESS_CPUCLOCK(pid, clock) ((int)(~(unsigned int)(pid) << 3) | (clock))
#define MAKE_THREAD_CPUCLOCK(tid, clock) MAKE_PROCESS_CPUCLOCK(tid, (clock) | CPUCLOCK_PERTHREAD_MASK)

/* kernel/time/posix-cpu-timers.c: the CPU clocks' k_clock. */
int posix_cpu_clock_get(const clockid_t clock, struct __kernel_timespec *tp);
int posix_cpu_clock_getres(const clockid_t clock, struct __kernel_timespec *tp);
int posix_cpu_nsleep(const clockid_t which_clock, int flags, const struct __kernel_timespec *rqtp);

#endif
