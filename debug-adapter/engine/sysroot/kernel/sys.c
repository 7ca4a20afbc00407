/* kernel/sys.c: getrusage, prctl, a process's settings about itself, and its process group and session. */
#include <linux/sched.h>
#include <linux/errno.h>
#include <linux/signal.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/capability.h>
#include <linux/forkscope.h>
#include <linux/resource.h>
#include <linux/sched/cputime.h>

#define PAGE_SIZE 4096UL

/* Whose usage getrusage reports (include/uapi/linux/resource.h). */
#define RUSAGE_SELF 0
#define RUSAGE_CHILDREN (-1)
#define RUSAGE_BOTH (-2) /* sys_wait4() uses this */
#define RUSAGE_THREAD 1  /* only the calling thread */

/* Resource usage. A task counts its own context switches and faults; as a thread goes, __exit_signal
   adds its figures to its signal_struct, and as a process is reaped, wait_task_zombie adds them, with
   those of the children it had reaped, to its parent's c* figures. */

static void accumulate_thread_rusage(struct task_struct *t, struct rusage *r)
{
  r->ru_nvcsw += t->nvcsw;
  r->ru_nivcsw += t->nivcsw;
  r->ru_minflt += t->min_flt;
  r->ru_majflt += t->maj_flt;
}

/* RUSAGE_SELF: the process, its gone threads and its live ones; RUSAGE_CHILDREN: the children it has
   reaped; RUSAGE_BOTH (wait4's report of a child it reaps): both; RUSAGE_THREAD: the calling thread.
   The most memory resident is that of the memory still in use too, unless only children count. */
void getrusage(struct task_struct *p, int who, struct rusage *r)
{
  struct task_struct *t;
  struct task_cputime tg;
  u64 utime, stime;
  unsigned long maxrss;
  struct mm_struct *mm;
  struct signal_struct *sig = p->signal;

  memset(r, 0, sizeof(*r));
  utime = stime = 0;
  maxrss = 0;

  if (who == RUSAGE_THREAD) {
    utime = current->utime;
    stime = current->stime;
    accumulate_thread_rusage(p, r);
    maxrss = sig->maxrss;
    goto out_thread;
  }

  switch (who) {
  case RUSAGE_BOTH:
  case RUSAGE_CHILDREN:
    utime = sig->cutime;
    stime = sig->cstime;
    r->ru_nvcsw = sig->cnvcsw;
    r->ru_nivcsw = sig->cnivcsw;
    r->ru_minflt = sig->cmin_flt;
    r->ru_majflt = sig->cmaj_flt;
    maxrss = sig->cmaxrss;

    if (who == RUSAGE_CHILDREN)
      break;
    /* fall through */

  case RUSAGE_SELF:
    r->ru_nvcsw += sig->nvcsw;
    r->ru_nivcsw += sig->nivcsw;
    r->ru_minflt += sig->min_flt;
    r->ru_majflt += sig->maj_flt;
    if (maxrss < sig->maxrss)
      maxrss = sig->maxrss;
    for_each_thread(p->group_leader, t)
      accumulate_thread_rusage(t, r);
    break;
  }

  if (who == RUSAGE_CHILDREN)
    goto out_children;

  thread_group_cputime(p, &tg);
  utime += tg.utime;
  stime += tg.stime;

out_thread:
  mm = p->mm;
  if (mm)
    setmax_mm_hiwater_rss(&maxrss, mm);

out_children:
  r->ru_maxrss = maxrss * (PAGE_SIZE / 1024); /* pages to KiB */
  r->ru_utime = ns_to_kernel_old_timeval(utime);
  r->ru_stime = ns_to_kernel_old_timeval(stime);
}

long sys_getrusage(int who, struct rusage *ru)
{
  struct rusage r;

  if (who != RUSAGE_SELF && who != RUSAGE_CHILDREN && who != RUSAGE_THREAD)
    return -EINVAL;

  getrusage(current, who, &r);
  return copy_to_user(ru, &r, sizeof(r)) ? -EFAULT : 0;
}

#define PR_SET_PDEATHSIG 1
#define PR_GET_PDEATHSIG 2
#define PR_SET_NAME 15
#define PR_GET_NAME 16
#define PR_SET_CHILD_SUBREAPER 36
#define PR_GET_CHILD_SUBREAPER 37

