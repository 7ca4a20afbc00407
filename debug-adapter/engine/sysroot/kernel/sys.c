/* kernel/sys.c: prctl, a process's settings about itself, and its process group and session. */
#include <linux/sched.h>
#include <linux/errno.h>
#include <linux/string.h>

#define PR_SET_NAME 15
#define PR_GET_NAME 16
#define PR_SET_CHILD_SUBREAPER 36
#define PR_GET_CHILD_SUBREAPER 37

long sys_prctl(int option, unsigned long arg2, unsigned long arg3, unsigned long arg4, unsigned long arg5)
{
  switch (option) {
  case PR_SET_CHILD_SUBREAPER:
    /* Orphaned descendants will be reparented here rather than to init (find_new_reaper). */
    current->is_child_subreaper = !!arg2;
    if (arg2)
      current->has_child_subreaper = 1;
    return 0;
  case PR_GET_CHILD_SUBREAPER:
    *(int *)arg2 = current->is_child_subreaper;
    return 0;
  case PR_SET_NAME:
    strncpy(current->comm, (const char *)arg2, TASK_COMM_LEN - 1);
    current->comm[TASK_COMM_LEN - 1] = 0;
    return 0;
  case PR_GET_NAME:
    strncpy((char *)arg2, current->comm, TASK_COMM_LEN);
    return 0;
  default:
    return -EINVAL;
  }
}

/* Process groups and sessions (kernel/sys.c): a group is what kill(-pgid) and waitpid(-pgid) address,
   and what a shell puts each job in; a session is a login's groups. Forkscope keeps both as numbers
   in the signal_struct, shared by a process's threads. */

static struct task_struct *find_process_by_vpid(pid_t nr)
{
  struct task_struct *p;
  for_each_process(p) {
    if (p->pid == nr)
      return p;
  }
  return 0;
}

/* Whether any process is in the group pgrp. */
static int pgrp_exists(pid_t pgrp)
{
  struct task_struct *p;
  for_each_process(p) {
    if (p->signal->pgrp == pgrp)
      return 1;
  }
  return 0;
}

static int session_leader(struct task_struct *p)
{
  return p->signal->session == p->pid;
}

/* Moves pid (0: the caller) into group pgid (0: a new group named after pid). Only the caller or a
   child that has not exec'd yet may move, within its session, and never a session leader. */
long sys_setpgid(pid_t pid, pid_t pgid)
{
  struct task_struct *group_leader = current->group_leader;
  struct task_struct *p;
  struct task_struct *g;

  if (!pid)
    pid = group_leader->pid;
  if (!pgid)
    pgid = pid;
  if (pgid < 0)
    return -EINVAL;
  p = find_process_by_vpid(pid);
  if (!p)
    return -ESRCH;
  if (same_thread_group(p->real_parent, group_leader)) {
    if (p->signal->session != group_leader->signal->session)
      return -EPERM;
    if (!(p->flags & PF_FORKNOEXEC))
      return -EACCES;
  } else if (p != group_leader) {
    return -ESRCH;
  }
  if (session_leader(p))
    return -EPERM;
  if (pgid != pid) {
    for_each_process(g) {
      if (g->signal->pgrp == pgid && g->signal->session == group_leader->signal->session)
        break;
    }
    if (g == &init_task)
      return -EPERM;
  }
  p->signal->pgrp = pgid;
  return 0;
}

static long do_getpgid(pid_t pid)
{
  struct task_struct *p = pid ? find_process_by_vpid(pid) : current;
  if (!p)
    return -ESRCH;
  return p->signal->pgrp;
}

long sys_getpgid(pid_t pid)
{
  return do_getpgid(pid);
}

/* The caller's group: getpgid(0) as a system call of its own (x86-64 keeps it), which glibc's
   getpgrp() makes. */
long sys_getpgrp(void)
{
  return do_getpgid(0);
}

long sys_getsid(pid_t pid)
{
  struct task_struct *p = pid ? find_process_by_vpid(pid) : current;
  if (!p)
    return -ESRCH;
  return p->signal->session;
}

/* A new session and group, both named after the caller, which must not lead a group already. */
long sys_setsid(void)
{
  struct task_struct *group_leader = current->group_leader;
  pid_t sid = group_leader->pid;

  if (session_leader(group_leader) || pgrp_exists(sid))
    return -EPERM;
  group_leader->signal->session = sid;
  group_leader->signal->pgrp = sid;
  return sid;
}
