/* Job control: SIGSTOP stops a child, which waitpid(WUNTRACED) reports once (WIFSTOPPED, WSTOPSIG);
   SIGCONT resumes it, which waitpid(WCONTINUED) reports (WIFCONTINUED); SIGKILL ends a stopped child.
   A child that stops itself with raise(SIGSTOP) goes on where it stopped once continued. */
#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void)
{
  int status;
  pid_t pid, r;

  pid = fork();
  if (pid == 0) {
    for (;;)
      pause();
  }
  kill(pid, SIGSTOP);
  r = waitpid(pid, &status, WUNTRACED);
  printf("stopped: pid ok %d, WIFSTOPPED %d, WSTOPSIG %d, WIFEXITED %d, WIFSIGNALED %d\n", r == pid, WIFSTOPPED(status), WSTOPSIG(status), WIFEXITED(status), WIFSIGNALED(status));
  r = waitpid(pid, &status, WUNTRACED | WNOHANG);
  printf("reported once: %d\n", r);
  kill(pid, SIGCONT);
  r = waitpid(pid, &status, WCONTINUED);
  printf("continued: pid ok %d, WIFCONTINUED %d, WIFSTOPPED %d\n", r == pid, WIFCONTINUED(status), WIFSTOPPED(status));
  kill(pid, SIGSTOP);
  waitpid(pid, &status, WUNTRACED);
  printf("stopped again: WSTOPSIG %d\n", WSTOPSIG(status));
  kill(pid, SIGKILL);
  r = waitpid(pid, &status, 0);
  printf("killed while stopped: pid ok %d, WTERMSIG %d\n", r == pid, WTERMSIG(status));

  pid = fork();
  if (pid == 0) {
    raise(SIGSTOP);
    _exit(3);
  }
  waitpid(pid, &status, WUNTRACED);
  printf("self-stopped: WIFSTOPPED %d, WSTOPSIG %d\n", WIFSTOPPED(status), WSTOPSIG(status));
  kill(pid, SIGCONT);
  waitpid(pid, &status, 0);
  printf("then exited: WIFEXITED %d, status %d\n", WIFEXITED(status), WEXITSTATUS(status));
  return 0;
}
