/* kernel/signal.c: sending signals and acting on them. A pending signal is acted on when the task
   returns to user mode (exit_to_user_mode): ignored with SIG_IGN, its default action with SIG_DFL.
   Handlers in the program are not run yet: such a signal takes its default action. */
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/errno.h>
#include <linux/forkscope.h>

int signal_pending(struct task_struct *p)
{
  return (p->pending & ~p->blocked) != 0;
}

/* Marks the signal pending and wakes the task if it sleeps interruptibly (or at all, for SIGKILL). */
static void send_signal(int sig, struct task_struct *t)
{
  t->pending |= sigmask(sig);
  wake_up_state(t, TASK_INTERRUPTIBLE | (sig == SIGKILL ? TASK_UNINTERRUPTIBLE : 0));
}

static struct task_struct *find_task_by_vpid(pid_t nr)
{
  struct task_struct *p;
  for_each_process(p) {
    if (p->pid == nr)
      return p;
  }
  return 0;
}

long sys_kill(pid_t pid, int sig)
{
  struct task_struct *p;

  if (sig < 0 || sig > _NSIG)
    return -EINVAL;
  p = find_task_by_vpid(pid);
  if (!p)
    return -ESRCH;
  if (sig == 0 || p->exit_state)
    return 0; /* signal 0 only checks the PID exists; a zombie still holds it */
  send_signal(sig, p);
  return 0;
}

/* The default action of the lowest pending signal: nothing for those ignored by default, death for
   the rest (stopping is not modelled yet). */
static void do_signal(void)
{
  int sig;
  for (sig = 1; sig <= _NSIG; sig++) {
    if (!(current->pending & ~current->blocked & sigmask(sig)))
      continue;
    current->pending &= ~sigmask(sig);
    if (current->sighand->handler[sig - 1] == SIG_IGN_HANDLER && sig != SIGKILL && sig != SIGSTOP)
      continue;
    if (sig_kernel_ignore(sig))
      continue;
    do_group_exit(sig);
  }
}

/* Run on every return to user mode that finds a signal pending. */
void exit_to_user_mode(void)
{
  if (signal_pending(current))
    do_signal();
}

long sys_pause(void)
{
  set_current_state(TASK_INTERRUPTIBLE);
  schedule();
  return -EINTR;
}

/* Sets a signal's disposition (a simplified rt_sigaction: the handler and its flags); returns the old one. */
long sys_rt_sigaction(int sig, unsigned long handler, unsigned long flags, unsigned long *oldhandler)
{
  if (sig < 1 || sig > _NSIG || sig == SIGKILL || sig == SIGSTOP)
    return -EINVAL;
  if (oldhandler)
    *oldhandler = current->sighand->handler[sig - 1];
  current->sighand->handler[sig - 1] = handler;
  current->sighand->flags[sig - 1] = flags;
  return 0;
}
