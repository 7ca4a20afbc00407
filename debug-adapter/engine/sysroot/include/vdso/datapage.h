#ifndef __VDSO_DATAPAGE_H
#define __VDSO_DATAPAGE_H
/* The vDSO's data (include/vdso/datapage.h): what Linux maps read-only into every process as the
   [vvar] page. The kernel writes it (kernel/time/vsyscall.c); the vDSO's clock functions (lib/vdso.c)
   read it in user mode, with the time-stamp counter, to tell the time without a system call. Plain C
   types, as both sides include it. */

/* The clock ids the data has a base time for: up to CLOCK_BOOTTIME (Linux's go to CLOCK_TAI). */
#define VDSO_BASES 8
/* vdso_clockid_valid: the ids below this are the vDSO's to answer or refuse. */
#define MAX_CLOCKS 16

/* A clock's time when the counter read cycle_last: whole seconds, and nanoseconds << shift. */
struct vdso_timestamp {
  unsigned long long sec;
  unsigned long long nsec;
};

/* Linux keeps two of these, the second for CLOCK_MONOTONIC_RAW's own clocksource; Forkscope's raw
   clock is the same counter, so one holds every base. */
struct vdso_data {
  unsigned int seq;                /* odd while the kernel writes: a reader that saw it change retries */
  unsigned long long cycle_last;   /* the counter's value when the bases were taken */
  unsigned int mult;               /* counter ticks to nanoseconds: (ticks * mult) >> shift */
  unsigned int shift;
  struct vdso_timestamp basetime[VDSO_BASES]; /* by clock id */
  int tz_minuteswest;              /* the time zone settimeofday set, which gettimeofday returns */
  int tz_dsttime;
  unsigned int hrtimer_res;        /* the fine clocks' resolution, clock_getres's answer */
};

#endif
