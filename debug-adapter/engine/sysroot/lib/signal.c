/* The C library's signal functions: signal sets, sigaction and signal (which hand the kernel x86-64's
   struct kernel_sigaction, with sa_restorer), the signal mask calls, and __restore_rt, the code a
   handler returns through. */
#include <signal.h>
#include <errno.h>
#include <string.h>
#include <unistd.h>
#include <bits/internal-signals.h>

/* The kernel's sigset is one word: the first of glibc's sixteen. */
#define KERNEL_SIGSET_SIZE 8
#define WORD_BITS 64

/* What rt_sigaction reads and writes: x86-64's kernel struct sigaction. */
struct kernel_sigaction {
  unsigned long k_sa_handler;
  unsigned long sa_flags;
  void (*sa_restorer)(void);
  unsigned long sa_mask;
};

long sys_rt_sigaction(int sig, const struct kernel_sigaction *act, struct kernel_sigaction *oact, size_t sigsetsize);
long sys_rt_sigprocmask(int how, const sigset_t *set, sigset_t *oset, size_t sigsetsize);
long sys_rt_sigpending(sigset_t *set, size_t sigsetsize);
long sys_rt_sigsuspend(const sigset_t *set, size_t sigsetsize);
long sys_rt_sigreturn(void *uc);
long sys_tgkill(pid_t tgid, pid_t tid, int sig);

/* Cancellation points (lib/pthread.c, lib/syscalls.c). */
extern int __libc_multiple_threads;
int __pthread_enable_asynccancel(void);
void __pthread_disable_asynccancel(int oldtype);

/* A system call's result: -errno becomes errno and -1 (lib/syscalls.c). */
long __syscall_result(long r);

int sigemptyset(sigset_t *set)
{
  memset(set, 0, sizeof *set);
  return 0;
}

int sigfillset(sigset_t *set)
{
  memset(set, 0xff, sizeof *set);
  set->__val[(SIGCANCEL - 1) / WORD_BITS] &= ~(1UL << ((SIGCANCEL - 1) % WORD_BITS));
  set->__val[(SIGSETXID - 1) / WORD_BITS] &= ~(1UL << ((SIGSETXID - 1) % WORD_BITS));
  return 0;
}

int sigaddset(sigset_t *set, int signum)
{
  if (signum <= 0 || signum >= NSIG || __is_internal_signal(signum)) {
    errno = EINVAL;
    return -1;
  }
  set->__val[(signum - 1) / WORD_BITS] |= 1UL << ((signum - 1) % WORD_BITS);
  return 0;
}

int sigdelset(sigset_t *set, int signum)
{
  if (signum <= 0 || signum >= NSIG || __is_internal_signal(signum)) {
    errno = EINVAL;
    return -1;
  }
  set->__val[(signum - 1) / WORD_BITS] &= ~(1UL << ((signum - 1) % WORD_BITS));
  return 0;
}

int sigismember(const sigset_t *set, int signum)
{
  if (signum <= 0 || signum >= NSIG) {
    errno = EINVAL;
    return -1;
  }
  return (set->__val[(signum - 1) / WORD_BITS] >> ((signum - 1) % WORD_BITS)) & 1;
}

/* x86-64's sa_restorer: where the kernel's setup_rt_frame starts a handler, on the user stack over
   the interrupted code. On Linux the handler returns into __restore_rt, which makes the rt_sigreturn
   system call; a pseudo-C function cannot be given a return address, so this frame calls the handler
   itself and then does what __restore_rt does. Its arguments are what the kernel put in the frame,
   and the frame's ucontext, which the handler gets and rt_sigreturn reads back. */
void __restore_rt(unsigned long handler, int sig, unsigned long flags, int code, int pid, unsigned long value, void *uc)
{
  if (flags & SA_SIGINFO) {
    siginfo_t info;
    memset(&info, 0, sizeof info);
    info.si_signo = sig;
    info.si_code = code;
    if (code > 0 && code != SI_KERNEL && (sig == SIGSEGV || sig == SIGBUS || sig == SIGFPE || sig == SIGILL)) {
      /* A fault's siginfo (_sigfault): the kernel passes its si_addr in the value's place. */
      info.si_addr = (void *)value;
    } else {
      info.si_pid = pid;
      /* sigqueue's value, or a child's si_status: the same bytes of the union. */
      info.si_value.sival_ptr = (void *)value;
    }
    ((void (*)(int, siginfo_t *, void *))handler)(sig, &info, uc);
  } else {
    ((void (*)(int))handler)(sig);
  }
  sys_rt_sigreturn(uc);
}

