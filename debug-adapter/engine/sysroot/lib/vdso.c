/* The vDSO's clock functions (lib/vdso/gettimeofday.c and arch/x86/entry/vdso/vclock_gettime.c in
   Linux). Linux maps into every process a small shared library of its own, [vdso], beside the [vvar]
   page of data it keeps current: each clock's time at the moment the CPU's time-stamp counter read
   cycle_last. glibc's clock_gettime, gettimeofday, time and clock_getres call these functions, which
   run in user mode: they read the data and the counter (rdtsc, an instruction user mode may run) and
   compute base + (counter - cycle_last) * mult >> shift. No system call is made, so strace shows none;
   a clock the data does not cover (the CPU-time clocks, an unknown id) falls back to the system call,
   which strace does show.

   Forkscope's are the same code, built into the C library rather than mapped by the kernel, since the
   kernel's image runs in kernel mode: a step into clock_gettime stays in user code. The data is the
   kernel's _vdso_data (kernel/time/vsyscall.c), the one kernel variable a program links to, which the
   kernel fills at boot; the counter is __builtin_ia32_rdtsc, the virtual clock in nanoseconds, so
   every clock reads as the system call would have read it. */
#include <time.h>
#include <sys/time.h>
#include <vdso/datapage.h>
#include <vdso/jiffies.h>

#define NSEC_PER_SEC 1000000000ULL
#define NSEC_PER_USEC 1000U
#define BIT(nr) (1U << (nr))
/* The clocks each way answers. */
#define VDSO_HRES (BIT(CLOCK_REALTIME) | BIT(CLOCK_MONOTONIC) | BIT(CLOCK_BOOTTIME) | BIT(CLOCK_TAI))
#define VDSO_COARSE (BIT(CLOCK_REALTIME_COARSE) | BIT(CLOCK_MONOTONIC_COARSE))
#define VDSO_RAW BIT(CLOCK_MONOTONIC_RAW)
/* The coarse clocks' resolution: a tick. */
#define LOW_RES_NSEC TICK_NSEC

/* [vvar]: read-only here, written by the kernel. */
extern const struct vdso_data _vdso_data;

/* The fallbacks' system calls (asm/vdso/gettimeofday.h): each returns 0 or -errno. */
long sys_clock_gettime(clockid_t which_clock, struct timespec *tp);
long sys_clock_getres(clockid_t which_clock, struct timespec *tp);

static const struct vdso_data *__arch_get_vdso_data(void)
{
  return &_vdso_data;
}

/* rdtsc_ordered. */
static unsigned long long __arch_get_hw_counter(void)
{
  return __builtin_ia32_rdtsc();
}

/* The reader's side of the sequence count: wait while the kernel writes (odd), and retry a read the
   kernel wrote during. */
static unsigned int vdso_read_begin(const struct vdso_data *vd)
{
  unsigned int seq;

  while ((seq = vd->seq) & 1)
    ; /* cpu_relax() */
  return seq;
}

static int vdso_read_retry(const struct vdso_data *vd, unsigned int start)
{
  return vd->seq != start;
}

/* A fine clock: its base, plus the counter ticks since the base was taken, in nanoseconds. */
static int do_hres(const struct vdso_data *vd, clockid_t clk, struct timespec *ts)
{
  const struct vdso_timestamp *vdso_ts = &vd->basetime[clk];
  unsigned long long cycles;
  unsigned long long ns;
  unsigned long long sec;
  unsigned int seq;

  do {
    seq = vdso_read_begin(vd);
    cycles = __arch_get_hw_counter();
    ns = vdso_ts->nsec;
    ns += (cycles - vd->cycle_last) * vd->mult;
    ns >>= vd->shift;
    sec = vdso_ts->sec;
  } while (vdso_read_retry(vd, seq));

  ts->tv_sec = sec + ns / NSEC_PER_SEC;
  ts->tv_nsec = ns % NSEC_PER_SEC;
  return 0;
}

/* A coarse clock: the time at the last tick. Linux's tick writes it into [vvar] and this reads it,
   with no counter; Forkscope's jiffies are the virtual clock in TICK_NSEC steps (linux/jiffies.h),
   which no tick writes down, so the fine clock is rounded down to the last one. */
static int do_coarse(const struct vdso_data *vd, clockid_t clk, struct timespec *ts)
{
  do_hres(vd, clk, ts);
  ts->tv_nsec -= ts->tv_nsec % LOW_RES_NSEC;
  return 0;
}

/* 0, or -1 for a clock the data does not cover. */
static int __cvdso_clock_gettime_common(const struct vdso_data *vd, clockid_t clock, struct timespec *ts)
{
  unsigned int msk;

  if ((unsigned int)clock >= MAX_CLOCKS) /* vdso_clockid_valid */
    return -1;
  msk = BIT(clock);
  if (msk & (VDSO_HRES | VDSO_RAW))
    return do_hres(vd, clock, ts);
  if (msk & VDSO_COARSE)
    return do_coarse(vd, clock, ts);
  return -1;
}

int __vdso_clock_gettime(clockid_t clock, struct timespec *ts)
{
  if (__cvdso_clock_gettime_common(__arch_get_vdso_data(), clock, ts))
    return sys_clock_gettime(clock, ts); /* clock_gettime_fallback */
  return 0;
}

int __vdso_gettimeofday(struct timeval *tv, struct timezone *tz)
{
  const struct vdso_data *vd = __arch_get_vdso_data();

  if (tv) {
    struct timespec ts;
    do_hres(vd, CLOCK_REALTIME, &ts);
    tv->tv_sec = ts.tv_sec;
    tv->tv_usec = (unsigned int)ts.tv_nsec / NSEC_PER_USEC;
  }
  if (tz) {
    tz->tz_minuteswest = vd->tz_minuteswest;
    tz->tz_dsttime = vd->tz_dsttime;
  }
  return 0;
}

/* Linux's reads the wall clock's seconds as the last tick wrote them; Forkscope's, with no such
   write, takes them from the fine clock: the time system call's value. */
time_t __vdso_time(time_t *t)
{
  struct timespec ts;

  do_hres(__arch_get_vdso_data(), CLOCK_REALTIME, &ts);
  if (t)
    *t = ts.tv_sec;
  return ts.tv_sec;
}

int __vdso_clock_getres(clockid_t clock, struct timespec *res)
{
  const struct vdso_data *vd = __arch_get_vdso_data();
  unsigned int msk;
  long ns;

  if ((unsigned int)clock >= MAX_CLOCKS)
    return sys_clock_getres(clock, res); /* clock_getres_fallback */
  msk = BIT(clock);
  if (msk & (VDSO_HRES | VDSO_RAW))
    ns = vd->hrtimer_res;
  else if (msk & VDSO_COARSE)
    ns = LOW_RES_NSEC;
  else
    return sys_clock_getres(clock, res);
  if (res) {
    res->tv_sec = 0;
    res->tv_nsec = ns;
  }
  return 0;
}
