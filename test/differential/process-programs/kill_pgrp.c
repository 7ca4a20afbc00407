/* Process groups: after setpgid(0, 0) the parent leads a group its children join at fork.
   kill(0, sig) signals the whole group, the sender included; a child moved to a group of its own is
   reached by kill(-pgid) and waitpid(-pgid), and no longer by waitpid(0). */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile sig_atomic_t got;

static void on_usr1(int sig)
{
  got++;
}

int main(void)
{
  sigset_t block, empty;
  int i, status, sum = 0;
  pid_t pid, loner, r;

  setpgid(0, 0);
  printf("leader: getpgrp() == getpid(): %d, getpgid(0) == getpid(): %d\n", getpgrp() == getpid(), getpgid(0) == getpid());
  signal(SIGUSR1, on_usr1);
  sigemptyset(&block);
  sigaddset(&block, SIGUSR1);
  sigprocmask(SIG_BLOCK, &block, NULL);
  sigemptyset(&empty);
  for (i = 1; i <= 3; i++) {
    pid = fork();
    if (pid == 0) {
      int same = getpgrp() == getppid();
      sigsuspend(&empty);
      _exit(10 * i + same + got);
    }
  }
  loner = fork();
  if (loner == 0) {
    setpgid(0, 0);
    for (;;)
      pause();
  }
  /* Both sides set the loner's group, so it is in place whichever runs first. */
  setpgid(loner, loner);
  printf("loner's group is its pid: %d\n", getpgid(loner) == loner);

  kill(0, SIGUSR1);
  sigsuspend(&empty);
  printf("parent got its own signal: %d\n", (int)got);
  for (i = 0; i < 3; i++) {
    r = waitpid(0, &status, 0);
    sum += WEXITSTATUS(status);
  }
  printf("children exit codes sum %d (10+20+30 + 3 same-group + 3 handled)\n", sum);
  r = waitpid(0, &status, WNOHANG);
  printf("waitpid(0) with only the loner left: %d, ECHILD %d\n", r, errno == ECHILD);
  printf("kill(-loner, SIGTERM): %d\n", kill(-loner, SIGTERM));
  r = waitpid(-loner, &status, 0);
  printf("waitpid(-loner): pid ok %d, WTERMSIG %d\n", r == loner, WTERMSIG(status));
  r = kill(-loner, 0);
  printf("kill to an empty group: %d, ESRCH %d\n", r, errno == ESRCH);
  r = setpgid(0, 424242);
  printf("setpgid to a group that does not exist: %d, EPERM %d\n", r, errno == EPERM);
  return 0;
}
