/* kernel/exit.c: how processes end and are reaped. do_exit takes Linux's steps in Linux's order:
   exit_signals (PF_EXITING), exit_mm, exit_sem, exit_files, exit_fs, exit_notify (reparenting the
   children through find_new_reaper, then EXIT_ZOMBIE), do_task_dead (TASK_DEAD). release_task runs
   later, from the parent's wait. */
#include <linux/sched.h>
#include <linux/errno.h>
#include <linux/signal.h>
#include <linux/forkscope.h>
#include <linux/uaccess.h>
#include <linux/futex.h>
#include <linux/sched/cputime.h>
#include <linux/jiffies.h>
#include <linux/resource.h>

/* wait's options (include/uapi/linux/wait.h) and waitid's id types. */
#define WNOHANG 1
#define WUNTRACED 2
#define WSTOPPED WUNTRACED
#define WEXITED 4
#define WCONTINUED 8
#define WNOWAIT 0x01000000
#define __WNOTHREAD 0x20000000
#define __WALL 0x40000000
#define __WCLONE 0x80000000
#define P_ALL 0
#define P_PID 1
#define P_PGID 2
/* getrusage's report of a child for wait4: its own usage and its children's (include/uapi/linux/resource.h). */
#define RUSAGE_BOTH (-2)

extern int zap_other_threads(struct task_struct *p);
extern void exit_itimers(struct task_struct *tsk);
extern void getrusage(struct task_struct *p, int who, struct rusage *ru);

extern void free_pid(int nr);
void release_task(struct task_struct *p);
extern struct task_struct *child_reaper;

static void exit_signals(struct task_struct *tsk)
{
  tsk->flags |= PF_EXITING;
}

/* A vfork child leaving its parent's memory (by exit or exec) lets the parent go on. */
void complete_vfork_done(struct task_struct *tsk)
{
  struct completion *vfork = tsk->vfork_done;
  tsk->vfork_done = 0;
  vfork_share_frames(tsk, tsk->real_parent);
  complete(vfork);
}

/* A thread leaving a memory others still use clears its TID there and wakes whoever waits on it: that
   is how pthread_join learns the thread has ended (CLONE_CHILD_CLEARTID). */
static void mm_release(struct task_struct *tsk, struct mm_struct *mm)
{
  if (tsk->clear_child_tid) {
    if (mm->mm_users > 1) {
      put_user(0, tsk->clear_child_tid); /* a bad address is the thread's own loss */
      do_futex((u32 *)tsk->clear_child_tid, FUTEX_WAKE, 1, 0, 0, 0, 0);
    }
    tsk->clear_child_tid = 0;
  }
  if (tsk->vfork_done)
    complete_vfork_done(tsk);
}

static void exit_mm(void)
{
  struct mm_struct *mm = current->mm;
  /* Before the check: a kernel thread has no mm, but kthread_stop waits on its vfork_done. */
  mm_release(current, mm);
  if (!mm)
    return;
  current->mm = 0;
  if (--mm->mm_users == 0) {
    exit_mm_pages(mm->__host_id);
    kfree(mm);
  }
}

/* System V semaphores are not modelled. */
static void exit_sem(struct task_struct *tsk)
{
}

/* exit_files and exit_fs (fs/file.c, fs/fs_struct.c) drop the task's use of its descriptor table and
   fs_struct: the last user of a table closes every descriptor in it. */

static struct task_struct *find_alive_thread(struct task_struct *p)
{
  struct task_struct *t;
  for (t = next_thread(p); t != p; t = next_thread(t)) {
    if (!(t->flags & PF_EXITING))
      return t;
  }
  return 0;
}

/* Another thread of the same process, else the nearest living ancestor that asked to be a subreaper
   (PR_SET_CHILD_SUBREAPER), else init. */
