/* arch/x86/kernel/signal.c and kernel/entry/common.c: the way back to user mode. With a signal pending,
   exit_to_user_mode takes it (get_signal); for one with a handler, handle_signal first decides what
   becomes of the system call the signal interrupted (restart it, or fail it with EINTR), then builds
   the handler's frame on the user stack (setup_rt_frame) and blocks what the handler blocks. The
   handler runs in user mode once this code has returned; its return goes through sa_restorer, which
   calls rt_sigreturn to put the interrupted code's signal mask and result back. */
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/errno.h>
#include <linux/forkscope.h>

extern long sys_restart_syscall(void);

/* x86-64 has no default way back from a handler: the C library must give sa_restorer. */
static int setup_signal_frame(struct ksignal *ksig, unsigned long set)
{
  if (!(ksig->ka.sa.sa_flags & SA_RESTORER))
    return -EFAULT;
  return setup_rt_frame(ksig->ka.sa.sa_restorer, ksig->ka.sa.sa_handler, ksig->sig, ksig->ka.sa.sa_flags,
                        ksig->info.si_code, ksig->info.si_pid,
                        (unsigned long)ksig->info.si_value.sival_ptr, set);
}

static void handle_signal(struct ksignal *ksig)
{
  int failed;

  /* Did the signal interrupt a system call? */
  switch (syscall_get_error(current)) {
  case -ERESTART_RESTARTBLOCK:
  case -ERESTARTNOHAND:
    syscall_set_return_value(current, -EINTR);
    break;
  case -ERESTARTSYS:
    if (!(ksig->ka.sa.sa_flags & SA_RESTART)) {
      syscall_set_return_value(current, -EINTR);
      break;
    }
    /* fallthrough */
  case -ERESTARTNOINTR:
    syscall_rollback(current);
    break;
  }
  failed = setup_signal_frame(ksig, sigmask_to_save()) < 0;
  signal_setup_done(failed, ksig);
}

static void arch_do_signal_or_restart(void)
{
  struct ksignal ksig;

  if (get_signal(&ksig)) {
    handle_signal(&ksig);
    return;
  }
  /* No handler ran (the signal stopped the task, which was then continued): the call goes on, a
     sleep through restart_syscall, which goes on from where it was (current->restart_block). */
  switch (syscall_get_error(current)) {
  case -ERESTART_RESTARTBLOCK:
    syscall_restart_block(current, sys_restart_syscall);
    break;
  case -ERESTARTNOHAND:
  case -ERESTARTSYS:
  case -ERESTARTNOINTR:
    syscall_rollback(current);
    break;
  }
  restore_saved_sigmask();
}

/* Run on every return to user mode that finds a signal pending. Each handler taken pushes its frame
   over the last: the last one set up runs first. */
void exit_to_user_mode(void)
{
  while (signal_pending(current))
    arch_do_signal_or_restart();
}

/* The interrupted code's registers come back from the frame. Forkscope's stay in its VM frames, which
   the handler left as they were; ax is what the frame saved: the result the code was about to get (a
   call's value, or -EINTR), or the number of a call it makes again. */
static long restore_sigcontext(struct sigcontext *sc)
{
  return sc->ax;
}

/* The handler has returned (through sa_restorer, which passes the frame's ucontext, where Linux finds it
   at the stack pointer): the mask from before it comes back, and the result is the restored ax, so that
   the way back to user mode leaves it as it was. A signal that mask unblocks is delivered on this
   system call's way back to user mode. */
long sys_rt_sigreturn(struct ucontext *uc)
{
  /* Always make any pending restarted system calls return -EINTR. */
  current->restart_block.fn = do_no_restart_syscall;
  set_current_blocked(uc->uc_sigmask);
  return restore_sigcontext(&uc->uc_mcontext);
}
