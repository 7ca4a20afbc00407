/* sigwait, sigwaitinfo, sigtimedwait and sigqueue: a blocked signal taken at once and consumed; a
   wait for a child's SIGCHLD (ignored by default, yet waited for); sigqueue's value and SI_QUEUE in
   sigwaitinfo and in an SA_SIGINFO handler; each real-time signal queued; the errors; then psignal's
   text, getenv and the IDs of root. */
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <errno.h>
#include <sys/wait.h>
#include <time.h>

static volatile int got_value = -1, got_code = 99, got_sig = 0;
static void on_usr2(int sig, siginfo_t *si, void *uc)
{
  got_sig = sig;
  got_code = si->si_code;
  got_value = si->si_value.sival_int;
}

int main(void)
{
  sigset_t set;
  int sig = 0;
  union sigval v;
  struct sigaction sa;
  int r, e;

  setvbuf(stdout, NULL, _IONBF, 0);
  /* sigwait takes a blocked, pending signal at once and consumes it. */
  sigemptyset(&set);
  sigaddset(&set, SIGUSR1);
  sigaddset(&set, SIGCHLD);
  sigprocmask(SIG_BLOCK, &set, NULL);
  raise(SIGUSR1);
  r = sigwait(&set, &sig);
  printf("sigwait: %d sig=%d\n", r, sig);
  sigset_t pend;
  sigpending(&pend);
  printf("still pending: %d\n", sigismember(&pend, SIGUSR1));

  /* ... and sleeps until one arrives: a child's SIGCHLD, which SIG_DFL would ignore. */
  pid_t c = fork();
  if (c == 0) {
    usleep(1000);
    _exit(3);
  }
  sig = 0;
  r = sigwait(&set, &sig);
  printf("sigwait child: %d sig=%d\n", r, sig);
  int st;
  waitpid(c, &st, 0);
  printf("child status %d\n", WEXITSTATUS(st));

  /* sigwaitinfo shows sigqueue's value and SI_QUEUE. */
  v.sival_int = 42;
  printf("sigqueue: %d\n", sigqueue(getpid(), SIGUSR1, v));
  siginfo_t si;
  memset(&si, 0, sizeof si);
  r = sigwaitinfo(&set, &si);
  printf("sigwaitinfo: %d code=%d value=%d pid_ok=%d\n", r, si.si_code, si.si_value.sival_int, si.si_pid == getpid());

  /* A kill shows SI_USER; raise (tgkill) shows as SI_USER too. */
  kill(getpid(), SIGUSR1);
  r = sigwaitinfo(&set, &si);
  printf("kill: %d code=%d\n", r, si.si_code);
  raise(SIGUSR1);
  r = sigwaitinfo(&set, &si);
  printf("raise: %d code=%d\n", r, si.si_code);

  /* A timeout: EAGAIN; a bad one: EINVAL. */
  struct timespec ts = { 0, 1000000 };
  errno = 0;
  r = sigtimedwait(&set, &si, &ts);
  printf("timeout: %d errno=%d\n", r, errno);
  ts.tv_nsec = 1000000000;
  errno = 0;
  r = sigtimedwait(&set, &si, &ts);
  printf("bad timeout: %d errno=%d\n", r, errno);

  /* Real-time signals queue each one, in order, with their values. */
  sigset_t rt;
  sigemptyset(&rt);
  sigaddset(&rt, SIGRTMIN);
  sigprocmask(SIG_BLOCK, &rt, NULL);
  for (int i = 1; i <= 3; i++) {
    v.sival_int = i * 10;
    sigqueue(getpid(), SIGRTMIN, v);
  }
  for (int i = 0; i < 3; i++) {
    r = sigwaitinfo(&rt, &si);
    printf("rt %d: value=%d\n", r - SIGRTMIN, si.si_value.sival_int);
  }

  /* An SA_SIGINFO handler sees the value and SI_QUEUE. */
  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = on_usr2;
  sa.sa_flags = SA_SIGINFO;
  sigaction(SIGUSR2, &sa, NULL);
  v.sival_int = 7;
  sigqueue(getpid(), SIGUSR2, v);
  printf("handler: sig=%d code=%d value=%d\n", got_sig, got_code, got_value);

  /* Errors. */
  errno = 0;
  r = sigqueue(999999, SIGUSR1, v);
  e = errno;
  printf("sigqueue no such pid: %d errno=%d\n", r, e);
  errno = 0;
  r = sigqueue(0, SIGUSR1, v);
  e = errno;
  printf("sigqueue pid 0: %d errno=%d\n", r, e);
  errno = 0;
  r = sigqueue(getpid(), 65, v);
  e = errno;
  printf("sigqueue bad sig: %d errno=%d\n", r, e);
  errno = 0;
  r = sigqueue(999999, 65, v);
  e = errno;
  printf("sigqueue bad sig bad pid: %d errno=%d\n", r, e);
  printf("sigqueue sig 0: %d\n", sigqueue(getpid(), 0, v));

  /* psignal and getenv. */
  psignal(SIGSEGV, "caught");
  psignal(SIGRTMIN, "rt");
  psignal(0, NULL);
  psignal(SIGTERM, "");
  printf("NOPE=%s\n", getenv("FORKSCOPE_NOPE") ? "set" : "unset");
  printf("empty=%s\n", getenv("") ? "set" : "unset");
  printf("uid %d %d %d %d\n", getuid(), geteuid(), getgid(), getegid());
  return 0;
}