static struct task_struct *find_new_reaper(struct task_struct *father, struct task_struct *reaper)
{
  struct task_struct *p;
  struct task_struct *thread = find_alive_thread(father);
  if (thread)
    return thread;
  if (father->has_child_subreaper) {
    for (p = father->real_parent; p != &init_task && p != reaper; p = p->real_parent) {
      if (p->is_child_subreaper && !(p->flags & PF_EXITING))
        return p;
    }
  }
  return reaper;
}

/* Tells the parent that tsk has ended: its exit signal (SIGCHLD) with how it ended, and a wake-up if it
   sleeps in wait(). Returns whether tsk should be reaped at once: POSIX says a parent that sets
   SIGCHLD to SIG_IGN, or uses SA_NOCLDWAIT, gets no zombies. */
/* Wakes every thread of the parent's process that may sleep in wait (the wait_chldexit queue their
   signal_struct shares in Linux): any of them may be waiting for this child. */
void __wake_up_parent(struct task_struct *p, struct task_struct *parent)
{
  struct task_struct *t;

  (void)p;
  for_each_thread(parent, t)
    wake_up_process(t);
}

static int do_notify_parent(struct task_struct *tsk, int sig)
{
  struct sighand_struct *psig = tsk->parent->sighand;
  struct kernel_siginfo info;
  int code = (tsk->signal->flags & SIGNAL_GROUP_EXIT) ? tsk->signal->group_exit_code : tsk->exit_code;
  int autoreap = 0;

  clear_siginfo(&info);
  info.si_signo = sig;
  info.si_pid = tsk->tgid;
  if (code & 0x7f) {
    info.si_code = (code & 0x80) ? CLD_DUMPED : CLD_KILLED;
    info.si_status = code & 0x7f;
  } else {
    info.si_code = CLD_EXITED;
    info.si_status = (code >> 8) & 0xff;
  }
  /* Its CPU time, its dead threads' included (signal->utime), in clock ticks. */
  info.si_utime = nsec_to_clock_t(tsk->utime + tsk->signal->utime);
  info.si_stime = nsec_to_clock_t(tsk->stime + tsk->signal->stime);
  if (sig == SIGCHLD && (psig->action[SIGCHLD - 1].sa.sa_handler == SIG_IGN_HANDLER || (psig->action[SIGCHLD - 1].sa.sa_flags & SA_NOCLDWAIT))) {
    autoreap = 1;
    if (psig->action[SIGCHLD - 1].sa.sa_handler == SIG_IGN_HANDLER)
      sig = 0;
  }
  if (sig > 0 && sig <= _NSIG)
    group_send_sig_info(sig, &info, tsk->parent);
  __wake_up_parent(tsk, tsk->parent);
  return autoreap;
}

/* Whether no member of process group pgrp (ignored_task aside) will have a parent in another group
   of the same session: such a parent is the group's link to job control, POSIX's "orphaned" test.
   Members whose parent is init do not count. */
static int will_become_orphaned_pgrp(pid_t pgrp, struct task_struct *ignored_task)
{
  struct task_struct *p;

  for_each_process(p) {
    if (p->signal->pgrp != pgrp)
      continue;
    if (p == ignored_task || (p->exit_state && thread_group_empty(p)) || p->real_parent->pid == 1)
      continue;
    if (p->real_parent->signal->pgrp != pgrp && p->real_parent->signal->session == p->signal->session)
      return 0;
  }
  return 1;
}

static int has_stopped_jobs(pid_t pgrp)
{
  struct task_struct *p;

  for_each_process(p) {
    if (p->signal->pgrp == pgrp && (p->signal->flags & SIGNAL_STOP_STOPPED))
      return 1;
  }
  return 0;
}

/* POSIX 3.2.2.2: a process group that this exit (parent == 0) or this reparenting of tsk orphans, and
   that has stopped members, gets SIGHUP then SIGCONT, or nothing would ever continue them. */
