/* /bin/sh: Forkscope's shell runs one command, the user's program, given as its arguments
   (sh PROG ARGS...): it forks, execs PROG in the child, waits for it and exits with its status, or
   128 + N when signal N killed it, as a shell running `./prog` does. */
#include <errno.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv)
{
  pid_t pid;
  int status;

  if (argc < 2) {
    fprintf(stderr, "sh: missing command\n");
    return 2;
  }
  pid = fork();
  if (pid < 0) {
    perror("sh: fork");
    return 2;
  }
  if (pid == 0) {
    execv(argv[1], argv + 1);
    perror(argv[1]);
    _exit(127);
  }
  /* A signal may interrupt the wait (EINTR): the child is still there to wait for. */
  while (waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR)
      return 2;
  }
  if (WIFSIGNALED(status))
    return 128 + WTERMSIG(status);
  return WEXITSTATUS(status);
}
