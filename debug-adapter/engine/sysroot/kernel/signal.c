/* kernel/signal.c: sending signals, the pending and blocked sets, and what a task does with a signal
   on its way back to user mode (get_signal): nothing when ignored, its default action (death, or a
   stop until SIGCONT) with SIG_DFL, or its handler, which arch_do_signal_or_restart (signal_frame.c)
   starts in user mode. A signal the task ignores is dropped when it is sent, as Linux does. */
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/errno.h>
#include <linux/forkscope.h>

int signal_pending(struct task_struct *p)
{
  return (p->pending & ~p->blocked) != 0;
}

static int sig_handler_ignored(unsigned long handler, int sig)
{
  return handler == SIG_IGN_HANDLER || (handler == SIG_DFL_HANDLER && sig_kernel_ignore(sig));
}

/* A blocked signal is never ignored at send time: the handler may change before it is unblocked. */
static int sig_ignored(struct task_struct *t, int sig)
{
  if (t->blocked & sigmask(sig))
    return 0;
  /* init gets only the signals it has handlers for, so that nothing kills it (SIGNAL_UNKILLABLE). */
  if (t->pid == 1 && t->sighand->action[sig - 1].sa.sa_handler == SIG_DFL_HANDLER)
    return 1;
  return sig_handler_ignored(t->sighand->action[sig - 1].sa.sa_handler, sig);
}

/* Job control happens when a signal is sent, not when it is delivered: a stop signal cancels a pending
   SIGCONT, and SIGCONT cancels pending stop signals and resumes a stopped process, even when SIGCONT
   itself is blocked or ignored. Returns whether the signal is to be queued. */
static int prepare_signal(int sig, struct task_struct *p)
{
  struct signal_struct *signal = p->signal;
  struct task_struct *t;
  unsigned int why;

  if (signal->flags & SIGNAL_GROUP_EXIT)
    return 0; /* the process is dying: nothing to do */
  if (sig_kernel_stop(sig)) {
    for_each_thread(p, t)
      t->pending &= ~sigmask(SIGCONT);
  } else if (sig == SIGCONT) {
    for_each_thread(p, t) {
      t->pending &= ~SIG_KERNEL_STOP_MASK;
      wake_up_state(t, __TASK_STOPPED);
    }
    why = 0;
    if (signal->flags & SIGNAL_STOP_STOPPED)
      why = SIGNAL_CLD_CONTINUED;
    if (why) {
      /* The parent hears of it from the continued task itself, in get_signal. */
      signal->flags = (signal->flags & ~(SIGNAL_STOP_STOPPED | SIGNAL_STOP_CONTINUED | SIGNAL_CLD_MASK)) | why | SIGNAL_STOP_CONTINUED;
      signal->group_exit_code = 0;
    }
  }
  return !sig_ignored(p, sig);
}

/* Wakes t to act on a signal: from an interruptible sleep, and for SIGKILL from a stop or killable sleep too. */
static void signal_wake_up(struct task_struct *t, int fatal)
{
  wake_up_state(t, TASK_INTERRUPTIBLE | (fatal ? TASK_WAKEKILL : 0));
}

/* Queues sig for t with its details (SEND_SIG_PRIV: from the kernel itself). A non-realtime signal
   already pending is not queued twice: the second is lost. */
int send_sig_info(int sig, struct kernel_siginfo *info, struct task_struct *t)
{
  struct kernel_siginfo *q;

  if (!prepare_signal(sig, t))
    return 0;
  if (!(t->pending & sigmask(sig))) {
    q = &t->pending_info[sig - 1];
    if (info) {
      *q = *info;
    } else {
      q->si_code = SI_KERNEL;
      q->si_pid = 0;
      q->si_status = 0;
    }
    q->si_signo = sig;
    t->pending |= sigmask(sig);
  }
  signal_wake_up(t, sig == SIGKILL);
  return 0;
}

static void send_signal(int sig, struct task_struct *t)
{
  send_sig_info(sig, SEND_SIG_PRIV, t);
}

/* Every thread has a PID of its own (its TID), so the search covers threads too. */
static struct task_struct *find_task_by_vpid(pid_t nr)
{
  struct task_struct *p;
  struct task_struct *t;
  for_each_process_thread(p, t) {
    if (t->pid == nr)
      return t;
  }
  return 0;
}

/* do_group_exit's half: SIGKILL to every other thread of p's process. Returns how many there are. */
int zap_other_threads(struct task_struct *p)
{
  struct task_struct *t;
  int count = 0;
  for (t = next_thread(p); t != p; t = next_thread(t)) {
    count++;
    if (t->exit_state)
      continue;
    /* Straight into the pending set: send_signal would drop it, the process being already marked as
       exiting (SIGNAL_GROUP_EXIT). */
    t->pending |= sigmask(SIGKILL);
    signal_wake_up(t, 1);
  }
  return count;
}

