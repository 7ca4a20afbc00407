/* kernel/time/vsyscall.c: the data the vDSO reads (vdso/datapage.h). On Linux it is the [vvar] page,
   mapped read-only into every process: each clock's time at the instant the counter (the TSC) read
   cycle_last, and how counter ticks become nanoseconds, so that user-mode code (lib/vdso.c) computes
   the time from a counter read, with no system call. update_vsyscall rewrites it at every tick and
   every clock change, inside a sequence count that readers check.

   Forkscope's counter is the virtual clock itself, one tick a nanosecond since boot (the
   __builtin_ia32_rdtsc a program may run), and nothing sets the time, so the bases are taken once,
   at counter 0, when the kernel boots (timekeeping_init), and never move. _vdso_data is the one kernel
   variable a user program links to (kernel/image.ts), as [vvar] is the one page of kernel data Linux
   lets it read. */
#include <linux/types.h>
#include <linux/time.h>
#include <linux/posix-timers.h>
#include <vdso/datapage.h>

struct vdso_data _vdso_data;

/* The writer's side of the sequence count: odd while the data is inconsistent. */
static void vdso_write_begin(struct vdso_data *vd)
{
  vd->seq++;
}

static void vdso_write_end(struct vdso_data *vd)
{
  vd->seq++;
}

static void set_base(struct vdso_data *vd, int clock, u64 ns)
{
  vd->basetime[clock].sec = ns / NSEC_PER_SEC;
  vd->basetime[clock].nsec = (ns % NSEC_PER_SEC) << vd->shift;
}

/* The clocks' offsets from CLOCK_MONOTONIC (kernel/time/timekeeping.c): the wall-clock time at boot,
   and the time spent suspended. */
void update_vsyscall(u64 offs_real, u64 offs_boot)
{
  struct vdso_data *vd = &_vdso_data;

  vdso_write_begin(vd);
  vd->cycle_last = 0;
  vd->mult = 1;
  vd->shift = 0;
  set_base(vd, CLOCK_MONOTONIC, 0);
  set_base(vd, CLOCK_MONOTONIC_RAW, 0);
  set_base(vd, CLOCK_BOOTTIME, offs_boot);
  set_base(vd, CLOCK_REALTIME, offs_real);
  /* TAI is the wall clock plus the TAI offset, which nothing sets here (tk->tai_offset stays 0). */
  set_base(vd, CLOCK_TAI, offs_real);
  /* Linux's tick writes the coarse clocks' times here; Forkscope's jiffies are the virtual clock in
     TICK_NSEC steps (linux/jiffies.h), which the vDSO rounds down to. */
  set_base(vd, CLOCK_MONOTONIC_COARSE, 0);
  set_base(vd, CLOCK_REALTIME_COARSE, offs_real);
  vd->hrtimer_res = 1;
  /* sys_tz (kernel/time/time.c): UTC, as nothing calls settimeofday. */
  vd->tz_minuteswest = 0;
  vd->tz_dsttime = 0;
  vdso_write_end(vd);
}