static void kill_orphaned_pgrp(struct task_struct *tsk, struct task_struct *parent)
{
  pid_t pgrp = tsk->signal->pgrp;
  struct task_struct *ignored_task = tsk;

  if (!parent)
    parent = tsk->real_parent; /* exit: our parent is in another group, and we were the link to it */
  else
    ignored_task = 0; /* reparent: our child is in another group, and we were its link */
  if (parent->signal->pgrp != pgrp && parent->signal->session == tsk->signal->session &&
      will_become_orphaned_pgrp(pgrp, ignored_task) && has_stopped_jobs(pgrp)) {
    __kill_pgrp_info(SIGHUP, SEND_SIG_PRIV, pgrp);
    __kill_pgrp_info(SIGCONT, SEND_SIG_PRIV, pgrp);
  }
}

/* Only the direct children move: grandchildren keep their parents. */
static void forget_original_parent(struct task_struct *father)
{
  struct task_struct *reaper = find_new_reaper(father, child_reaper);
  struct task_struct *p;
  struct task_struct *n;

  list_for_each_entry_safe(p, n, &father->children, sibling) {
    struct task_struct *t;

    p->real_parent = reaper;
    if (p->parent == father)
      p->parent = reaper;
    /* prctl(PR_SET_PDEATHSIG): the parent thread has gone. The signal comes from it (SEND_SIG_NOINFO:
       SI_USER, si_pid its process's), to each thread that asked, for its whole process. */
    for_each_thread(p, t) {
      if (t->pdeath_signal) {
        struct kernel_siginfo info;

        clear_siginfo(&info);
        info.si_signo = t->pdeath_signal;
        info.si_code = SI_USER;
        info.si_pid = father->tgid;
        group_send_sig_info(t->pdeath_signal, &info, t);
      }
    }
    list_del(&p->sibling);
    list_add_tail(&p->sibling, &reaper->children);
    if (same_thread_group(reaper, father))
      continue;
    /* reparent_leader: "We don't want people slaying init." */
    p->exit_signal = SIGCHLD;
    if (p->exit_state == EXIT_ZOMBIE && thread_group_empty(p))
      do_notify_parent(p, p->exit_signal);
    kill_orphaned_pgrp(p, father);
  }
}

/* A thread other than the leader is nobody's child: it reaps itself. The leader tells its parent only
   once it is the last thread left; until then it stays a zombie (release_task notifies later). */
static void exit_notify(struct task_struct *tsk)
{
  int autoreap;
  forget_original_parent(tsk);
  if (!find_alive_thread(tsk))
    kill_orphaned_pgrp(tsk->group_leader, 0); /* the process's last thread: its group may lose its link */
  tsk->exit_state = EXIT_ZOMBIE;
  if (thread_group_leader(tsk))
    autoreap = thread_group_empty(tsk) && do_notify_parent(tsk, tsk->exit_signal);
  else
    autoreap = 1;
  /* A thread's exec waits for the old leader to be a zombie before taking its place. */
  if (tsk->signal->notify_count < 0)
    wake_up_process(tsk->signal->group_exec_task);
  if (autoreap) {
    tsk->exit_state = EXIT_DEAD;
    release_task(tsk); /* no zombie: the task_struct itself goes once the task is switched out */
  }
}

/* The last thing an exiting task does: it is never scheduled again. */
static void do_task_dead(void)
{
  current->__state = TASK_DEAD;
  schedule();
}

void do_exit(long code)
{
  struct task_struct *tsk = current;

  if (tsk->pid == 1)
    panic("Attempted to kill init! exitcode=0x%08lx\n", code);
  exit_signals(tsk);
  if (!find_alive_thread(tsk)) {
    /* The process's last task: its alarm is cancelled, and its memory's high-water mark is its own. */
    exit_itimers(tsk);
    if (tsk->mm)
      setmax_mm_hiwater_rss(&tsk->signal->maxrss, tsk->mm);
  }
  tsk->exit_code = code;
  exit_mm();
  exit_sem(tsk);
  exit_files(tsk);
  exit_fs(tsk);
  exit_notify(tsk);
  do_task_dead();
  for (;;)
    ;
}

