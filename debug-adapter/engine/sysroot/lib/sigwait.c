/* Waiting for signals and sending one with a value (glibc's sigwait, sigwaitinfo, sigtimedwait and
   sigqueue, over rt_sigtimedwait and rt_sigqueueinfo). */
#include <signal.h>
#include <errno.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* The kernel's sigset is one word: the first of glibc's sixteen. */
#define KERNEL_SIGSET_SIZE 8

long sys_rt_sigtimedwait(const sigset_t *uthese, siginfo_t *uinfo, const struct timespec *uts, size_t sigsetsize);
long sys_rt_sigqueueinfo(pid_t pid, int sig, siginfo_t *uinfo);

/* Cancellation points (lib/pthread.c, lib/syscalls.c). */
extern int __libc_multiple_threads;
int __pthread_enable_asynccancel(void);
void __pthread_disable_asynccancel(int oldtype);

/* The system call as a cancellation point, as lib/syscalls.c's RETURN_SYSCALL_CANCEL makes them. */
static long rt_sigtimedwait_cancel(const sigset_t *set, siginfo_t *info, const struct timespec *timeout)
{
  int oldtype = __pthread_enable_asynccancel();
  long r = sys_rt_sigtimedwait(set, info, timeout, KERNEL_SIGSET_SIZE);
  __pthread_disable_asynccancel(oldtype);
  return r;
}

/* A cancellation point; so are sigwait and sigwaitinfo, which call it. A single-threaded process only
   makes the call. */
int sigtimedwait(const sigset_t *set, siginfo_t *info, const struct timespec *timeout)
{
  long r = __libc_multiple_threads ? rt_sigtimedwait_cancel(set, info, timeout)
                                   : sys_rt_sigtimedwait(set, info, timeout, KERNEL_SIGSET_SIZE);
  if (r < 0) {
    errno = -r;
    return -1;
  }
  /* raise() sends with tgkill, whose si_code is SI_TKILL: glibc reports it as SI_USER. */
  if (info && info->si_code == SI_TKILL)
    info->si_code = SI_USER;
  return r;
}

int sigwaitinfo(const sigset_t *set, siginfo_t *info)
{
  return sigtimedwait(set, info, NULL);
}

/* Returns 0 with the signal in *sig, or an error number (errno is not the answer here). A handler
   that interrupts the wait does not end it: POSIX gives sigwait no EINTR. */
int sigwait(const sigset_t *set, int *sig)
{
  siginfo_t si;
  int ret;

  do
    ret = sigtimedwait(set, &si, NULL);
  while (ret < 0 && errno == EINTR);
  if (ret < 0)
    return errno;
  *sig = ret;
  return 0;
}

int sigqueue(pid_t pid, int sig, const union sigval value)
{
  siginfo_t info;
  long r;

  memset(&info, 0, sizeof info);
  info.si_signo = sig;
  info.si_code = SI_QUEUE;
  info.si_pid = getpid();
  info.si_uid = getuid();
  info.si_value = value;
  r = sys_rt_sigqueueinfo(pid, sig, &info);
  if (r < 0) {
    errno = -r;
    return -1;
  }
  return 0;
}
