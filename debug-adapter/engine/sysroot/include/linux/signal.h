#ifndef _LINUX_SIGNAL_H
#define _LINUX_SIGNAL_H
/* Signals as the kernel sees them: numbers (x86-64), and which ones a task ignores or dies of when it
   has not set a handler. */
#include <linux/types.h>
#include <linux/list.h>
#include <linux/string.h>
#define SIGHUP 1
#define SIGINT 2
#define SIGQUIT 3
#define SIGILL 4
#define SIGTRAP 5
#define SIGABRT 6
#define SIGBUS 7
#define SIGFPE 8
#define SIGKILL 9
#define SIGUSR1 10
#define SIGSEGV 11
#define SIGUSR2 12
#define SIGPIPE 13
#define SIGALRM 14
#define SIGTERM 15
#define SIGCONT 18
#define SIGSTOP 19
#define SIGTSTP 20
#define SIGTTIN 21
#define SIGTTOU 22
#define SIGURG 23
#define SIGWINCH 28
#define SIGRTMIN 32 /* the first real-time signal: each sent is queued, not merged with one pending */
#define _NSIG 64
#define valid_signal(sig) ((sig) <= _NSIG ? 1 : 0)

#define sigmask(sig) (1UL << ((sig) - 1))
/* Signals whose default action is to do nothing (SIGCHLD is defined in linux/sched.h). */
#define SIG_KERNEL_IGNORE_MASK (sigmask(SIGCONT) | sigmask(17) | sigmask(SIGWINCH) | sigmask(SIGURG))
#define sig_kernel_ignore(sig) ((sig) < 64 && (SIG_KERNEL_IGNORE_MASK & sigmask(sig)))
/* Signals whose default action is to stop the process, and the two no handler or mask can touch. */
#define SIG_KERNEL_STOP_MASK (sigmask(SIGSTOP) | sigmask(SIGTSTP) | sigmask(SIGTTIN) | sigmask(SIGTTOU))
#define sig_kernel_stop(sig) ((sig) < 64 && (SIG_KERNEL_STOP_MASK & sigmask(sig)))
#define SIG_KERNEL_ONLY_MASK (sigmask(SIGKILL) | sigmask(SIGSTOP))
/* Signals a fault raises, which get_signal takes before any other (kernel/signal.c's SYNCHRONOUS_MASK). */
#define SYNCHRONOUS_MASK (sigmask(SIGSEGV) | sigmask(SIGBUS) | sigmask(SIGILL) | sigmask(SIGTRAP) | sigmask(SIGFPE) | sigmask(31))
#define sig_kernel_only(sig) ((sig) == SIGKILL || (sig) == SIGSTOP)

/* sigaction's flags (include/uapi/asm-generic/signal.h). */
#define SA_NOCLDSTOP 0x00000001
#define SA_NOCLDWAIT 0x00000002
#define SA_SIGINFO   0x00000004
#define SA_RESTORER  0x04000000
#define SA_RESTART   0x10000000
#define SA_NODEFER   0x40000000
#define SA_RESETHAND 0x80000000
#define SA_ONSTACK   0x08000000
#define SA_UNSUPPORTED 0x00000400
#define SA_EXPOSE_TAGBITS 0x00000800
/* The flags the kernel keeps (UAPI_SA_FLAGS, Linux 5.11 on): others are dropped, so sigaction's old
   action shows only these. */
#define UAPI_SA_FLAGS (SA_NOCLDSTOP | SA_NOCLDWAIT | SA_SIGINFO | SA_ONSTACK | SA_RESTART | SA_NODEFER | \
                       SA_RESETHAND | SA_EXPOSE_TAGBITS | SA_RESTORER)

#define SIG_BLOCK   0
#define SIG_UNBLOCK 1
#define SIG_SETMASK 2

/* si_code values: who sent a signal, or what happened to a child (SIGCHLD, waitid). */
#define SI_USER   0
#define SI_KERNEL 0x80
#define SI_QUEUE  (-1)
#define SI_TKILL  (-6)
/* A fault's si_code: what went wrong (positive codes come from the kernel itself). */
#define SEGV_MAPERR 1
#define SEGV_ACCERR 2
#define BUS_ADRERR  2
#define FPE_INTDIV  1
#define ILL_ILLOPN  2
#define CLD_EXITED    1
#define CLD_KILLED    2
#define CLD_DUMPED    3
#define CLD_STOPPED   5
#define CLD_CONTINUED 6