/* kill(2) to one process: a signal 0 only checks that it exists; a zombie still holds its PID. */
static int group_send_sig_info(int sig, struct kernel_siginfo *info, struct task_struct *p)
{
  if (sig == 0 || p->exit_state)
    return 0;
  return send_sig_info(sig, info, p);
}

/* Every process of a process group; -ESRCH when it has none. */
static int __kill_pgrp_info(int sig, struct kernel_siginfo *info, pid_t pgrp)
{
  struct task_struct *p;
  int success = 0;
  int retval = -ESRCH;
  int err;

  for_each_process(p) {
    if (p->signal->pgrp != pgrp)
      continue;
    err = group_send_sig_info(sig, info, p);
    success |= !err;
    retval = err;
  }
  return success ? 0 : retval;
}

/* kill's targets: pid > 0 one process, 0 the caller's process group, -1 every process but init and
   the caller, < -1 the process group -pid. */
static int kill_something_info(int sig, struct kernel_siginfo *info, pid_t pid)
{
  struct task_struct *p;
  int count = 0;
  int retval = 0;
  int err;

  if (pid > 0) {
    p = find_task_by_vpid(pid);
    if (!p)
      return -ESRCH;
    return group_send_sig_info(sig, info, p);
  }
  if (pid != -1)
    return __kill_pgrp_info(sig, info, pid ? -pid : current->signal->pgrp);
  for_each_process(p) {
    if (p->pid > 1 && !same_thread_group(p, current)) {
      err = group_send_sig_info(sig, info, p);
      count++;
      if (err != -EPERM)
        retval = err;
    }
  }
  return count ? retval : -ESRCH;
}

long sys_kill(pid_t pid, int sig)
{
  struct kernel_siginfo info;

  if (sig < 0 || sig > _NSIG)
    return -EINVAL;
  info.si_signo = sig;
  info.si_code = SI_USER;
  info.si_pid = current->tgid;
  info.si_status = 0;
  return kill_something_info(sig, &info, pid);
}

/* Tells the parent that tsk stopped or continued: SIGCHLD unless it ignores it or asked for
   SA_NOCLDSTOP, and a wake-up if it sleeps in wait(). */
void do_notify_parent_cldstop(struct task_struct *tsk, int why)
{
  struct task_struct *parent = tsk->group_leader->real_parent;
  struct k_sigaction *ka = &parent->sighand->action[SIGCHLD - 1];
  struct kernel_siginfo info;

  info.si_signo = SIGCHLD;
  info.si_code = why;
  info.si_pid = tsk->tgid;
  info.si_status = why == CLD_CONTINUED ? SIGCONT : tsk->signal->group_exit_code;
  if (ka->sa.sa_handler != SIG_IGN_HANDLER && !(ka->sa.sa_flags & SA_NOCLDSTOP))
    send_sig_info(SIGCHLD, &info, parent);
  wake_up_process(parent);
}

/* A stop signal's default action: the process stops (ps shows T) until SIGCONT or SIGKILL wakes it.
   Its parent hears of it with SIGCHLD, and wait(WUNTRACED) reports it once. */
static void do_signal_stop(int signr)
{
  struct signal_struct *sig = current->signal;

  sig->group_exit_code = signr;
  sig->flags = (sig->flags & ~(SIGNAL_STOP_CONTINUED | SIGNAL_CLD_MASK)) | SIGNAL_STOP_STOPPED;
  set_current_state(TASK_STOPPED);
  do_notify_parent_cldstop(current, CLD_STOPPED);
  schedule();
}

/* The lowest unblocked pending signal, taken off the pending set with its details. */
static int dequeue_signal(struct task_struct *tsk, struct kernel_siginfo *info)
{
  int sig;
  for (sig = 1; sig <= _NSIG; sig++) {
    if (tsk->pending & ~tsk->blocked & sigmask(sig)) {
      tsk->pending &= ~sigmask(sig);
      *info = tsk->pending_info[sig - 1];
      return sig;
    }
  }
  return 0;
}

/* Takes pending signals until one has a handler, which it returns in ksig (0: none). The others get
   their default action here: ignored, stop, or death. */
int get_signal(struct ksignal *ksig)
{
  struct signal_struct *signal = current->signal;
  struct k_sigaction *ka;
  int signr;

  for (;;) {
    /* A continued task tells its parent itself: SIGCONT's sender only marked it. */
    if (signal->flags & SIGNAL_CLD_MASK) {
      int why = (signal->flags & SIGNAL_CLD_CONTINUED) ? CLD_CONTINUED : CLD_STOPPED;
      signal->flags &= ~SIGNAL_CLD_MASK;
      do_notify_parent_cldstop(current, why);
    }
    signr = dequeue_signal(current, &ksig->info);
    if (!signr)
      return 0;
    ka = &current->sighand->action[signr - 1];
    if (ka->sa.sa_handler == SIG_IGN_HANDLER)
      continue;
    if (ka->sa.sa_handler != SIG_DFL_HANDLER) {
      ksig->ka = *ka;
      /* SA_RESETHAND: the handler runs once, then the default is back. */
      if (ka->sa.sa_flags & SA_RESETHAND)
        ka->sa.sa_handler = SIG_DFL_HANDLER;
      ksig->sig = signr;
      return signr;
    }
    if (sig_kernel_ignore(signr))
      continue;
    if (sig_kernel_stop(signr)) {
      do_signal_stop(signr);
      continue;
    }
    do_group_exit(signr);
  }
}