/* Ends every thread of the process: the others get SIGKILL and die with the same exit code. */
void do_group_exit(int exit_code)
{
  struct signal_struct *sig = current->signal;

  if (sig->flags & SIGNAL_GROUP_EXIT) {
    exit_code = sig->group_exit_code;
  } else if (sig->group_exec_task) {
    exit_code = 0; /* killed by another thread's exec (de_thread) */
  } else if (!thread_group_empty(current)) {
    sig->group_exit_code = exit_code;
    sig->flags = SIGNAL_GROUP_EXIT;
    zap_other_threads(current);
  }
  do_exit(exit_code);
}

long sys_exit_group(int error_code)
{
  do_group_exit((error_code & 0xff) << 8);
  return 0;
}

long sys_exit(int error_code)
{
  do_exit((error_code & 0xff) << 8);
  return 0;
}

/* Unhashes p: a process leaves the task list and its parent's children, a thread its process's ring. */
static void __exit_signal(struct task_struct *p)
{
  if (thread_group_leader(p)) {
    list_del(&p->tasks);
    list_del(&p->sibling);
  } else if (p->signal->notify_count > 0 && !--p->signal->notify_count) {
    wake_up_process(p->signal->group_exec_task); /* the last thread de_thread waited for */
  }
  list_del_init(&p->thread_group);
  /* The process keeps the CPU time, switches and faults of its threads that are gone. */
  p->signal->utime += p->utime;
  p->signal->stime += p->stime;
  p->signal->min_flt += p->min_flt;
  p->signal->maj_flt += p->maj_flt;
  p->signal->nvcsw += p->nvcsw;
  p->signal->nivcsw += p->nivcsw;
  p->signal->sum_sched_runtime += p->se.sum_exec_runtime;
  flush_sigqueue(&p->pending, &p->pending_queue);
  if (--p->signal->sigcnt == 0) {
    flush_sigqueue(&p->signal->shared_pending, &p->signal->shared_pending_queue);
    kfree(p->signal);
  }
}

void release_task(struct task_struct *p)
{
  struct task_struct *leader;
  int zap_leader;
repeat:
  dec_rlimit_ucounts(task_ucounts(p), UCOUNT_RLIMIT_NPROC, 1);
  __exit_signal(p);
  free_pid(p->pid);
  if (--p->sighand->count == 0)
    kfree(p->sighand);
  /* The last thread of a process whose leader is already a zombie: now the parent may reap it. */
  zap_leader = 0;
  leader = p->group_leader;
  if (leader != p && thread_group_empty(leader) && leader->exit_state == EXIT_ZOMBIE) {
    zap_leader = do_notify_parent(leader, leader->exit_signal);
    if (zap_leader)
      leader->exit_state = EXIT_DEAD;
  }
  exit_creds(p);
  /* The simulator frees the task_struct, at once or, for the running task, once it is switched out. */
  release_thread(p);
  p = leader;
  if (zap_leader)
    goto repeat;
}

/* Which children a wait is for: one PID, a process group, or any (Linux's enum pid_type). */
#define PIDTYPE_PID 0
#define PIDTYPE_PGID 2
#define PIDTYPE_MAX 4

/* What waitid reports of a child (the kernel's struct waitid_info). */
struct waitid_info {
  pid_t pid;
  int uid;
  int status;
  int cause;
};

struct wait_opts {
  int wo_type;
  pid_t wo_pid;
  int wo_flags;
  struct waitid_info *wo_info; /* waitid's report, or 0 for wait4 */
  int wo_stat;                 /* wait4's status word */
  struct rusage *wo_rusage;    /* the child's resource usage, if the caller asked for it */
};

