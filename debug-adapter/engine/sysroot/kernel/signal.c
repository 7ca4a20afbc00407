/* kernel/signal.c: sending signals, the pending and blocked sets, and what a task does with a signal
   on its way back to user mode (get_signal): nothing when ignored, its default action (death, or a
   stop until SIGCONT) with SIG_DFL, or its handler, which arch_do_signal_or_restart (signal_frame.c)
   starts in user mode. A signal the task ignores is dropped when it is sent, as Linux does.
   A signal is for one thread (tgkill, a fault: the task's pending set) or for the whole process
   (kill, SIGCHLD, SIGALRM: signal->shared_pending, which any of its threads may take). */
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/errno.h>
#include <linux/forkscope.h>
#include <linux/slab.h>
#include <linux/time.h>

int signal_pending(struct task_struct *p)
{
  return ((p->pending | p->signal->shared_pending) & ~p->blocked) != 0;
}

/* A SIGKILL waits for p: a killable sleep must end (a group exit, or a kill, is on its way). */
int fatal_signal_pending(struct task_struct *p)
{
  return (p->pending & sigmask(SIGKILL)) != 0;
}

static int sig_handler_ignored(unsigned long handler, int sig)
{
  return handler == SIG_IGN_HANDLER || (handler == SIG_DFL_HANDLER && sig_kernel_ignore(sig));
}

/* A blocked signal is never ignored at send time: the handler may change before it is unblocked. */
static int sig_ignored(struct task_struct *t, int sig, int force)
{
  if ((t->blocked | t->real_blocked) & sigmask(sig))
    return 0;
  /* init gets only the signals it has handlers for, so that nothing kills it (SIGNAL_UNKILLABLE),
     except its own faults: force_sig_info_to_task lifts that protection. */
  if (t->pid == 1 && !force && t->sighand->action[sig - 1].sa.sa_handler == SIG_DFL_HANDLER)
    return 1;
  return sig_handler_ignored(t->sighand->action[sig - 1].sa.sa_handler, sig);
}

/* Takes the signals of `mask` off a pending set, with their queued details (flush_sigqueue_mask). */
static void flush_sigqueue_mask(unsigned long mask, unsigned long *pending, struct list_head *queue)
{
  struct sigqueue *q, *n;

  if (!(*pending & mask))
    return;
  *pending &= ~mask;
  list_for_each_entry_safe(q, n, queue, list) {
    if (mask & sigmask(q->info.si_signo)) {
      list_del(&q->list);
      kfree(q);
    }
  }
}

/* Empties a pending set as its task or process goes (flush_sigqueue). */
void flush_sigqueue(unsigned long *pending, struct list_head *queue)
{
  struct sigqueue *q;

  *pending = 0;
  while (!list_empty(queue)) {
    q = list_first_entry(queue, struct sigqueue, list);
    list_del(&q->list);
    kfree(q);
  }
}

/* Job control happens when a signal is sent, not when it is delivered: a stop signal cancels a pending
   SIGCONT, and SIGCONT cancels pending stop signals and resumes a stopped process, even when SIGCONT
   itself is blocked or ignored. Returns whether the signal is to be queued. */
