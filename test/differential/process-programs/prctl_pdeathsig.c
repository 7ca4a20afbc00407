/* prctl_pdeathsig.c: PR_SET_PDEATHSIG asks for a signal when the parent dies. The grandchild asks for
   SIGUSR1 and its parent exits: the signal comes as if the dying parent had sent it (SI_USER, si_pid
   the parent's), once the grandchild has already been reparented. fork clears the setting in the
   child; a number that is no signal is EINVAL. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile sig_atomic_t got_sig, got_code, got_pid;

static void handler(int sig, siginfo_t *si, void *uc)
{
  (void)uc;
  got_sig = sig;
  got_code = si->si_code;
  got_pid = si->si_pid;
}

int main(void)
{
  int r = prctl(PR_SET_PDEATHSIG, 99);
  printf("PR_SET_PDEATHSIG 99: %d %s\n", r, strerror(errno));
  prctl(PR_SET_PDEATHSIG, SIGUSR2);
  int sig = -1;
  prctl(PR_GET_PDEATHSIG, &sig);
  printf("PR_GET_PDEATHSIG: %s\n", sig == SIGUSR2 ? "SIGUSR2" : "other");
  fflush(stdout);
  pid_t c = fork();
  if (c == 0) {
    prctl(PR_GET_PDEATHSIG, &sig);
    printf("a forked child's: %d\n", sig);
    fflush(stdout);
    _exit(0);
  }
  waitpid(c, NULL, 0);
  prctl(PR_SET_PDEATHSIG, 0);

  int ready[2], done[2];
  pipe(ready);
  pipe(done);
  pid_t mid = fork();
  if (mid == 0) {
    pid_t parent = getpid();
    if (fork() == 0) {
      struct sigaction sa;
      memset(&sa, 0, sizeof sa);
      sa.sa_sigaction = handler;
      sa.sa_flags = SA_SIGINFO;
      sigaction(SIGUSR1, &sa, NULL);
      prctl(PR_SET_PDEATHSIG, SIGUSR1);
      close(done[0]);
      write(ready[1], "r", 1);
      while (!got_sig)
        pause();
      printf("grandchild: got SIGUSR1: %d, SI_USER: %d, from its parent: %d, reparented to init: %d\n",
             got_sig == SIGUSR1, got_code == SI_USER, got_pid == parent, getppid() == 1);
      fflush(stdout);
      _exit(0);
    }
    char ch;
    read(ready[0], &ch, 1);
    _exit(0);
  }
  close(done[1]);
  waitpid(mid, NULL, 0);
  /* The grandchild holds done's write end until it exits: EOF means its line is out. */
  char ch;
  printf("parent: read after the grandchild is gone: %d\n", (int)read(done[0], &ch, 1));
  return 0;
}