static int eligible_pid(struct wait_opts *wo, struct task_struct *p)
{
  if (wo->wo_type == PIDTYPE_MAX)
    return 1;
  if (wo->wo_type == PIDTYPE_PGID)
    return p->signal->pgrp == wo->wo_pid;
  return p->pid == wo->wo_pid;
}

static int eligible_child(struct wait_opts *wo, struct task_struct *p)
{
  if (!eligible_pid(wo, p))
    return 0;
  /* A child that sends no SIGCHLD at its end (clone with another signal, or none) is a "clone"
     child: only __WCLONE waits for it, and __WALL for every kind. */
  if (!(wo->wo_flags & __WALL) && ((p->exit_signal != SIGCHLD) ^ !!(wo->wo_flags & __WCLONE)))
    return 0;
  return 1;
}

/* A zombie child's end: its status goes to the parent, and unless WNOWAIT only asks, its PID and
   task_struct are freed. */
static pid_t wait_task_zombie(struct wait_opts *wo, struct task_struct *p)
{
  pid_t pid = p->pid;
  int status = (p->signal->flags & SIGNAL_GROUP_EXIT) ? p->signal->group_exit_code : p->exit_code;
  struct waitid_info *infop = wo->wo_info;
  struct signal_struct *sig = p->signal;
  struct signal_struct *psig = current->signal;
  struct task_cputime tg;
  unsigned long maxrss;

  if (!(wo->wo_flags & WEXITED))
    return 0;
  if (wo->wo_flags & WNOWAIT) {
    if (wo->wo_rusage)
      getrusage(p, RUSAGE_BOTH, wo->wo_rusage);
  } else {
    p->exit_state = EXIT_DEAD;
    /* The child's figures (its own, the leader's, in its task_struct; those of its threads that are
       gone, in its signal_struct) and those of the children it reaped become the parent's c* figures:
       CPU time (what times() reports for children), switches, faults, and the most memory resident. */
    thread_group_cputime(p, &tg);
    psig->cutime += tg.utime + sig->cutime;
    psig->cstime += tg.stime + sig->cstime;
    psig->cmin_flt += p->min_flt + sig->min_flt + sig->cmin_flt;
    psig->cmaj_flt += p->maj_flt + sig->maj_flt + sig->cmaj_flt;
    psig->cnvcsw += p->nvcsw + sig->nvcsw + sig->cnvcsw;
    psig->cnivcsw += p->nivcsw + sig->nivcsw + sig->cnivcsw;
    maxrss = sig->maxrss > sig->cmaxrss ? sig->maxrss : sig->cmaxrss;
    if (psig->cmaxrss < maxrss)
      psig->cmaxrss = maxrss;
    if (wo->wo_rusage)
      getrusage(p, RUSAGE_BOTH, wo->wo_rusage);
    release_task(p);
  }
  wo->wo_stat = status;
  if (infop) {
    if ((status & 0x7f) == 0) {
      infop->cause = CLD_EXITED;
      infop->status = status >> 8;
    } else {
      infop->cause = (status & 0x80) ? CLD_DUMPED : CLD_KILLED;
      infop->status = status & 0x7f;
    }
    infop->pid = pid;
    infop->uid = 0;
  }
  return pid;
}

/* A stopped child, reported once (WUNTRACED, or waitid's WSTOPPED): status 0x7f with the stop signal. */
static pid_t wait_task_stopped(struct wait_opts *wo, struct task_struct *p)
{
  struct waitid_info *infop = wo->wo_info;
  int exit_code;

  if (!(wo->wo_flags & WUNTRACED))
    return 0;
  if (!(p->signal->flags & SIGNAL_STOP_STOPPED) || !p->signal->group_exit_code)
    return 0;
  exit_code = p->signal->group_exit_code;
  if (!(wo->wo_flags & WNOWAIT))
    p->signal->group_exit_code = 0;
  if (wo->wo_rusage)
    getrusage(p, RUSAGE_BOTH, wo->wo_rusage);
  wo->wo_stat = (exit_code << 8) | 0x7f;
  if (infop) {
    infop->cause = CLD_STOPPED;
    infop->status = exit_code;
    infop->pid = p->pid;
    infop->uid = 0;
  }
  return p->pid;
}

