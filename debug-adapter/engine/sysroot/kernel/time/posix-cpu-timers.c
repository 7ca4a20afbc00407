/* kernel/time/posix-cpu-timers.c: the CPU-time clocks. CLOCK_PROCESS_CPUTIME_ID and
   CLOCK_THREAD_CPUTIME_ID are the caller's own (pid 0 in the encoding of linux/posix-timers.h); a
   negative clock id from clock_getcpuclockid names another process's. */
#include <linux/sched.h>
#include <linux/errno.h>
#include <linux/posix-timers.h>
#include <linux/sched/cputime.h>
#include <linux/timekeeping.h>
#include <linux/errno.h>
#include <linux/forkscope.h>
#include <linux/jiffies.h>
#include <linux/hrtimer.h>

#define CPUCLOCK_PROF 0
#define CPUCLOCK_VIRT 1
#define CPUCLOCK_MAX 3

extern struct task_struct *find_task_by_vpid(pid_t nr);

/* The task a CPU clock id names: a thread of the caller's process, or a process by its leader's PID. */
static struct task_struct *pid_for_clock(const clockid_t clock)
{
  const bool thread = CPUCLOCK_PERTHREAD(clock);
  const pid_t upid = CPUCLOCK_PID(clock);
  struct task_struct *p;

  if (CPUCLOCK_WHICH(clock) >= CPUCLOCK_MAX)
    return 0;
  if (upid == 0)
    return thread ? current : current->group_leader;
  p = find_task_by_vpid(upid);
  if (!p)
    return 0;
  if (thread)
    return same_thread_group(p, current) ? p : 0;
  return p == p->group_leader ? p : 0;
}

static u64 cpu_clock_sample(const clockid_t clkid, struct task_struct *p)
{
  if (clkid == CPUCLOCK_SCHED)
    return task_sched_runtime(p);
  if (clkid == CPUCLOCK_VIRT)
    return p->utime;
  return p->utime + p->stime;
}

static u64 cpu_clock_sample_group(const clockid_t clkid, struct task_struct *p)
{
  struct task_cputime ct;

  thread_group_cputime(p, &ct);
  if (clkid == CPUCLOCK_SCHED)
    return ct.sum_exec_runtime;
  if (clkid == CPUCLOCK_VIRT)
    return ct.utime;
  return ct.utime + ct.stime;
}

int posix_cpu_clock_get(const clockid_t clock, struct __kernel_timespec *tp)
{
  const clockid_t clkid = CPUCLOCK_WHICH(clock);
  struct task_struct *tsk = pid_for_clock(clock);
  u64 t;

  if (!tsk)
    return -EINVAL;
  if (CPUCLOCK_PERTHREAD(clock))
    t = cpu_clock_sample(clkid, tsk);
  else
    t = cpu_clock_sample_group(clkid, tsk);
  ns_to_kernel_timespec(t, tp);
  return 0;
}

/* The CPU clocks count nanoseconds: their resolution is one. */
int posix_cpu_clock_getres(const clockid_t clock, struct __kernel_timespec *tp)
{
  if (!pid_for_clock(clock))
    return -EINVAL;
  if (tp) {
    tp->tv_sec = 0;
    tp->tv_nsec = 1;
  }
  return 0;
}

/* The clock's reading for do_cpu_nanosleep: 0 once the task it names is gone. */
static u64 cpu_clock_now(const clockid_t clock, struct task_struct **p)
{
  *p = pid_for_clock(clock);
  if (!*p)
    return 0;
  if (CPUCLOCK_PERTHREAD(clock))
    return cpu_clock_sample(CPUCLOCK_WHICH(clock), *p);
  return cpu_clock_sample_group(CPUCLOCK_WHICH(clock), *p);
}

/* Sleeps until the CPU clock reaches restart->nanosleep.expires. Linux arms a CPU timer, which the
   tick checks (run_posix_cpu_timers); here the sleeper looks at the clock itself once a tick. A task
   that goes away takes its timer with it, which then counts as fired. */
static long do_cpu_nanosleep(struct restart_block *restart)
{
  const clockid_t clock = restart->nanosleep.clockid;
  u64 expires = restart->nanosleep.expires;
  struct task_struct *p;
  u64 now;

  for (;;) {
    set_current_state(TASK_INTERRUPTIBLE);
    now = cpu_clock_now(clock, &p);
    if (!p || now >= expires)
      break;
    hrtimer_start(current, ktime_get_ns() + TICK_NSEC);
    schedule();
    if (signal_pending(current))
      break;
  }
  __set_current_state(TASK_RUNNING);
  now = cpu_clock_now(clock, &p);
  if (!p || now >= expires)
    return 0;
  if (restart->nanosleep.rmtp)
    return nanosleep_copyout(restart, expires - now);
  return -ERESTART_RESTARTBLOCK;
}

static long posix_cpu_nsleep_restart(struct restart_block *restart)
{
  return do_cpu_nanosleep(restart);
}

/* clock_nanosleep on a CPU clock: a process's (the caller's own included), or another thread's of
   the caller's process; on the caller's own thread clock the sleep would never end, so EINVAL. */
int posix_cpu_nsleep(const clockid_t which_clock, int flags, const struct __kernel_timespec *rqtp)
{
  struct restart_block *restart = &current->restart_block;
  const clockid_t clock = which_clock == CLOCK_PROCESS_CPUTIME_ID ? MAKE_PROCESS_CPUCLOCK(0, CPUCLOCK_SCHED) : which_clock;
  struct task_struct *p;
  u64 now;
  long error;

  if (which_clock == CLOCK_THREAD_CPUTIME_ID) /* clock_thread has no nsleep */
    return -EOPNOTSUPP;
  if (CPUCLOCK_PERTHREAD(clock) && (CPUCLOCK_PID(clock) == 0 || CPUCLOCK_PID(clock) == current->pid))
    return -EINVAL;
  now = cpu_clock_now(clock, &p);
  if (!p)
    return -EINVAL;
  restart->nanosleep.clockid = clock;
  restart->nanosleep.expires = (u64)rqtp->tv_sec * NSEC_PER_SEC + rqtp->tv_nsec + (flags & TIMER_ABSTIME ? 0 : now);
  error = do_cpu_nanosleep(restart);
  if (error == -ERESTART_RESTARTBLOCK) {
    if (flags & TIMER_ABSTIME)
      return -ERESTARTNOHAND;
    restart->fn = posix_cpu_nsleep_restart;
  }
  return error;
}