/* rt_sigaction for any signal: the thread library's SIGCANCEL handler is installed through it. */
int __libc_sigaction(int signum, const struct sigaction *act, struct sigaction *oldact)
{
  struct kernel_sigaction kact;
  struct kernel_sigaction koact;
  long r;

  if (act) {
    kact.k_sa_handler = (unsigned long)act->sa_handler;
    kact.sa_flags = act->sa_flags | SA_RESTORER;
    kact.sa_restorer = (void (*)(void))__restore_rt;
    kact.sa_mask = act->sa_mask.__val[0];
  }
  r = sys_rt_sigaction(signum, act ? &kact : 0, oldact ? &koact : 0, KERNEL_SIGSET_SIZE);
  if (r < 0)
    return __syscall_result(r);
  if (oldact) {
    oldact->sa_handler = (sighandler_t)koact.k_sa_handler;
    oldact->sa_flags = koact.sa_flags;
    oldact->sa_restorer = koact.sa_restorer;
    sigemptyset(&oldact->sa_mask);
    oldact->sa_mask.__val[0] = koact.sa_mask;
  }
  return 0;
}

/* A program may not take glibc's own signals (SIGCANCEL, SIGSETXID) from the thread library. */
int sigaction(int signum, const struct sigaction *act, struct sigaction *oldact)
{
  if (signum <= 0 || signum >= NSIG || __is_internal_signal(signum)) {
    errno = EINVAL;
    return -1;
  }
  return __libc_sigaction(signum, act, oldact);
}

/* glibc's signal() has BSD semantics: the handler stays installed, blocks its own signal while it
   runs, and interrupted system calls restart (SA_RESTART). */
sighandler_t signal(int signum, sighandler_t handler)
{
  struct sigaction act;
  struct sigaction old;

  act.sa_handler = handler;
  sigemptyset(&act.sa_mask);
  if (sigaddset(&act.sa_mask, signum) < 0)
    return SIG_ERR;
  act.sa_flags = SA_RESTART;
  if (sigaction(signum, &act, &old) < 0)
    return SIG_ERR;
  return old.sa_handler;
}

/* glibc's __pthread_sigmask: the thread library's own signals are never blocked, so it looks at the new
   mask first, in user mode (a bad set faults here, not in the kernel), and passes a copy without them.
   It returns the error number rather than setting errno. */
int pthread_sigmask(int how, const sigset_t *set, sigset_t *oldset)
{
  sigset_t local_newmask;
  long r;

  if (set && (sigismember(set, SIGCANCEL) || sigismember(set, SIGSETXID))) {
    local_newmask = *set;
    local_newmask.__val[(SIGCANCEL - 1) / WORD_BITS] &= ~(1UL << ((SIGCANCEL - 1) % WORD_BITS));
    local_newmask.__val[(SIGSETXID - 1) / WORD_BITS] &= ~(1UL << ((SIGSETXID - 1) % WORD_BITS));
    set = &local_newmask;
  }
  r = sys_rt_sigprocmask(how, set, oldset, KERNEL_SIGSET_SIZE);
  return r < 0 ? -r : 0;
}

/* The same call as pthread_sigmask (the mask is each thread's own), setting errno. */
int sigprocmask(int how, const sigset_t *set, sigset_t *oldset)
{
  int result = pthread_sigmask(how, set, oldset);

  if (result == 0)
    return 0;
  errno = result;
  return -1;
}

/* A signal for one thread: tid of process tgid. */
int tgkill(pid_t tgid, pid_t tid, int sig)
{
  return __syscall_result(sys_tgkill(tgid, tid, sig));
}

int sigpending(sigset_t *set)
{
  return __syscall_result(sys_rt_sigpending(set, KERNEL_SIGSET_SIZE));
}

/* A cancellation point, in the shape of lib/syscalls.c's RETURN_SYSCALL_CANCEL (a single-threaded
   process only makes the call). */
int sigsuspend(const sigset_t *mask)
{
  if (__libc_multiple_threads) {
    int oldtype = __pthread_enable_asynccancel();
    long r = sys_rt_sigsuspend(mask, KERNEL_SIGSET_SIZE);
    __pthread_disable_asynccancel(oldtype);
    return __syscall_result(r);
  } else {
    long r = sys_rt_sigsuspend(mask, KERNEL_SIGSET_SIZE);
    if (r < 0) {
      errno = -r;
      return -1;
    }
    return r;
  }
}

int killpg(int pgrp, int sig)
{
  if (pgrp < 0) {
    errno = EINVAL;
    return -1;
  }
  return kill(-pgrp, sig);
}