/* A child SIGCONT resumed, reported once with WCONTINUED: status 0xffff. */
static pid_t wait_task_continued(struct wait_opts *wo, struct task_struct *p)
{
  struct waitid_info *infop = wo->wo_info;

  if (!(wo->wo_flags & WCONTINUED))
    return 0;
  if (!(p->signal->flags & SIGNAL_STOP_CONTINUED))
    return 0;
  if (!(wo->wo_flags & WNOWAIT))
    p->signal->flags &= ~SIGNAL_STOP_CONTINUED;
  if (wo->wo_rusage)
    getrusage(p, RUSAGE_BOTH, wo->wo_rusage);
  wo->wo_stat = 0xffff;
  if (infop) {
    infop->cause = CLD_CONTINUED;
    infop->status = SIGCONT;
    infop->pid = p->pid;
    infop->uid = 0;
  }
  return p->pid;
}

static pid_t wait_consider_task(struct wait_opts *wo, struct task_struct *p)
{
  pid_t ret;
  if (p->exit_state == EXIT_ZOMBIE) {
    /* A leader whose other threads still run is not reaped yet. */
    if (delay_group_leader(p))
      return 0;
    return wait_task_zombie(wo, p);
  }
  ret = wait_task_stopped(wo, p);
  if (ret)
    return ret;
  return wait_task_continued(wo, p);
}

/* The sleep pattern over the children: -ECHILD when none is eligible, 0 with WNOHANG when none has
   anything to report, and -ERESTARTSYS when a signal interrupts the sleep (a handler with SA_RESTART
   makes the wait again). */
/* The children of one thread tsk of the caller's process: what of them is ready for the wait (0:
   nothing yet). *notask becomes 0 if any of them is one the wait is for. */
static pid_t do_wait_thread(struct wait_opts *wo, struct task_struct *tsk, long *notask)
{
  struct task_struct *p;
  pid_t ret;

  list_for_each_entry(p, &tsk->children, sibling) {
    if (!eligible_child(wo, p) || p->exit_state == EXIT_DEAD)
      continue;
    *notask = 0;
    ret = wait_consider_task(wo, p);
    if (ret)
      return ret;
  }
  return 0;
}

/* A process's threads share their children: each waits for any thread's, starting with its own,
   unless __WNOTHREAD limits it to its own. */
static long do_wait(struct wait_opts *wo)
{
  struct task_struct *tsk;
  long retval;
  pid_t ret;

  for (;;) {
    set_current_state(TASK_INTERRUPTIBLE);
    retval = -ECHILD;
    for_each_thread(current, tsk) {
      ret = do_wait_thread(wo, tsk, &retval);
      if (ret) {
        __set_current_state(TASK_RUNNING);
        return ret;
      }
      if (wo->wo_flags & __WNOTHREAD)
        break;
    }
    if (retval || (wo->wo_flags & WNOHANG)) {
      __set_current_state(TASK_RUNNING);
      return retval;
    }
    if (signal_pending(current)) {
      __set_current_state(TASK_RUNNING);
      return -ERESTARTSYS;
    }
    schedule();
  }
}

