/* A SIGSEGV handler's siginfo: SEGV_MAPERR and the address for an unmapped one, SEGV_ACCERR and the
   string literal's address for a write to read-only memory; SIGFPE's FPE_INTDIV. Each fault runs in
   a child, whose handler reports and exits. */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static void *expected;

static void handler(int sig, siginfo_t *si, void *uc)
{
  char line[128];
  int n;
  (void)uc;
  n = snprintf(line, sizeof line, "signal %d, si_code %d, si_addr is the faulting address: %d\n", sig, si->si_code,
               sig != SIGSEGV || si->si_addr == expected);
  write(1, line, n);
  _exit(sig);
}

static void run(int which)
{
  int status;
  pid_t p = fork();
  if (p == 0) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = handler;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGSEGV, &sa, 0);
    sigaction(SIGFPE, &sa, 0);
    if (which == 0) {
      expected = (void *)0x1234;
      *(volatile int *)0x1234 = 1;
    } else if (which == 1) {
      char *s = "literal";
      expected = s;
      s[0] = 'L';
    } else {
      volatile int zero = 0;
      printf("%d\n", 100 / zero);
    }
    _exit(0);
  }
  waitpid(p, &status, 0);
  printf("child %d exited with %d\n", which, WEXITSTATUS(status));
  fflush(stdout);
}

int main(void)
{
  run(0);
  run(1);
  run(2);
  return 0;
}
