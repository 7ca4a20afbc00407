#ifndef _LINUX_SIGNAL_H
#define _LINUX_SIGNAL_H
/* Signals as the kernel sees them: numbers (x86-64), and which ones a task ignores or dies of when it
   has not set a handler. */
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
#define SIGURG 23
#define SIGWINCH 28
#define _NSIG 64

#define sigmask(sig) (1UL << ((sig) - 1))
/* Signals whose default action is to do nothing (SIGCHLD is defined in linux/sched.h). */
#define SIG_KERNEL_IGNORE_MASK (sigmask(SIGCONT) | sigmask(17) | sigmask(SIGWINCH) | sigmask(SIGURG))
#define sig_kernel_ignore(sig) ((sig) < 64 && (SIG_KERNEL_IGNORE_MASK & sigmask(sig)))

struct task_struct;
int signal_pending(struct task_struct *p);
#endif
