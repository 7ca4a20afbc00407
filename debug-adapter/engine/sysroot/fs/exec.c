/* fs/exec.c: execve. Finding and loading the program is host code (bprm_load, begin_new_exec); the
   steps around the point of no return are Linux's: let a vfork parent go, drop the old memory's
   handlers, then start the new image in the same task, keeping its PID, parent and open files. */
#include <linux/sched.h>
#include <linux/errno.h>
#include <linux/forkscope.h>

extern void complete_vfork_done(struct task_struct *tsk);

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
  /* The point of no return. */
  if (current->vfork_done)
    complete_vfork_done(current);
  flush_signal_handlers(current);
  current->flags &= ~PF_FORKNOEXEC;
  current->thread.fsbase = 0; /* start_thread: the new image has no TLS until its C library sets one */
  begin_new_exec();
  return 0;
}