void set_current_blocked(unsigned long newset)
{
  current->blocked = newset & ~SIG_KERNEL_ONLY_MASK;
}

/* The mask a handler's frame saves: sigsuspend's caller's, when a sigsuspend is what the signal ended. */
unsigned long sigmask_to_save(void)
{
  return current->restore_sigmask ? current->saved_sigmask : current->blocked;
}

void restore_saved_sigmask(void)
{
  if (current->restore_sigmask) {
    current->restore_sigmask = 0;
    set_current_blocked(current->saved_sigmask);
  }
}

/* The handler's frame is in place: while it runs, sa_mask and (without SA_NODEFER) the signal itself
   are blocked; rt_sigreturn puts the saved mask back. */
void signal_setup_done(int failed, struct ksignal *ksig)
{
  unsigned long blocked;

  if (failed) {
    force_sigsegv(ksig->sig);
    return;
  }
  current->restore_sigmask = 0;
  blocked = current->blocked | ksig->ka.sa.sa_mask;
  if (!(ksig->ka.sa.sa_flags & SA_NODEFER))
    blocked |= sigmask(ksig->sig);
  set_current_blocked(blocked);
}

/* No frame for the handler could be built (the user stack is full): SIGSEGV, which nothing can catch. */
void force_sigsegv(int sig)
{
  current->sighand->action[SIGSEGV - 1].sa.sa_handler = SIG_DFL_HANDLER;
  current->blocked &= ~sigmask(SIGSEGV);
  send_signal(SIGSEGV, current);
}

/* Waits for a signal; returns once a handler has run (-EINTR after it), and restarts when none did. */
long sys_pause(void)
{
  while (!signal_pending(current)) {
    __set_current_state(TASK_INTERRUPTIBLE);
    schedule();
  }
  return -ERESTARTNOHAND;
}

/* Sets a signal's disposition (x86-64's struct sigaction, sa_restorer included); returns the old one. */
long sys_rt_sigaction(int sig, const struct kernel_sigaction *act, struct kernel_sigaction *oact, size_t sigsetsize)
{
  struct k_sigaction *k;
  struct task_struct *t;

  if (sigsetsize != sizeof(unsigned long))
    return -EINVAL;
  if (sig < 1 || sig > _NSIG || (act && sig_kernel_only(sig)))
    return -EINVAL;
  k = &current->sighand->action[sig - 1];
  if (oact)
    *oact = k->sa;
  if (act) {
    k->sa = *act;
    k->sa.sa_mask &= ~SIG_KERNEL_ONLY_MASK;
    /* POSIX: a pending signal that is now ignored is discarded. */
    if (sig_handler_ignored(k->sa.sa_handler, sig)) {
      for_each_thread(current, t)
        t->pending &= ~sigmask(sig);
    }
  }
  return 0;
}

long sys_rt_sigprocmask(int how, unsigned long *nset, unsigned long *oset, size_t sigsetsize)
{
  unsigned long old = current->blocked;
  unsigned long newset;

  if (sigsetsize != sizeof(unsigned long))
    return -EINVAL;
  if (nset) {
    switch (how) {
    case SIG_BLOCK:
      newset = old | *nset;
      break;
    case SIG_UNBLOCK:
      newset = old & ~*nset;
      break;
    case SIG_SETMASK:
      newset = *nset;
      break;
    default:
      return -EINVAL;
    }
    set_current_blocked(newset);
  }
  if (oset)
    *oset = old;
  return 0;
}

/* The signals that wait because they are blocked. */
long sys_rt_sigpending(unsigned long *uset, size_t sigsetsize)
{
  if (sigsetsize != sizeof(unsigned long))
    return -EINVAL;
  *uset = current->pending & current->blocked;
  return 0;
}

/* Sleeps with the given mask until a signal is delivered; the old mask comes back after the handler. */
long sys_rt_sigsuspend(unsigned long *unewset, size_t sigsetsize)
{
  if (sigsetsize != sizeof(unsigned long))
    return -EINVAL;
  current->saved_sigmask = current->blocked;
  set_current_blocked(*unewset);
  while (!signal_pending(current)) {
    __set_current_state(TASK_INTERRUPTIBLE);
    schedule();
  }
  current->restore_sigmask = 1;
  return -ERESTARTNOHAND;
}
