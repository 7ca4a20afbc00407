/* arch/x86/kernel/traps.c and arch/x86/mm/fault.c: an instruction in user mode that the CPU cannot
   carry out (a load or store through a bad pointer, a push past the stack's guard page, a division
   by zero) traps into the kernel here. The handler sends the faulting thread its signal with
   force_sig_fault and goes back to user mode the way every interrupt does, through
   exit_to_user_mode, which takes the signal: a handler runs, or the default action ends the process.
   The faulting instruction has been rolled back: if a handler returns, it runs again. */
#include <linux/sched.h>
#include <linux/signal.h>

void exit_to_user_mode(void);

/* The page fault's error code (arch/x86/include/asm/trap_pf.h): the page was present but the access
   not allowed, the access was a write, it came from user mode. */
#define X86_PF_PROT 0x1
#define X86_PF_WRITE 0x2
#define X86_PF_USER 0x4

/* handle_mm_fault's verdict on a fault in a mapping: no page could be had there (a file mapping's
   page past the end of the file, or tmpfs full: shmem_fault). */
#define VM_FAULT_SIGBUS 0x000002

/* do_sigbus */
static void do_sigbus(unsigned long address)
{
  force_sig_fault(SIGBUS, BUS_ADRERR, (void *)address);
}

/* A user address (CR2's) the page tables could not serve. The pages a mapping has are made on demand
   before this is reached (handle_mm_fault, host code), so what comes here is an error: `fault` is
   VM_FAULT_SIGBUS when the mapping has no page to give (mm_fault_error), and otherwise the address
   is a bad one: SIGSEGV, SEGV_ACCERR when a page is there but forbids the access (a write to a string
   literal), else SEGV_MAPERR (do_user_addr_fault's bad_area_access_error and bad_area). */
void exc_page_fault(unsigned long address, unsigned long error_code, unsigned long fault)
{
  if (fault & VM_FAULT_SIGBUS)
    do_sigbus(address);
  else
    force_sig_fault(SIGSEGV, (error_code & X86_PF_PROT) ? SEGV_ACCERR : SEGV_MAPERR, (void *)address);
  exit_to_user_mode();
}

/* `ip` is the faulting code's address: Forkscope knows the function, so it is the function's. */
void exc_divide_error(unsigned long ip)
{
  force_sig_fault(SIGFPE, FPE_INTDIV, (void *)ip);
  exit_to_user_mode();
}

/* ud2 (__builtin_trap and the like). */
void exc_invalid_op(unsigned long ip)
{
  force_sig_fault(SIGILL, ILL_ILLOPN, (void *)ip);
  exit_to_user_mode();
}
