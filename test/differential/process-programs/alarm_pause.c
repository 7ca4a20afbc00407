/* alarm: SIGALRM interrupts pause() (EINTR) when handled, and kills by default ("Alarm clock");
   alarm returns the seconds left of the one it replaces; sleep returns early when interrupted. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile sig_atomic_t alarms;

static void on_alarm(int sig)
{
  alarms++;
}

int main(void)
{
  int status, r;
  unsigned int left;
  pid_t pid;

  signal(SIGALRM, on_alarm);
  alarm(1);
  r = pause();
  printf("pause returned %d, errno EINTR: %d, alarms %d\n", r, errno == EINTR, (int)alarms);

  alarm(5);
  left = alarm(0);
  printf("alarm(0) after alarm(5): %u left\n", left);
  printf("alarm(0) with none armed: %u\n", alarm(0));

  alarm(1);
  left = sleep(5);
  printf("sleep interrupted early: %d, alarms %d\n", left > 0 && left < 5, (int)alarms);

  pid = fork();
  if (pid == 0) {
    signal(SIGALRM, SIG_DFL);
    alarm(1);
    pause();
    _exit(0);
  }
  waitpid(pid, &status, 0);
  printf("child: WIFSIGNALED %d, WTERMSIG %d (%s)\n", WIFSIGNALED(status), WTERMSIG(status), strsignal(WTERMSIG(status)));

  pid = fork();
  if (pid == 0) {
    alarm(1); /* a child does not inherit the alarm; this one is its own, cancelled by exit */
    _exit(3);
  }
  waitpid(pid, &status, 0);
  printf("child exited %d before its alarm\n", WEXITSTATUS(status));
  return 0;
}
