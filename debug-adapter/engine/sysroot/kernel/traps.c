/* arch/x86/kernel/traps.c and arch/x86/mm/fault.c: an instruction in user mode that the CPU cannot
   carry out (a load or store through a bad pointer, a push past the stack's guard page, a division
   by zero) traps into the kernel here. The handler sends the faulting thread its signal with
   force_sig_fault and goes back to user mode the way every interrupt does, through
   exit_to_user_mode, which takes the signal: a handler runs, or the default action ends the process.
   The faulting instruction has been rolled back: if a handler returns, it runs again. */
#include <linux/sched.h>
#include <linux/signal.h>

void exit_to_user_mode(void);

/* A bad user address: this kernel maps no page on demand, so every such fault is SIGSEGV. */
void exc_page_fault(void)
{
  force_sig_fault(SIGSEGV, SEGV_MAPERR);
  exit_to_user_mode();
}

void exc_divide_error(void)
{
  force_sig_fault(SIGFPE, FPE_INTDIV);
  exit_to_user_mode();
}

/* ud2 (__builtin_trap and the like). */
void exc_invalid_op(void)
{
  force_sig_fault(SIGILL, ILL_ILLOPN);
  exit_to_user_mode();
}