/* pid > 0: that child; -1: any; 0: any in the caller's process group; < -1: any in group -pid. */
long kernel_wait4(pid_t upid, int *stat_addr, int options, struct rusage *ru)
{
  struct wait_opts wo;
  long ret;

  if (options & ~(WNOHANG | WUNTRACED | WCONTINUED | __WNOTHREAD | __WCLONE | __WALL))
    return -EINVAL;
  if (upid == -1) {
    wo.wo_type = PIDTYPE_MAX;
    wo.wo_pid = 0;
  } else if (upid < 0) {
    wo.wo_type = PIDTYPE_PGID;
    wo.wo_pid = -upid;
  } else if (upid == 0) {
    wo.wo_type = PIDTYPE_PGID;
    wo.wo_pid = current->signal->pgrp;
  } else {
    wo.wo_type = PIDTYPE_PID;
    wo.wo_pid = upid;
  }
  wo.wo_flags = options | WEXITED;
  wo.wo_info = 0;
  wo.wo_stat = 0;
  wo.wo_rusage = ru;
  ret = do_wait(&wo);
  /* The child is reaped by now: a bad stat_addr fails the call all the same. */
  if (ret > 0 && stat_addr && put_user(wo.wo_stat, stat_addr))
    ret = -EFAULT;
  return ret;
}

/* The child's usage is copied out only when a child was reported. */
long sys_wait4(pid_t upid, int *stat_addr, int options, struct rusage *ru)
{
  struct rusage r;
  long err = kernel_wait4(upid, stat_addr, options, ru ? &r : 0);

  if (err > 0) {
    if (ru && copy_to_user(ru, &r, sizeof(struct rusage)))
      return -EFAULT;
  }
  return err;
}

static long kernel_waitid(int which, pid_t upid, struct waitid_info *infop, int options, struct rusage *ru)
{
  struct wait_opts wo;

  if (options & ~(WNOHANG | WNOWAIT | WEXITED | WSTOPPED | WCONTINUED | __WNOTHREAD | __WCLONE | __WALL))
    return -EINVAL;
  if (!(options & (WEXITED | WSTOPPED | WCONTINUED)))
    return -EINVAL;
  switch (which) {
  case P_ALL:
    wo.wo_type = PIDTYPE_MAX;
    break;
  case P_PID:
    wo.wo_type = PIDTYPE_PID;
    if (upid <= 0)
      return -EINVAL;
    break;
  case P_PGID:
    wo.wo_type = PIDTYPE_PGID;
    if (upid < 0)
      return -EINVAL;
    if (upid == 0)
      upid = current->signal->pgrp;
    break;
  default:
    return -EINVAL;
  }
  wo.wo_pid = upid;
  wo.wo_flags = options;
  wo.wo_info = infop;
  wo.wo_stat = 0;
  wo.wo_rusage = ru;
  return do_wait(&wo);
}

/* The start of the siginfo_t waitid fills in: x86-64's layout, with the union at offset 16. */
struct waitid_siginfo {
  int si_signo;
  int si_errno;
  int si_code;
  int __pad;
  pid_t si_pid;
  int si_uid;
  int si_status;
};

/* Reports through a siginfo_t: si_signo SIGCHLD, si_code CLD_EXITED, CLD_KILLED, CLD_STOPPED or
   CLD_CONTINUED; all zero when WNOHANG finds nothing to report. */
long sys_waitid(int which, pid_t upid, struct waitid_siginfo *infop, int options, struct rusage *ru)
{
  struct rusage r;
  struct waitid_info info = { 0 };
  long err = kernel_waitid(which, upid, &info, options, ru ? &r : 0);
  int signo = 0;

  if (err > 0) {
    signo = SIGCHLD;
    err = 0;
    if (ru && copy_to_user(ru, &r, sizeof(struct rusage)))
      return -EFAULT;
  }
  if (!infop)
    return err;
  /* Linux's unsafe_put_user field by field: the first that faults ends the call, the child reaped. */
  if (put_user(signo, &infop->si_signo) || put_user(0, &infop->si_errno) || put_user(info.cause, &infop->si_code) ||
      put_user(info.pid, &infop->si_pid) || put_user(info.uid, &infop->si_uid) || put_user(info.status, &infop->si_status))
    return -EFAULT;
  return err;
}
