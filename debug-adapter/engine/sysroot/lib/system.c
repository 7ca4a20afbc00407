/* system(): runs a command line with /bin/sh -c and waits for it, as glibc's sysdeps/posix/system.c
   does (its fork-and-exec form). While the command runs the caller ignores SIGINT and SIGQUIT (a ^C is
   meant for the command, not for the program waiting on it) and blocks SIGCHLD (a SIGCHLD handler that
   waits must not reap the shell before system() does); the shell's child gets the caller's own
   dispositions and mask back before the exec. */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#define SHELL_PATH "/bin/sh"
#define SHELL_NAME "sh"

/* The shell's status as waitpid reports it, or -1 when the shell could not be forked or waited for. */
static int do_system(const char *line)
{
  struct sigaction sa, intr, quit;
  sigset_t omask;
  int status = -1;
  pid_t pid;

  sa.sa_handler = SIG_IGN;
  sa.sa_flags = 0;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, &intr);
  sigaction(SIGQUIT, &sa, &quit);
  sigaddset(&sa.sa_mask, SIGCHLD);
  sigprocmask(SIG_BLOCK, &sa.sa_mask, &omask);

  pid = fork();
  if (pid == 0) {
    sigaction(SIGINT, &intr, NULL);
    sigaction(SIGQUIT, &quit, NULL);
    sigprocmask(SIG_SETMASK, &omask, NULL);
    execl(SHELL_PATH, SHELL_NAME, "-c", line, (char *)NULL);
    _exit(127);
  }
  if (pid > 0) {
    pid_t r;
    do
      r = waitpid(pid, &status, 0);
    while (r < 0 && errno == EINTR);
    if (r != pid)
      status = -1;
  }

  sigaction(SIGINT, &intr, NULL);
  sigaction(SIGQUIT, &quit, NULL);
  sigprocmask(SIG_SETMASK, &omask, NULL);
  return status;
}

/* system(NULL) asks whether a shell is there: it is, when it can run `exit 0`. */
int system(const char *command)
{
  if (command == NULL)
    return do_system("exit 0") == 0;
  return do_system(command);
}
