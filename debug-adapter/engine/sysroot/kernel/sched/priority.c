/* A task's nice level (kernel/sched/core.c's set_user_nice and kernel/sys.c's setpriority and
   getpriority): nice -20 … 19 is static_prio 100 … 139. Under CFS (the default policy) it weighs how fast the task's
   virtual runtime grows (sched_prio_to_weight), so a nicer task gets a smaller share of the CPU. */
#include <linux/sched.h>
#include <linux/errno.h>

#define PRIO_PROCESS 0

extern struct task_struct *find_task_by_vpid(pid_t nr);

static int task_nice(struct task_struct *p)
{
  return p->static_prio - DEFAULT_PRIO;
}

void set_user_nice(struct task_struct *p, long nice)
{
  p->static_prio = NICE_TO_PRIO(nice);
  p->normal_prio = p->static_prio;
  p->prio = p->static_prio;
}

static long clamp_nice(long nice)
{
  if (nice < MIN_NICE)
    return MIN_NICE;
  if (nice > MAX_NICE)
    return MAX_NICE;
  return nice;
}

/* Only PRIO_PROCESS is modelled: process groups and users have no priority of their own yet. */
static struct task_struct *priority_target(int which, int who)
{
  if (which != PRIO_PROCESS)
    return 0;
  return who == 0 ? current : find_task_by_vpid(who);
}

long sys_setpriority(int which, int who, int niceval)
{
  struct task_struct *p;
  if (which != PRIO_PROCESS)
    return -EINVAL;
  p = priority_target(which, who);
  if (!p)
    return -ESRCH;
  /* Every process runs as root: lowering the nice level (raising the priority) is allowed. */
  set_user_nice(p, clamp_nice(niceval));
  return 0;
}

/* The system call returns 20 - nice (1 … 40), never negative; the C library turns it back. */
long sys_getpriority(int which, int who)
{
  struct task_struct *p;
  if (which != PRIO_PROCESS)
    return -EINVAL;
  p = priority_target(which, who);
  if (!p)
    return -ESRCH;
  return 20 - task_nice(p);
}

long sys_nice(int increment)
{
  set_user_nice(current, clamp_nice(task_nice(current) + increment));
  return 0;
}
