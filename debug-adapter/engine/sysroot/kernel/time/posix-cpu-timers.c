/* kernel/time/posix-cpu-timers.c: the CPU-time clocks. CLOCK_PROCESS_CPUTIME_ID and
   CLOCK_THREAD_CPUTIME_ID are the caller's own (pid 0 in the encoding of linux/posix-timers.h); a
   negative clock id from clock_getcpuclockid names another process's. */
#include <linux/sched.h>
#include <linux/errno.h>
#include <linux/posix-timers.h>
#include <linux/sched/cputime.h>
#include <linux/timekeeping.h>

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
