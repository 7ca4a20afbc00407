/* fs/exec.c: execve. Finding and loading the program is host code (bprm_load, begin_new_exec); the
   steps around the point of no return are Linux's: kill the process's other threads (de_thread), let a
   vfork parent go, drop the old memory's handlers, then start the new image in the same task, keeping
   its PID, parent and open files. */
#include <linux/sched.h>
#include <linux/errno.h>
#include <linux/forkscope.h>
#include <linux/resource.h>

extern void complete_vfork_done(struct task_struct *tsk);
extern int zap_other_threads(struct task_struct *p);
extern void release_task(struct task_struct *p);

/* The new program runs alone in the process: every other thread is killed, and a thread that is not
   the leader takes the leader's place and its PID, so that getpid() does not change and the parent's
   wait finds the same child. */
static int de_thread(struct task_struct *tsk)
{
  struct signal_struct *sig = tsk->signal;
  struct task_struct *leader;
  pid_t tid;

  if (thread_group_empty(tsk))
    goto no_thread_group;
  if ((sig->flags & SIGNAL_GROUP_EXIT) || sig->group_exec_task)
    return -EAGAIN; /* another thread is already ending the process, or exec'ing */
  /* group_exec_task makes the killed threads exit quietly (do_group_exit), and each one that goes
     counts notify_count down (__exit_signal); the last wakes this thread. The old leader stays, as a
     zombie, so it is not counted. */
  sig->group_exec_task = tsk;
  sig->notify_count = zap_other_threads(tsk);
  if (!thread_group_leader(tsk))
    sig->notify_count--;
  while (sig->notify_count) {
    __set_current_state(TASK_KILLABLE);
    schedule();
    if (fatal_signal_pending(tsk))
      goto killed;
  }

  if (!thread_group_leader(tsk)) {
    leader = tsk->group_leader;
    /* Wait for the leader to be a zombie: its exit_notify wakes this thread. */
    for (;;) {
      sig->notify_count = -1;
      if (leader->exit_state)
        break;
      __set_current_state(TASK_KILLABLE);
      schedule();
      if (fatal_signal_pending(tsk))
        goto killed;
    }
    tsk->start_time = leader->start_time;
    /* exchange_tids: this thread takes the leader's PID; releasing the leader frees the old TID. */
    tid = tsk->pid;
    tsk->pid = leader->pid;
    leader->pid = tid;
    /* The leader's places in the task list and in its parent's children become this thread's. */
    list_replace(&leader->tasks, &tsk->tasks);
    list_replace_init(&leader->sibling, &tsk->sibling);
    tsk->group_leader = tsk;
    leader->group_leader = tsk;
    leader->exit_signal = -1;
    leader->exit_state = EXIT_DEAD;
    release_task(leader);
  }
  sig->group_exec_task = 0;
  sig->notify_count = 0;
no_thread_group:
  tsk->exit_signal = SIGCHLD;
  return 0;

killed:
  /* Another thread's group exit (a fatal signal) won: the exec fails and this thread dies with it. */
  sig->group_exec_task = 0;
  sig->notify_count = 0;
  return -EAGAIN;
}

/* Handlers are addresses in the old program (exec), or a child's are to start afresh (clone3's
   CLONE_CLEAR_SIGHAND): they reset to SIG_DFL. SIG_IGN stays unless force_default. */
void flush_signal_handlers(struct task_struct *t, int force_default)
{
  int i;
  for (i = 0; i < 64; i++) {
    struct k_sigaction *ka = &t->sighand->action[i];
    if (force_default || ka->sa.sa_handler != SIG_IGN_HANDLER)
      ka->sa.sa_handler = SIG_DFL_HANDLER;
    ka->sa.sa_flags = 0;
    ka->sa.sa_restorer = 0;
    ka->sa.sa_mask = 0;
  }
}

long sys_execve(const char *filename, const char *const *argv, const char *const *envp)
{
  /* exec_binprm: the TID the exec starts under, which de_thread may change, for the tracer. */
  pid_t old_vpid = current->pid;
  int err = bprm_load(filename, argv, envp);
  if (err)
    return err;
  err = de_thread(current);
  if (err)
    return err;
  /* The point of no return. */
  if (current->vfork_done)
    complete_vfork_done(current);
  do_close_on_exec();
  flush_signal_handlers(current, 0);
  current->flags &= ~PF_FORKNOEXEC;
  current->thread.fsbase = 0; /* start_thread: the new image has no TLS until its C library sets one */
  /* exec_mm_release's futex_exec_release: the old program's robust futexes are gone with it. */
  current->robust_list = 0;
  if (current->ptrace)
    ptrace_event_exec(current, old_vpid);
  rseq_execve(current);
  /* exec_mmap's: the most the old memory had resident stays the process's maxrss. */
  if (current->mm)
    setmax_mm_hiwater_rss(&current->signal->maxrss, current->mm);
  begin_new_exec();
  return 0;
}
