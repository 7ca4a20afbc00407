/* kernel/sched/syscalls.c's policy calls: sched_setscheduler, sched_setparam, sched_getscheduler,
   sched_getparam, sched_get_priority_max and sched_get_priority_min, with Linux's checks in Linux's
   order (the checks themselves are not the lesson, so this file keeps them apart from syscalls.c).

   Forkscope's limitations, which the C library's <sched.h> repeats:
   - There is no real-time scheduling class: its run queues are CFS's alone. Setting SCHED_FIFO or
     SCHED_RR with a valid priority fails with EPERM (what Linux answers a process without
     CAP_SYS_NICE) rather than pretend; their priority range is reported as Linux reports it.
   - SCHED_BATCH and SCHED_IDLE are kept and reported, but CFS weighs every task by its nice level
     alone (kernel/cfs.ts), so they run as SCHED_NORMAL does; Linux gives SCHED_IDLE the smallest
     weight of all and does not let a waking SCHED_BATCH task preempt. */
#include <linux/sched.h>
#include <linux/errno.h>
#include <linux/uaccess.h>

/* sched_setparam's "keep the policy" (kernel/sched/syscalls.c's SETPARAM_POLICY). */
#define SETPARAM_POLICY (-1)
#define MAX_RT_USER_PRIO 100

/* struct sched_param (include/uapi/linux/sched/types.h). */
struct sched_param {
  int sched_priority;
};

extern struct task_struct *find_task_by_vpid(pid_t nr);

static int rt_policy(int policy)
{
  return policy == SCHED_FIFO || policy == SCHED_RR;
}

static int valid_policy(int policy)
{
  return policy == SCHED_NORMAL || policy == SCHED_BATCH || policy == SCHED_IDLE || rt_policy(policy) ||
         policy == SCHED_DEADLINE;
}

static struct task_struct *find_process_by_pid(pid_t pid)
{
  return pid ? find_task_by_vpid(pid) : current;
}

/* __sched_setscheduler: policy < 0 keeps p's policy (sched_setparam). */
static int __sched_setscheduler(struct task_struct *p, int policy, const struct sched_param *param, int reset_on_fork)
{
  /* Compared unsigned, as Linux's sched_attr holds it: a negative priority is out of range too. */
  unsigned int priority = param->sched_priority;

  if (policy < 0) {
    reset_on_fork = p->sched_reset_on_fork;
    policy = p->policy;
  } else if (!valid_policy(policy)) {
    return -EINVAL;
  }
  /* FIFO and RR take 1 … 99; the others 0. SCHED_DEADLINE needs sched_setattr's parameters. */
  if (priority > MAX_RT_PRIO - 1)
    return -EINVAL;
  if (policy == SCHED_DEADLINE || rt_policy(policy) != (priority != 0))
    return -EINVAL;
  /* No real-time class to put the task in (see the top of this file). */
  if (rt_policy(policy))
    return -EPERM;
  p->policy = policy;
  p->rt_priority = 0;
  p->sched_reset_on_fork = reset_on_fork;
  return 0;
}

static long do_sched_setscheduler(pid_t pid, int policy, struct sched_param *param)
{
  struct sched_param lparam;
  struct task_struct *p;
  int reset_on_fork = 0;

  if (!param || pid < 0)
    return -EINVAL;
  if (copy_from_user(&lparam, param, sizeof(struct sched_param)))
    return -EFAULT;
  p = find_process_by_pid(pid);
  if (!p)
    return -ESRCH;
  /* _sched_setscheduler: the flag rides in the policy's high bit. */
  if (policy >= 0 && (policy & SCHED_RESET_ON_FORK)) {
    reset_on_fork = 1;
    policy &= ~SCHED_RESET_ON_FORK;
  }
  return __sched_setscheduler(p, policy, &lparam, reset_on_fork);
}

long sys_sched_setscheduler(pid_t pid, int policy, struct sched_param *param)
{
  if (policy < 0)
    return -EINVAL;
  return do_sched_setscheduler(pid, policy, param);
}

long sys_sched_setparam(pid_t pid, struct sched_param *param)
{
  return do_sched_setscheduler(pid, SETPARAM_POLICY, param);
}

long sys_sched_getscheduler(pid_t pid)
{
  struct task_struct *p;

  if (pid < 0)
    return -EINVAL;
  p = find_process_by_pid(pid);
  if (!p)
    return -ESRCH;
  return p->policy | (p->sched_reset_on_fork ? SCHED_RESET_ON_FORK : 0);
}

long sys_sched_getparam(pid_t pid, struct sched_param *param)
{
  struct sched_param lp = { .sched_priority = 0 };
  struct task_struct *p;

  if (!param || pid < 0)
    return -EINVAL;
  p = find_process_by_pid(pid);
  if (!p)
    return -ESRCH;
  if (rt_policy(p->policy))
    lp.sched_priority = p->rt_priority;
  return copy_to_user(param, &lp, sizeof(*param)) ? -EFAULT : 0;
}

/* A real-time policy's priorities run from 1 to MAX_RT_USER_PRIO - 1; the others have only 0. */
long sys_sched_get_priority_max(int policy)
{
  if (!valid_policy(policy))
    return -EINVAL;
  return rt_policy(policy) ? MAX_RT_USER_PRIO - 1 : 0;
}

long sys_sched_get_priority_min(int policy)
{
  if (!valid_policy(policy))
    return -EINVAL;
  return rt_policy(policy) ? 1 : 0;
}
