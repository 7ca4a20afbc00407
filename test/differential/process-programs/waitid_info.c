/* waitid reports through a siginfo_t: si_signo SIGCHLD, si_pid, si_code CLD_EXITED/CLD_KILLED/
   CLD_STOPPED/CLD_CONTINUED and si_status; WNOWAIT leaves the child to be waited for again; WNOHANG
   with nothing to report zeroes si_pid; P_PGID waits for a process group. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static void show(const char *what, pid_t pid, siginfo_t *info)
{
  printf("%s: signo SIGCHLD %d, pid ok %d, code %d, status %d\n", what, info->si_signo == SIGCHLD, info->si_pid == pid, info->si_code, info->si_status);
}

int main(void)
{
  siginfo_t info;
  int status, r;
  pid_t pid;

  pid = fork();
  if (pid == 0)
    _exit(7);
  memset(&info, 0, sizeof info);
  r = waitid(P_PID, pid, &info, WEXITED | WNOWAIT);
  printf("WNOWAIT returned %d\n", r);
  show("exited", pid, &info);
  r = waitpid(pid, &status, 0);
  printf("still there for waitpid: %d, status %d\n", r == pid, WEXITSTATUS(status));

  pid = fork();
  if (pid == 0) {
    for (;;)
      pause();
  }
  memset(&info, 0xff, sizeof info);
  r = waitid(P_PID, pid, &info, WEXITED | WNOHANG);
  printf("WNOHANG returned %d, si_pid %d, si_signo %d\n", r, info.si_pid, info.si_signo);
  kill(pid, SIGSTOP);
  waitid(P_PID, pid, &info, WSTOPPED);
  show("stopped", pid, &info);
  kill(pid, SIGCONT);
  waitid(P_PID, pid, &info, WCONTINUED);
  show("continued", pid, &info);
  kill(pid, SIGKILL);
  waitid(P_ALL, 0, &info, WEXITED);
  show("killed", pid, &info);

  setpgid(0, 0);
  pid = fork();
  if (pid == 0)
    _exit(4);
  waitid(P_PGID, 0, &info, WEXITED);
  show("own group", pid, &info);

  r = waitid(P_ALL, 0, &info, 0);
  printf("no WEXITED/WSTOPPED/WCONTINUED: %d, EINVAL %d\n", r, errno == EINVAL);
  r = waitid(P_PID, 0, &info, WEXITED);
  printf("P_PID 0: %d, EINVAL %d\n", r, errno == EINVAL);
  r = waitid(P_ALL, 0, &info, WEXITED);
  printf("no children: %d, ECHILD %d\n", r, errno == ECHILD);
  return 0;
}
