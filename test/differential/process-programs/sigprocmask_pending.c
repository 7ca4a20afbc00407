/* A blocked signal waits in the pending set (sigpending) and is delivered as soon as sigprocmask
   unblocks it, before sigprocmask returns. The sigset functions and their errors. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>

static volatile sig_atomic_t got;

static void on_usr2(int sig)
{
  got = sig;
}

int main(void)
{
  sigset_t set, old, pending;
  int r;

  signal(SIGUSR2, on_usr2);
  sigemptyset(&set);
  sigaddset(&set, SIGUSR2);
  sigprocmask(SIG_BLOCK, &set, &old);
  printf("SIGUSR2 blocked before: %d\n", sigismember(&old, SIGUSR2));
  raise(SIGUSR2);
  sigpending(&pending);
  printf("pending SIGUSR2: %d, SIGUSR1: %d, handled: %d\n", sigismember(&pending, SIGUSR2), sigismember(&pending, SIGUSR1), (int)got);
  sigprocmask(SIG_UNBLOCK, &set, &old);
  printf("after unblock: handled signal %d, was blocked: %d\n", (int)got, sigismember(&old, SIGUSR2));
  sigpending(&pending);
  printf("pending now: %d\n", sigismember(&pending, SIGUSR2));

  /* SIGKILL and SIGSTOP cannot be blocked: the kernel drops them from the mask. */
  sigfillset(&set);
  sigprocmask(SIG_SETMASK, &set, NULL);
  sigprocmask(SIG_SETMASK, NULL, &old);
  printf("blocked: SIGKILL %d SIGSTOP %d SIGTERM %d\n", sigismember(&old, SIGKILL), sigismember(&old, SIGSTOP), sigismember(&old, SIGTERM));
  r = sigprocmask(7, &set, NULL);
  printf("sigprocmask bad how: %d, EINVAL %d\n", r, errno == EINVAL);

  printf("fill: 32 %d, 34 %d, 64 %d\n", sigismember(&set, 32), sigismember(&set, 34), sigismember(&set, 64));
  errno = 0;
  r = sigaddset(&set, 0);
  printf("sigaddset(0) %d, EINVAL %d\n", r, errno == EINVAL);
  errno = 0;
  r = sigaddset(&set, 65);
  printf("sigaddset(65) %d, EINVAL %d\n", r, errno == EINVAL);
  errno = 0;
  r = sigaddset(&set, 32);
  printf("sigaddset(32) %d, EINVAL %d\n", r, errno == EINVAL);
  sigemptyset(&set);
  printf("empty: SIGINT %d\n", sigismember(&set, SIGINT));
  sigaddset(&set, SIGINT);
  sigdelset(&set, SIGINT);
  printf("add then del: %d\n", sigismember(&set, SIGINT));
  return 0;
}
