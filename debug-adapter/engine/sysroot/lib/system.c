/* system(): runs a command line with /bin/sh -c and waits for it, as glibc 2.36's sysdeps/posix/system.c
   does, with posix_spawn (lib/spawn.c: a clone3(CLONE_VM | CLONE_VFORK) child that execs the shell).
   While the command runs the caller ignores SIGINT and SIGQUIT (a ^C is meant for the command, not for
   the program waiting on it) and blocks SIGCHLD (a SIGCHLD handler that waits must not reap the shell
   before system() does); the shell gets the caller's own mask back, and SIGINT and SIGQUIT at SIG_DFL
   unless the caller ignored them. Threads calling system() at once share the ignoring: the first to
   start sets it, the last to finish restores it. */
#include <errno.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#define SHELL_PATH "/bin/sh"
#define SHELL_NAME "sh"
/* The status of a shell that exited with 127, which system() returns when there is no shell to run. */
#define W_EXITCODE(ret, sig) ((ret) << 8 | (sig))

void __libc_lock_lock(int *lock);
void __libc_lock_unlock(int *lock);

/* The dispositions the first caller found, and how many calls are running. */
static struct sigaction intr, quit;
static int sa_refcntr;
static int lock;

/* The shell's status as waitpid reports it, or -1 when it could not be waited for. */
static int do_system(const char *line)
{
  int status = -1;
  int ret;
  pid_t pid;
  struct sigaction sa;
  sigset_t omask;
  sigset_t reset;
  posix_spawnattr_t spawn_attr;
  char *argv[4];

  sa.sa_handler = SIG_IGN;
  sa.sa_flags = 0;
  sigemptyset(&sa.sa_mask);

  __libc_lock_lock(&lock);
  if (sa_refcntr++ == 0) {
    /* We might already be ignoring SIGINT or SIGQUIT. */
    sigaction(SIGINT, &sa, &intr);
    sigaction(SIGQUIT, &sa, &quit);
  }
  __libc_lock_unlock(&lock);

  sigaddset(&sa.sa_mask, SIGCHLD);
  sigprocmask(SIG_BLOCK, &sa.sa_mask, &omask);

  sigemptyset(&reset);
  if (intr.sa_handler != SIG_IGN)
    sigaddset(&reset, SIGINT);
  if (quit.sa_handler != SIG_IGN)
    sigaddset(&reset, SIGQUIT);

  /* The shell starts with the caller's mask, and SIGINT and SIGQUIT reset as above. */
  posix_spawnattr_init(&spawn_attr);
  posix_spawnattr_setsigmask(&spawn_attr, &omask);
  posix_spawnattr_setsigdefault(&spawn_attr, &reset);
  posix_spawnattr_setflags(&spawn_attr, POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);

  argv[0] = SHELL_NAME;
  argv[1] = "-c";
  argv[2] = (char *)line;
  argv[3] = NULL;
  ret = posix_spawn(&pid, SHELL_PATH, NULL, &spawn_attr, argv, environ);
  posix_spawnattr_destroy(&spawn_attr);
  if (ret == 0) {
    pid_t r;
    do
      r = waitpid(pid, &status, 0);
    while (r < 0 && errno == EINTR);
    if (r != pid)
      status = -1;
  } else {
    /* POSIX states that failure to execute the shell should return as if the shell had terminated
       using _exit(127). */
    status = W_EXITCODE(127, 0);
  }

  __libc_lock_lock(&lock);
  if (--sa_refcntr == 0) {
    sigaction(SIGINT, &intr, NULL);
    sigaction(SIGQUIT, &quit, NULL);
  }
  __libc_lock_unlock(&lock);

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