long sys_prctl(int option, unsigned long arg2, unsigned long arg3, unsigned long arg4, unsigned long arg5)
{
  char comm[TASK_COMM_LEN];

  switch (option) {
  case PR_SET_PDEATHSIG:
    /* The signal this thread gets when its parent thread exits (forget_original_parent). */
    if (!valid_signal(arg2))
      return -EINVAL;
    current->pdeath_signal = arg2;
    return 0;
  case PR_GET_PDEATHSIG:
    return put_user(current->pdeath_signal, (int *)arg2);
  case PR_SET_CHILD_SUBREAPER:
    /* Orphaned descendants will be reparented here rather than to init (find_new_reaper). */
    current->is_child_subreaper = !!arg2;
    if (arg2)
      current->has_child_subreaper = 1;
    return 0;
  case PR_GET_CHILD_SUBREAPER:
    return put_user(current->is_child_subreaper, (int *)arg2);
  case PR_SET_NAME:
    /* The name is taken whole before it replaces the old one: a fault leaves comm as it was. */
    comm[TASK_COMM_LEN - 1] = 0;
    if (strncpy_from_user(comm, (const char *)arg2, TASK_COMM_LEN - 1) < 0)
      return -EFAULT;
    strncpy(current->comm, comm, TASK_COMM_LEN);
    return 0;
  case PR_GET_NAME:
    strncpy(comm, current->comm, TASK_COMM_LEN); /* get_task_comm */
    if (copy_to_user((char *)arg2, comm, sizeof(comm)))
      return -EFAULT;
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

/* Resource limits (kernel/sys.c): getrlimit, setrlimit and prlimit of the C library are all
   prlimit64. */

extern struct task_struct *find_task_by_vpid(pid_t nr);
extern unsigned int sysctl_nr_open; /* fs/file.c */

/* Reads and/or sets tsk's limit on resource. A limit's soft value may not exceed its hard one, a hard
   one may be raised only with CAP_SYS_RESOURCE, and no process may have more descriptors than nr_open. */
static int do_prlimit(struct task_struct *tsk, unsigned int resource, struct rlimit *new_rlim, struct rlimit *old_rlim)
{
  struct rlimit *rlim;
  int retval = 0;

  if (resource >= RLIM_NLIMITS)
    return -EINVAL;
  if (new_rlim) {
    if (new_rlim->rlim_cur > new_rlim->rlim_max)
      return -EINVAL;
    if (resource == RLIMIT_NOFILE && new_rlim->rlim_max > sysctl_nr_open)
      return -EPERM;
  }
  rlim = tsk->signal->rlim + resource;
  if (new_rlim) {
    if (new_rlim->rlim_max > rlim->rlim_max && !capable(CAP_SYS_RESOURCE))
      retval = -EPERM;
  }
  if (!retval) {
    if (old_rlim)
      *old_rlim = *rlim;
    if (new_rlim)
      *rlim = *new_rlim;
  }
  if (!retval && new_rlim && resource == RLIMIT_STACK)
    update_stack_limit(tsk->group_leader);
  return retval;
}

/* Another process's limits may be read or set by a process of the same user, or one with
   CAP_SYS_RESOURCE (check_prlimit_permission): always, for Forkscope's root. */
static int check_prlimit_permission(struct task_struct *task, unsigned int flags)
{
  if (current == task)
    return 0;
  if (current_uid() == task->cred->uid && current_uid() == task->cred->euid)
    return 0;
  if (capable(CAP_SYS_RESOURCE))
    return 0;
  return -EPERM;
}

/* prlimit64(pid, resource, new, old): pid 0 is the caller. The old limit is written after the new one is
   set, both in struct rlimit64. */
long sys_prlimit64(pid_t pid, unsigned int resource, const struct rlimit64 *new_rlim, struct rlimit64 *old_rlim)
{
  struct rlimit64 old64, new64;
  struct rlimit old, new;
  struct task_struct *tsk;
  int ret;

  if (new_rlim) {
    if (copy_from_user(&new64, new_rlim, sizeof(new64)))
      return -EFAULT;
    new.rlim_cur = new64.rlim_cur;
    new.rlim_max = new64.rlim_max;
  }
  tsk = pid ? find_task_by_vpid(pid) : current;
  if (!tsk)
    return -ESRCH;
  ret = check_prlimit_permission(tsk, 0);
  if (ret)
    return ret;
  ret = do_prlimit(tsk, resource, new_rlim ? &new : 0, old_rlim ? &old : 0);
  if (!ret && old_rlim) {
    old64.rlim_cur = old.rlim_cur;
    old64.rlim_max = old.rlim_max;
    if (copy_to_user(old_rlim, &old64, sizeof(old64)))
      ret = -EFAULT;
  }
  return ret;
}