/* sigqueue's value for the receiver (include/uapi/asm-generic/siginfo.h); the C library's <signal.h>
   defines the same union, under the same guard. */
#ifndef __sigval_t_defined
#define __sigval_t_defined
union sigval {
  int sival_int;
  void *sival_ptr;
};
#endif

/* A signal's details as it waits in the pending set (kernel_siginfo_t, the fields Forkscope keeps). A
   child's exit status and sigqueue's value share their bytes, as in Linux's union. */
struct kernel_siginfo {
  int si_signo;
  int si_code;
  int si_pid;
  union {
    int si_status;
    union sigval si_value;
    void *si_addr; /* a fault's: the bad address, or the faulting code's */
  };
  long si_utime, si_stime; /* SIGCHLD: the child's user and system CPU time, in clock ticks */
};
/* Every field zero before the sender fills in its own (the kernel's clear_siginfo). */
#define clear_siginfo(info) memset((info), 0, sizeof(struct kernel_siginfo))

/* User space's siginfo_t (128 bytes): the fields Forkscope's kernel reads from sigqueue and writes for
   sigtimedwait, at Linux's offsets, the union after a pad that aligns it. */
struct siginfo {
  int si_signo;
  int si_errno;
  int si_code;
  int __pad0;
  int si_pid;
  unsigned int si_uid;
  union {
    int si_status;
    union sigval si_value;
  };
  int __pad[24];
};

/* What a handler's frame saves of the interrupted code (x86-64's uapi struct sigcontext and struct
   ucontext, in struct rt_sigframe on the user stack; kernel/sigframe.ts writes them at these offsets).
   Forkscope's interrupted code keeps its other registers in its VM frames, which the handler leaves
   as they were: of the general registers only ax is filled in, the result the code was about to get. */
struct sigcontext {
  unsigned long r8, r9, r10, r11, r12, r13, r14, r15;
  unsigned long di, si, bp, bx, dx, ax, cx, sp, ip, flags;
  unsigned short cs, gs, fs, ss;
  unsigned long err, trapno, oldmask, cr2;
  void *fpstate;
  unsigned long reserved1[8];
};
struct sigaltstack {
  void *ss_sp;
  int ss_flags;
  unsigned long ss_size;
};
struct ucontext {
  unsigned long uc_flags;
  struct ucontext *uc_link;
  struct sigaltstack uc_stack;
  struct sigcontext uc_mcontext;
  unsigned long uc_sigmask;
};

/* A pending signal's details, queued on the pending set it was sent to until it is taken (Linux's
   struct sigqueue). Only pending signals have one: a task keeps no siginfo for the others. */
struct sigqueue {
  struct list_head list;
  struct kernel_siginfo info;
};

/* send_sig_info's info for a signal the kernel sends itself (si_code SI_KERNEL). */
#define SEND_SIG_PRIV ((struct kernel_siginfo *)0)

/* Whom a signal is for (enum pid_type): one thread (its own pending set), or the whole process (the
   shared set, taken by whichever thread does not block it). */
#define PIDTYPE_PID  0
#define PIDTYPE_TGID 1

struct task_struct;
struct ksignal;
int signal_pending(struct task_struct *p);
void flush_sigqueue(unsigned long *pending, struct list_head *queue);
int fatal_signal_pending(struct task_struct *p);
int send_sig_info(int sig, struct kernel_siginfo *info, struct task_struct *p);
int group_send_sig_info(int sig, struct kernel_siginfo *info, struct task_struct *p);
int __kill_pgrp_info(int sig, struct kernel_siginfo *info, pid_t pgrp);
void force_sigsegv(int sig);
int force_sig_fault(int sig, int code, void *addr);
int get_signal(struct ksignal *ksig);
void signal_setup_done(int failed, struct ksignal *ksig);
unsigned long sigmask_to_save(void);
void restore_saved_sigmask(void);
void set_current_blocked(unsigned long newset);
void do_notify_parent_cldstop(struct task_struct *tsk, int why);
/* Wakes the threads of p's parent's process that may wait for p (kernel/exit.c). */
void __wake_up_parent(struct task_struct *p, struct task_struct *parent);
#endif