static int prepare_signal(int sig, struct task_struct *p, int force)
{
  struct signal_struct *signal = p->signal;
  struct task_struct *t;
  unsigned int why;

  if (signal->flags & SIGNAL_GROUP_EXIT)
    return 0; /* the process is dying: nothing to do */
  if (sig_kernel_stop(sig)) {
    flush_sigqueue_mask(sigmask(SIGCONT), &signal->shared_pending, &signal->shared_pending_queue);
    for_each_thread(p, t)
      flush_sigqueue_mask(sigmask(SIGCONT), &t->pending, &t->pending_queue);
  } else if (sig == SIGCONT) {
    flush_sigqueue_mask(SIG_KERNEL_STOP_MASK, &signal->shared_pending, &signal->shared_pending_queue);
    for_each_thread(p, t) {
      flush_sigqueue_mask(SIG_KERNEL_STOP_MASK, &t->pending, &t->pending_queue);
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
  return !sig_ignored(p, sig, force);
}

/* Wakes t to act on a signal: from an interruptible sleep, and for SIGKILL from a stop or killable sleep too. */
static void signal_wake_up(struct task_struct *t, int fatal)
{
  wake_up_state(t, TASK_INTERRUPTIBLE | (fatal ? TASK_WAKEKILL : 0));
}

/* Whether p can take sig now: it does not block it, is not exiting, and is not stopped (SIGKILL
   excepted, which ends a stop). */
static int wants_signal(int sig, struct task_struct *p)
{
  if (p->blocked & sigmask(sig))
    return 0;
  if (p->flags & PF_EXITING)
    return 0;
  if (sig == SIGKILL)
    return 1;
  return !(p->__state & (__TASK_STOPPED | __TASK_TRACED));
}

/* The signal is queued: wake a thread to take it. A thread's own signal can only be taken by it; a
   process's goes to the thread it was sent to (the main thread, for kill) if that one can take it,
   else to the first of the other threads that can. When none can now, the signal waits in the shared
   set until a thread unblocks it. */
static void complete_signal(int sig, struct task_struct *p, int type)
{
  struct task_struct *t;

  if (wants_signal(sig, p))
    t = p;
  else if (type == PIDTYPE_PID || thread_group_empty(p))
    return; /* just one thread, and it will see the signal when it unblocks it */
  else {
    for (t = next_thread(p); t != p; t = next_thread(t)) {
      if (wants_signal(sig, t))
        break;
    }
    if (t == p)
      return;
  }
  signal_wake_up(t, sig == SIGKILL);
}

/* Queues sig with its details (SEND_SIG_PRIV: from the kernel itself) in t's own pending set
   (PIDTYPE_PID) or in its process's shared one (PIDTYPE_TGID). A non-realtime signal already pending
   there is not queued twice: the second is lost (legacy_queue); each real-time one is queued. Without
   memory for its sigqueue the signal is still pending, with no details (__sigqueue_alloc failing),
   except a real-time one sent with details by a user (sigqueue), which fails with EAGAIN. */
/* What strace -f shows of a signal ("--- SIGCHLD {si_signo=SIGCHLD, ...} ---"). Linux stops a traced
   task for every signal it dequeues, even one its disposition ignores, which ptrace keeps queued for
   the tracer; Forkscope reports an ignored signal as it is dropped instead, so that tracing changes
   nothing the program sees. Only a traced task (t->ptrace) reports: the others pay one test. */
static void ptrace_signal_report(struct task_struct *t, int sig, struct kernel_siginfo *info)
{
  if (sig == SIGKILL)
    return; /* it never stops the tracee: strace sees only the death */
  if (info)
    ptrace_report_signal(t, sig, info->si_code, info->si_pid, (unsigned long)info->si_value.sival_ptr, info->si_utime, info->si_stime);
  else
    ptrace_report_signal(t, sig, SI_KERNEL, 0, 0, 0, 0);
}

static int __send_signal_locked(int sig, struct kernel_siginfo *info, struct task_struct *t, int type, int force)
{
  unsigned long *pending = type == PIDTYPE_PID ? &t->pending : &t->signal->shared_pending;
  struct list_head *queue = type == PIDTYPE_PID ? &t->pending_queue : &t->signal->shared_pending_queue;
  struct sigqueue *q;

  if (!prepare_signal(sig, t, force)) {
    if (t->ptrace && !(t->signal->flags & SIGNAL_GROUP_EXIT))
      ptrace_signal_report(t, sig, info);
    return 0;
  }
  if (sig >= SIGRTMIN || !(*pending & sigmask(sig))) {
    q = kmalloc(sizeof(struct sigqueue), GFP_ATOMIC);
    if (q) {
      if (info) {
        q->info = *info;
      } else {
        clear_siginfo(&q->info);
        q->info.si_code = SI_KERNEL;
      }
      q->info.si_signo = sig;
      list_add_tail(&q->list, queue);
    } else if (info && sig >= SIGRTMIN && info->si_code != SI_USER) {
      return -EAGAIN; /* queue overflow */
    }
    *pending |= sigmask(sig);
  }
  complete_signal(sig, t, type);
  return 0;
}

/* A signal for the thread t itself. */
int send_sig_info(int sig, struct kernel_siginfo *info, struct task_struct *t)
{
  return __send_signal_locked(sig, info, t, PIDTYPE_PID, 0);
}

/* A signal for p's whole process (kill, SIGCHLD, SIGALRM). A process whose every thread has ended
   (a zombie) still holds its PID, but there is no one left to take the signal. */
int group_send_sig_info(int sig, struct kernel_siginfo *info, struct task_struct *p)
{
  if (sig == 0 || (p->exit_state && thread_group_empty(p)))
    return 0;
  return __send_signal_locked(sig, info, p, PIDTYPE_TGID, 0);
}

/* A signal the task cannot escape (a fault, or no room for a handler's frame): a blocked or ignored
   one is unblocked and its handler reset to the default, as is any handler when `sigdfl` asks for
   the default action; a handler still installed runs. */
static int force_sig_info_to_task(struct kernel_siginfo *info, struct task_struct *t, int sigdfl)
{
  int sig = info->si_signo;
  struct k_sigaction *action = &t->sighand->action[sig - 1];
  int ignored = action->sa.sa_handler == SIG_IGN_HANDLER;
  int blocked = (t->blocked & sigmask(sig)) != 0;

  if (blocked || ignored || sigdfl) {
    action->sa.sa_handler = SIG_DFL_HANDLER;
    if (blocked)
      t->blocked &= ~sigmask(sig);
  }
  /* Even init dies of its own faults (Linux clears SIGNAL_UNKILLABLE here): hence force. */
  return __send_signal_locked(sig, info, t, PIDTYPE_PID, action->sa.sa_handler == SIG_DFL_HANDLER);
}

/* What a user-mode fault does (arch/x86's traps and page fault handler call it): the signal, with
   what went wrong in si_code and where in si_addr, for the faulting thread. */
int force_sig_fault(int sig, int code, void *addr)
{
  struct kernel_siginfo info;

  clear_siginfo(&info);
  info.si_signo = sig;
  info.si_code = code;
  info.si_addr = addr;
  return force_sig_info_to_task(&info, current, 0);
}

/* kernel/pid.c: every thread has a PID of its own (its TID), and the search covers threads too. */
extern struct task_struct *find_task_by_vpid(pid_t nr);

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

/* Every process of a process group; -ESRCH when it has none. */
int __kill_pgrp_info(int sig, struct kernel_siginfo *info, pid_t pgrp)
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

/* tgkill(2)'s check: the thread must exist and, when tgid > 0, belong to that process. */
static int do_send_specific(pid_t tgid, pid_t pid, int sig, struct kernel_siginfo *info)
{
  struct task_struct *p = find_task_by_vpid(pid);

  if (!p || (tgid > 0 && p->tgid != tgid))
    return -ESRCH;
  if (sig < 0 || sig > _NSIG)
    return -EINVAL;
  if (sig && !p->exit_state)
    send_sig_info(sig, info, p);
  return 0;
}

static long do_tkill(pid_t tgid, pid_t pid, int sig)
{
  struct kernel_siginfo info;

  clear_siginfo(&info);
  info.si_signo = sig;
  info.si_code = SI_TKILL;
  info.si_pid = current->tgid;
  return do_send_specific(tgid, pid, sig, &info);
}

/* A signal for one thread of one process: what raise() and pthread_kill() use. */
long sys_tgkill(pid_t tgid, pid_t pid, int sig)
{
  if (pid <= 0 || tgid <= 0)
    return -EINVAL;
  return do_tkill(tgid, pid, sig);
}

long sys_tkill(pid_t pid, int sig)
{
  if (pid <= 0)
    return -EINVAL;
  return do_tkill(0, pid, sig);
}

long sys_kill(pid_t pid, int sig)
{
  struct kernel_siginfo info;

  if (sig < 0 || sig > _NSIG)
    return -EINVAL;
  clear_siginfo(&info);
  info.si_signo = sig;
  info.si_code = SI_USER;
  info.si_pid = current->tgid;
  return kill_something_info(sig, &info, pid);
}

/* Tells the parent that tsk stopped or continued: SIGCHLD unless it ignores it or asked for
   SA_NOCLDSTOP, and a wake-up if it sleeps in wait(). */
void do_notify_parent_cldstop(struct task_struct *tsk, int why)
{
  struct task_struct *parent = tsk->group_leader->real_parent;
  struct k_sigaction *ka = &parent->sighand->action[SIGCHLD - 1];
  struct kernel_siginfo info;

  clear_siginfo(&info);
  info.si_signo = SIGCHLD;
  info.si_code = why;
  info.si_pid = tsk->tgid;
  info.si_status = why == CLD_CONTINUED ? SIGCONT : tsk->signal->group_exit_code;
  if (ka->sa.sa_handler != SIG_IGN_HANDLER && !(ka->sa.sa_flags & SA_NOCLDSTOP))
    group_send_sig_info(SIGCHLD, &info, parent);
  __wake_up_parent(tsk, parent);
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
  /* A traced task's group stop is a ptrace stop too (do_jobctl_trap): strace -f shows it. */
  if (current->ptrace)
    ptrace_report_group_stop(current, signr);
  schedule();
}

/* sig's queued details on a pending set, or 0 when it was queued without any. */
static struct sigqueue *find_sigqueue(int sig, struct list_head *queue)
{
  struct sigqueue *q;

  list_for_each_entry(q, queue, list) {
    if (q->info.si_signo == sig)
      return q;
  }
  return 0;
}

/* Takes sig's details off the queue into info (collect_signal); one queued without any reads as sent
   by a user, as Linux fills it in then. A real-time signal queued more than once stays pending. */
static void collect_signal(int sig, unsigned long *pending, struct list_head *queue, struct kernel_siginfo *info)
{
  struct sigqueue *q = find_sigqueue(sig, queue);

  if (q) {
    list_del(&q->list);
    *info = q->info;
    kfree(q);
  } else {
    clear_siginfo(info);
    info->si_signo = sig;
    info->si_code = SI_USER;
  }
  if (!find_sigqueue(sig, queue))
    *pending &= ~sigmask(sig);
}

/* The lowest signal of `pending` in `mask`, taken off the set with its details. */
static int __dequeue_signal(unsigned long *pending, struct list_head *queue, unsigned long mask, struct kernel_siginfo *info)
{
  int sig;
  for (sig = 1; sig <= _NSIG; sig++) {
    if (*pending & mask & sigmask(sig)) {
      collect_signal(sig, pending, queue, info);
      return sig;
    }
  }
  return 0;
}

/* The lowest pending signal not in `mask` (the blocked set): the thread's own first, then its process's. */
static int dequeue_signal(struct task_struct *tsk, unsigned long mask, struct kernel_siginfo *info)
{
  int sig = __dequeue_signal(&tsk->pending, &tsk->pending_queue, ~mask, info);
  if (!sig)
    sig = __dequeue_signal(&tsk->signal->shared_pending, &tsk->signal->shared_pending_queue, ~mask, info);
  return sig;
}

/* A fault's signal comes before any other: the faulting code must not go on first. Only the kernel's
   own (si_code > 0) count; a SIGSEGV sent with kill is an ordinary signal. */
static int dequeue_synchronous_signal(struct kernel_siginfo *info)
{
  struct task_struct *tsk = current;
  unsigned long sync = tsk->pending & ~tsk->blocked & SYNCHRONOUS_MASK;
  int sig;
  struct sigqueue *q;

  for (sig = 1; sig <= _NSIG; sig++) {
    if (!(sync & sigmask(sig)))
      continue;
    q = find_sigqueue(sig, &tsk->pending_queue);
    if (q && q->info.si_code > SI_USER)
      return __dequeue_signal(&tsk->pending, &tsk->pending_queue, sigmask(sig), info);
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
    signr = dequeue_synchronous_signal(&ksig->info);
    if (!signr)
      signr = dequeue_signal(current, current->blocked, &ksig->info);
    if (!signr)
      return 0;
    if (current->ptrace)
      ptrace_signal_report(current, signr, &ksig->info);
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
  struct kernel_siginfo info;

  clear_siginfo(&info);
  info.si_signo = SIGSEGV;
  info.si_code = SI_KERNEL;
  force_sig_info_to_task(&info, current, 1);
}

/* A restart_block whose call cannot go on: the restarted call fails as if a handler had run. */
long do_no_restart_syscall(struct restart_block *param)
{
  return -EINTR;
}

/* The call a signal interrupted without running a handler goes on, from where it was (arch code made
   the interrupted call's caller make this one instead: syscall_restart_block). */
long sys_restart_syscall(void)
{
  struct restart_block *restart = &current->restart_block;
  return restart->fn(restart);
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
  struct kernel_sigaction new_sa, old_sa;

  if (sigsetsize != sizeof(unsigned long))
    return -EINVAL;
  if (act && copy_from_user(&new_sa, act, sizeof(new_sa)))
    return -EFAULT;
  /* do_sigaction */
  if (sig < 1 || sig > _NSIG || (act && sig_kernel_only(sig)))
    return -EINVAL;
  k = &current->sighand->action[sig - 1];
  old_sa = k->sa;
  if (act) {
    k->sa = new_sa;
    k->sa.sa_flags &= UAPI_SA_FLAGS;
    k->sa.sa_mask &= ~SIG_KERNEL_ONLY_MASK;
    /* POSIX: a pending signal that is now ignored is discarded. */
    if (sig_handler_ignored(k->sa.sa_handler, sig)) {
      flush_sigqueue_mask(sigmask(sig), &current->signal->shared_pending, &current->signal->shared_pending_queue);
      for_each_thread(current, t)
        flush_sigqueue_mask(sigmask(sig), &t->pending, &t->pending_queue);
    }
  }
  /* The new action stays even when the old one cannot be given back. */
  if (oact && copy_to_user(oact, &old_sa, sizeof(old_sa)))
    return -EFAULT;
  return 0;
}

long sys_rt_sigprocmask(int how, unsigned long *nset, unsigned long *oset, size_t sigsetsize)
{
  unsigned long old = current->blocked;
  unsigned long set;
  unsigned long newset;

  if (sigsetsize != sizeof(unsigned long))
    return -EINVAL;
  if (nset) {
    if (copy_from_user(&set, nset, sizeof(set)))
      return -EFAULT;
    switch (how) {
    case SIG_BLOCK:
      newset = old | set;
      break;
    case SIG_UNBLOCK:
      newset = old & ~set;
      break;
    case SIG_SETMASK:
      newset = set;
      break;
    default:
      return -EINVAL;
    }
    set_current_blocked(newset);
  }
  if (oset && copy_to_user(oset, &old, sizeof(old)))
    return -EFAULT;
  return 0;
}

/* The signals that wait because they are blocked. */
long sys_rt_sigpending(unsigned long *uset, size_t sigsetsize)
{
  unsigned long set;

  if (sigsetsize != sizeof(unsigned long))
    return -EINVAL;
  set = (current->pending | current->signal->shared_pending) & current->blocked; /* do_sigpending */
  if (copy_to_user(uset, &set, sigsetsize))
    return -EFAULT;
  return 0;
}

/* Sleeps with the given mask until a signal is delivered; the old mask comes back after the handler. */
long sys_rt_sigsuspend(unsigned long *unewset, size_t sigsetsize)
{
  unsigned long newset;

  if (sigsetsize != sizeof(unsigned long))
    return -EINVAL;
  if (copy_from_user(&newset, unewset, sizeof(newset)))
    return -EFAULT;
  current->saved_sigmask = current->blocked;
  set_current_blocked(newset);
  while (!signal_pending(current)) {
    __set_current_state(TASK_INTERRUPTIBLE);
    schedule();
  }
  current->restore_sigmask = 1;
  return -ERESTARTNOHAND;
}

/* copy_siginfo_to_user: the fields Forkscope keeps, the rest of the 128 bytes zero; 0 or -EFAULT. */
static int copy_siginfo_to_user(struct siginfo *to, const struct kernel_siginfo *from)
{
  struct siginfo info;

  memset(&info, 0, sizeof(struct siginfo));
  info.si_signo = from->si_signo;
  info.si_code = from->si_code;
  info.si_pid = from->si_pid;
  info.si_value = from->si_value; /* or a child's si_status: the same bytes */
  return copy_to_user(to, &info, sizeof(struct siginfo)) ? -EFAULT : 0;
}

/* Waits for one of `these` (which the caller normally blocks, so that no handler takes it first) and
   takes it off the pending set with its details, until `expires` (0: no limit). While it sleeps the
   task unblocks them, so that their arrival wakes it; real_blocked keeps the real mask, which also
   keeps sig_ignored from dropping a default-ignored signal (SIGCHLD) waited for here. */
static int do_sigtimedwait(unsigned long these, struct kernel_siginfo *info, int has_timeout, u64 expires)
{
  struct task_struct *tsk = current;
  int sig;

  /* SIGKILL and SIGSTOP cannot be waited for: they always act. */
  these &= ~(sigmask(SIGKILL) | sigmask(SIGSTOP));
  sig = dequeue_signal(tsk, ~these, info);
  if (sig || (has_timeout && ktime_get_ns() >= expires))
    return sig ? sig : -EAGAIN;
  tsk->real_blocked = tsk->blocked;
  tsk->blocked &= ~these;
  for (;;) {
    set_current_state(TASK_INTERRUPTIBLE);
    if (signal_pending(tsk) || (has_timeout && ktime_get_ns() >= expires))
      break;
    if (has_timeout)
      hrtimer_start(tsk, expires);
    schedule();
  }
  __set_current_state(TASK_RUNNING);
  tsk->blocked = tsk->real_blocked;
  tsk->real_blocked = 0;
  sig = dequeue_signal(tsk, ~these, info);
  if (sig)
    return sig;
  /* Another signal, with a handler, ended the wait; or time ran out. */
  return signal_pending(tsk) ? -EINTR : -EAGAIN;
}

/* sigtimedwait, sigwaitinfo and sigwait's system call: the signal's number, its details in *uinfo. */
long sys_rt_sigtimedwait(const unsigned long *uthese, struct siginfo *uinfo, const struct __kernel_timespec *uts, size_t sigsetsize)
{
  struct kernel_siginfo info;
  struct __kernel_timespec ts;
  unsigned long these;
  u64 expires = 0;
  int ret;

  if (sigsetsize != sizeof(unsigned long))
    return -EINVAL;
  if (copy_from_user(&these, uthese, sizeof(these)))
    return -EFAULT;
  if (uts) {
    if (copy_from_user(&ts, uts, sizeof(ts))) /* get_timespec64 */
      return -EFAULT;
    if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= NSEC_PER_SEC)
      return -EINVAL;
    expires = ktime_get_ns() + (u64)ts.tv_sec * NSEC_PER_SEC + ts.tv_nsec;
  }
  ret = do_sigtimedwait(these, &info, uts != 0, expires);
  /* The signal is taken off the pending set by now: a bad uinfo loses it. */
  if (ret > 0 && uinfo && copy_siginfo_to_user(uinfo, &info))
    ret = -EFAULT;
  return ret;
}

/* sigqueue's system call: sig for process pid, with the details the caller gives (si_code SI_QUEUE,
   its PID and the value). Only the kernel may claim a kernel's or kill's si_code (>= 0) or tgkill's,
   except to itself. */
long sys_rt_sigqueueinfo(pid_t pid, int sig, const struct siginfo *uinfo)
{
  struct kernel_siginfo info;
  struct siginfo uinfo_copy;
  struct task_struct *p;

  if (copy_from_user(&uinfo_copy, uinfo, sizeof(struct siginfo))) /* copy_siginfo_from_user */
    return -EFAULT;
  clear_siginfo(&info);
  info.si_signo = uinfo_copy.si_signo;
  info.si_code = uinfo_copy.si_code;
  info.si_pid = uinfo_copy.si_pid;
  info.si_value = uinfo_copy.si_value;
  if ((info.si_code >= 0 || info.si_code == SI_TKILL) && current->pid != pid)
    return -EPERM;
  /* kill_proc_info: one process, by a PID of any of its threads. */
  p = pid > 0 ? find_task_by_vpid(pid) : 0;
  if (!p)
    return -ESRCH;
  if (sig < 0 || sig > _NSIG)
    return -EINVAL;
  return group_send_sig_info(sig, &info, p);
}
