/* A SIGUSR1 handler counts the signals a child sends one at a time: the parent blocks SIGUSR1 and
   waits for each in sigsuspend, then acknowledges it through a pipe, so no two signals merge. */
#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile sig_atomic_t count;

static void on_usr1(int sig)
{
  count++;
}

int main(void)
{
  int ack[2];
  sigset_t block, empty;
  int i, status;
  pid_t pid;

  signal(SIGUSR1, on_usr1);
  sigemptyset(&block);
  sigaddset(&block, SIGUSR1);
  sigprocmask(SIG_BLOCK, &block, NULL);
  pipe(ack);
  pid = fork();
  if (pid == 0) {
    char c;
    for (i = 0; i < 5; i++) {
      kill(getppid(), SIGUSR1);
      read(ack[0], &c, 1);
    }
    _exit(0);
  }
  sigemptyset(&empty);
  for (i = 0; i < 5; i++) {
    int r = sigsuspend(&empty);
    printf("sigsuspend returned %d (EINTR: %d), count %d\n", r, r == -1, (int)count);
    write(ack[1], "k", 1);
  }
  waitpid(pid, &status, 0);
  printf("handler ran %d times; child exit %d\n", (int)count, WEXITSTATUS(status));
  return 0;
}
