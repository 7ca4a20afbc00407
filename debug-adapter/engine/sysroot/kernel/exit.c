/* kernel/exit.c: how processes end and are reaped. do_exit takes Linux's steps in Linux's order:
   exit_signals (PF_EXITING), exit_mm, exit_sem, exit_files, exit_fs, exit_notify (reparenting the
   children through find_new_reaper, then EXIT_ZOMBIE), do_task_dead (TASK_DEAD). release_task runs
   later, from the parent's wait. */
#include <linux/sched.h>
#include <linux/errno.h>
#include <linux/signal.h>
#include <linux/forkscope.h>

#define WNOHANG 1

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

static void mm_release(struct task_struct *tsk, struct mm_struct *mm)
{
  if (tsk->vfork_done)
    complete_vfork_done(tsk);
}

static void exit_mm(void)
{
  struct mm_struct *mm = current->mm;
  if (!mm)
    return;
  mm_release(current, mm);
  current->mm = 0;
  if (--mm->mm_users == 0) {
    exit_mm_pages(mm->__host_id);
    kfree(mm);
  }
}

/* System V semaphores and the filesystem context are not modelled per process yet. */
static void exit_sem(struct task_struct *tsk)
{
}

/* Closes every descriptor: a pipe whose last writer goes gives its readers end of file. */
static void exit_files(struct task_struct *tsk)
{
  files_exit(tsk);
}

static void exit_fs(struct task_struct *tsk)
{
}

/* The nearest living ancestor that asked to be a subreaper (PR_SET_CHILD_SUBREAPER), else init. */
static struct task_struct *find_new_reaper(struct task_struct *father, struct task_struct *reaper)
{
  struct task_struct *p;
  if (father->has_child_subreaper) {
    for (p = father->real_parent; p != &init_task && p != reaper; p = p->real_parent) {
      if (p->is_child_subreaper && !(p->flags & PF_EXITING))
        return p;
    }
  }
  return reaper;
}

/* Tells the parent that tsk has changed state: wakes it if it sleeps in wait(). Returns whether tsk
   should be reaped at once: POSIX says a parent that sets SIGCHLD to SIG_IGN, or uses SA_NOCLDWAIT,
   gets no zombies. */
static int do_notify_parent(struct task_struct *tsk, int sig)
{
  struct sighand_struct *psig = tsk->parent->sighand;
  int autoreap = 0;
  if (sig == SIGCHLD && (psig->handler[SIGCHLD - 1] == SIG_IGN_HANDLER || (psig->flags[SIGCHLD - 1] & SA_NOCLDWAIT)))
    autoreap = 1;
  wake_up_process(tsk->parent);
  return autoreap;
}

/* Only the direct children move: grandchildren keep their parents. */
static void forget_original_parent(struct task_struct *father)
{
  struct task_struct *reaper = find_new_reaper(father, child_reaper);
  struct task_struct *p;
  struct task_struct *n;

  list_for_each_entry_safe(p, n, &father->children, sibling) {
    p->real_parent = reaper;
    if (p->parent == father)
      p->parent = reaper;
    list_del(&p->sibling);
    list_add_tail(&p->sibling, &reaper->children);
    if (p->exit_state == EXIT_ZOMBIE)
      do_notify_parent(p, p->exit_signal);
  }
}

static void exit_notify(struct task_struct *tsk)
{
  forget_original_parent(tsk);
  tsk->exit_state = EXIT_ZOMBIE;
  if (do_notify_parent(tsk, tsk->exit_signal)) {
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

void do_group_exit(int exit_code)
{
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

void release_task(struct task_struct *p)
{
  list_del(&p->tasks);
  list_del(&p->sibling);
  free_pid(p->pid);
  if (--p->sighand->count == 0)
    kfree(p->sighand);
  /* The simulator frees the task_struct, at once or, for the running task, once it is switched out. */
  release_thread(p);
}

static int eligible_child(pid_t upid, struct task_struct *p)
{
  if (upid > 0)
    return p->pid == upid;
  return 1; /* -1: any child; process groups are not modelled yet, so 0 and < -1 mean any too */
}

/* Reaps a zombie child: its status goes to the parent and its PID and task_struct are freed. */
static pid_t wait_task_zombie(struct task_struct *p, int *stat_addr)
{
  pid_t pid = p->pid;
  int status = p->exit_code;

  p->exit_state = EXIT_DEAD;
  current->utime += p->utime;
  current->stime += p->stime;
  if (stat_addr)
    *stat_addr = status;
  release_task(p);
  return pid;
}

long do_wait(pid_t upid, int *stat_addr, int options)
{
  struct task_struct *p;
  int found;

  for (;;) {
    set_current_state(TASK_INTERRUPTIBLE);
    found = 0;
    list_for_each_entry(p, &current->children, sibling) {
      if (!eligible_child(upid, p))
        continue;
      found = 1;
      if (p->exit_state == EXIT_ZOMBIE) {
        __set_current_state(TASK_RUNNING);
        return wait_task_zombie(p, stat_addr);
      }
    }
    if (!found) {
      __set_current_state(TASK_RUNNING);
      return -ECHILD;
    }
    if (options & WNOHANG) {
      __set_current_state(TASK_RUNNING);
      return 0;
    }
    schedule();
    if (signal_pending(current)) {
      __set_current_state(TASK_RUNNING);
      return -EINTR;
    }
  }
}

long sys_wait4(pid_t upid, int *stat_addr, int options, void *rusage)
{
  return do_wait(upid, stat_addr, options);
}
