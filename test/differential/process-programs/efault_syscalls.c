/* System calls handed a bad pointer fail with EFAULT, as Linux's copy_from_user, copy_to_user and
   put_user make them, rather than faulting in the kernel: each probe runs in a child, with a low
   address (16), a kernel address and an unmapped one in the middle of user space, and prints the
   result and errno, or the signal that killed it. Where the C library touches the pointer first (the
   vDSO's clock_gettime, glibc's sigaction and sigprocmask copying the set, times reading its buffer
   after an EFAULT) the child is killed by SIGSEGV, natively too. A call whose work is done before the
   copy fails keeps it: waitpid and waitid reap the child, sigtimedwait takes the signal; a name prctl
   could not read leaves the old one. */
#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <sys/prctl.h>
#include <sys/times.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void *bad;

static void probe(const char *name, long (*f)(void))
{
  pid_t p = fork();
  int st;

  if (p == 0) {
    errno = 0;
    long r = f();
    printf("%-28s %ld errno %d\n", name, r, errno);
    fflush(stdout);
    _exit(0);
  }
  waitpid(p, &st, 0);
  if (WIFSIGNALED(st)) {
    printf("%-28s killed by %d\n", name, WTERMSIG(st));
    fflush(stdout);
  }
}

static long f_cpu_gettime(void) { return clock_gettime(CLOCK_PROCESS_CPUTIME_ID, bad); }
static long f_thread_getres(void) { return clock_getres(CLOCK_THREAD_CPUTIME_ID, bad); }
static long f_monotonic_gettime(void) { return clock_gettime(CLOCK_MONOTONIC, bad); }
static long f_times(void) { return times(bad); }

/* The child is reaped even though its status could not be stored: a second wait finds no child. */
static long f_waitpid(void)
{
  pid_t c = fork();
  if (c == 0)
    _exit(3);
  long r = waitpid(c, bad, 0);
  int e = errno;
  pid_t again = waitpid(c, NULL, 0);
  printf("  then waitpid: %d errno %d\n", again, errno);
  errno = e;
  return r;
}

static long f_waitid(void)
{
  pid_t c = fork();
  if (c == 0)
    _exit(3);
  long r = waitid(P_PID, c, bad, WEXITED);
  int e = errno;
  pid_t again = waitpid(c, NULL, WNOHANG);
  printf("  then waitpid: %d errno %d\n", again, errno);
  errno = e;
  return r;
}

static long f_sigaction_act(void) { return sigaction(SIGUSR1, bad, NULL); }
static long f_sigaction_oact(void) { return sigaction(SIGUSR1, NULL, bad); }

static long f_sigprocmask_set(void) { return sigprocmask(SIG_BLOCK, bad, NULL); }
static long f_sigprocmask_oset(void) { return sigprocmask(SIG_BLOCK, NULL, bad); }
static long f_sigpending(void) { return sigpending(bad); }
static long f_sigsuspend(void) { return sigsuspend(bad); }

static long f_sigtimedwait_timeout(void)
{
  sigset_t s;
  sigemptyset(&s);
  sigaddset(&s, SIGUSR1);
  return sigtimedwait(&s, NULL, bad);
}

/* The signal is taken although its details could not be written: it is no longer pending. */
static long f_sigtimedwait_info(void)
{
  sigset_t s, pending;
  sigemptyset(&s);
  sigaddset(&s, SIGUSR1);
  sigprocmask(SIG_BLOCK, &s, NULL);
  raise(SIGUSR1);
  long r = sigtimedwait(&s, bad, NULL);
  int e = errno;
  sigpending(&pending);
  printf("  still pending: %d\n", sigismember(&pending, SIGUSR1));
  errno = e;
  return r;
}

static long f_getaffinity(void) { return sched_getaffinity(0, 128, bad); }
static long f_setaffinity(void) { return sched_setaffinity(0, 128, bad); }
static long f_getparam(void) { return sched_getparam(0, bad); }
static long f_setparam(void) { return sched_setparam(0, bad); }
static long f_setscheduler(void) { return sched_setscheduler(0, SCHED_OTHER, bad); }
static long f_get_name(void) { return prctl(PR_GET_NAME, bad); }

static long f_set_name(void)
{
  char name[16];
  prctl(PR_SET_NAME, "before");
  long r = prctl(PR_SET_NAME, bad);
  int e = errno;
  prctl(PR_GET_NAME, name);
  printf("  name: %s\n", name);
  errno = e;
  return r;
}

static long f_get_subreaper(void) { return prctl(PR_GET_CHILD_SUBREAPER, bad); }

int main(void)
{
  void *const addresses[] = {(void *)16, (void *)0xffffffff81000000UL, (void *)0x200000000000UL};
  const char *const names[] = {"16", "kernel address", "unmapped user address"};

  for (int i = 0; i < 3; i++) {
    bad = addresses[i];
    printf("-- %s\n", names[i]);
    fflush(stdout);
    probe("clock_gettime process cpu", f_cpu_gettime);
    probe("clock_getres thread cpu", f_thread_getres);
    probe("clock_gettime monotonic", f_monotonic_gettime);
    probe("times", f_times);
    probe("waitpid status", f_waitpid);
    probe("waitid info", f_waitid);
    probe("sigaction act", f_sigaction_act);
    probe("sigaction oact", f_sigaction_oact);
    probe("sigprocmask set", f_sigprocmask_set);
    probe("sigprocmask oldset", f_sigprocmask_oset);
    probe("sigpending", f_sigpending);
    probe("sigsuspend", f_sigsuspend);
    probe("sigtimedwait timeout", f_sigtimedwait_timeout);
    probe("sigtimedwait info", f_sigtimedwait_info);
    probe("sched_getaffinity", f_getaffinity);
    probe("sched_setaffinity", f_setaffinity);
    probe("sched_getparam", f_getparam);
    probe("sched_setparam", f_setparam);
    probe("sched_setscheduler", f_setscheduler);
    probe("prctl PR_GET_NAME", f_get_name);
    probe("prctl PR_SET_NAME", f_set_name);
    probe("prctl PR_GET_CHILD_SUBREAPER", f_get_subreaper);
  }
  return 0;
}
