/* fs/exec.c: execve. Finding and loading the program is host code (bprm_load, begin_new_exec); the
   steps around the point of no return are Linux's: kill the process's other threads (de_thread), let a
   vfork parent go, drop the old memory's handlers, then start the new image in the same task, keeping
   its PID, parent and open files. */
#include <linux/sched.h>
#include <linux/errno.h>
#include <linux/forkscope.h>

extern void complete_vfork_done(struct task_struct *tsk);
extern int zap_other_threads(struct task_struct *p);
extern void release_task(struct task_struct *p);

/* Whether a thread of tsk's process other than tsk still lives: the others leave the thread ring as
   they exit (they reap themselves); the leader stays on it, as a zombie. */
static int other_threads_alive(struct task_struct *tsk)
{
  struct task_struct *t;
  for (t = next_thread(tsk); t != tsk; t = next_thread(t)) {
    if (!t->exit_state)
      return 1;
  }
  return 0;
}

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
  if (sig->flags & SIGNAL_GROUP_EXIT)
    return -EAGAIN; /* another thread is already ending the process */
  /* Linux marks the process with sig->group_exec_task, so that the killed threads exit quietly with
     code 0 instead of starting a group exit of their own (which would kill this thread too).
     Forkscope's do_group_exit knows only SIGNAL_GROUP_EXIT and the code it carries. */
  sig->flags |= SIGNAL_GROUP_EXIT;
  sig->group_exit_code = 0;
  zap_other_threads(tsk);
  /* Linux sleeps until the last of them wakes it (sig->notify_count); here the exec'ing thread gives
     up the CPU until they are gone. */
  while (other_threads_alive(tsk))
    schedule();
  sig->flags &= ~SIGNAL_GROUP_EXIT;

  if (!thread_group_leader(tsk)) {
    leader = tsk->group_leader;
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
no_thread_group:
  tsk->exit_signal = SIGCHLD;
  return 0;
}

static void flush_signal_handlers(struct task_struct *t)
{
  int i;
  for (i = 0; i < 64; i++) {
    /* Handlers are addresses in the old program: they reset to SIG_DFL. SIG_IGN stays. */
    struct k_sigaction *ka = &t->sighand->action[i];
    if (ka->sa.sa_handler != SIG_IGN_HANDLER)
      ka->sa.sa_handler = SIG_DFL_HANDLER;
    ka->sa.sa_flags = 0;
    ka->sa.sa_restorer = 0;
    ka->sa.sa_mask = 0;
  }
}

long sys_execve(const char *filename, const char *const *argv, const char *const *envp)
{
  int err = bprm_load(filename, argv, envp);
  if (err)
    return err;
  err = de_thread(current);
  if (err)
    return err;
  /* The point of no return. */
  if (current->vfork_done)
    complete_vfork_done(current);
  flush_signal_handlers(current);
  current->flags &= ~PF_FORKNOEXEC;
  current->thread.fsbase = 0; /* start_thread: the new image has no TLS until its C library sets one */
  begin_new_exec();
  return 0;
}
