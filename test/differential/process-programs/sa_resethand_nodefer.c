/* SA_NODEFER lets a handler be interrupted by its own signal (the second handler runs inside the
   first); without it the second waits until the first returns. SA_RESETHAND runs the handler once:
   the next signal takes the default action. SA_SIGINFO handlers get the sender's pid, and a SIGCHLD
   handler the child's pid, si_code and status. */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static char trace[64];
static int depth;
static volatile sig_atomic_t chld_pid_ok, chld_code, chld_status, usr2_pid_ok;

static void nested(int sig)
{
  strcat(trace, "<");
  if (depth++ == 0)
    raise(sig);
  strcat(trace, ">");
}

static void on_chld(int sig, siginfo_t *info, void *uc)
{
  chld_pid_ok = info->si_pid > 0;
  chld_code = info->si_code;
  chld_status = info->si_status;
}

static void on_usr2(int sig, siginfo_t *info, void *uc)
{
  usr2_pid_ok = info->si_pid == getpid() && info->si_code == SI_USER;
}

/* Installs nested() with `flags` and raises SIGUSR1; `reraise`: the handler raises it once more. */
static void with_flags(int flags, int reraise)
{
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = nested;
  sa.sa_flags = flags;
  sigaction(SIGUSR1, &sa, NULL);
  trace[0] = 0;
  depth = reraise ? 0 : 1;
  raise(SIGUSR1);
}

int main(void)
{
  struct sigaction sa;
  sigset_t block, empty;
  int status;
  pid_t pid;

  with_flags(SA_NODEFER, 1);
  printf("SA_NODEFER: %s\n", trace);
  with_flags(0, 1);
  printf("deferred:   %s\n", trace);

  fflush(stdout);
  pid = fork();
  if (pid == 0) {
    with_flags(SA_RESETHAND, 0);
    printf("first: %s\n", trace);
    fflush(stdout);
    raise(SIGUSR1);
    _exit(0);
  }
  waitpid(pid, &status, 0);
  printf("SA_RESETHAND child: WIFSIGNALED %d, WTERMSIG %d\n", WIFSIGNALED(status), WTERMSIG(status));

  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = on_usr2;
  sa.sa_flags = SA_SIGINFO;
  sigaction(SIGUSR2, &sa, NULL);
  kill(getpid(), SIGUSR2);
  printf("SIGUSR2 si_pid is the sender and si_code SI_USER: %d\n", (int)usr2_pid_ok);

  sa.sa_sigaction = on_chld;
  sa.sa_flags = SA_SIGINFO;
  sigaction(SIGCHLD, &sa, NULL);
  sigemptyset(&block);
  sigaddset(&block, SIGCHLD);
  sigprocmask(SIG_BLOCK, &block, NULL);
  pid = fork();
  if (pid == 0)
    _exit(9);
  sigemptyset(&empty);
  sigsuspend(&empty);
  printf("SIGCHLD: pid ok %d, si_code CLD_EXITED %d, si_status %d\n", (int)chld_pid_ok, chld_code == CLD_EXITED, (int)chld_status);
  waitpid(pid, &status, 0);
  return 0;
}
