// RLIMIT_NOFILE: with the soft limit lowered to 10, open fails with EMFILE once descriptors 0 to 9 are
// taken; dup, fcntl(F_DUPFD) and pipe fail the same way, F_DUPFD from the limit on is EINVAL, dup2 onto
// the limit is EBADF; sysconf(_SC_OPEN_MAX) and getdtablesize() follow the soft limit; a forked child
// has the same limits; closing a descriptor lets one more open in; lowering the limit below open
// descriptors leaves them open.
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

static void show(const char *what, int r)
{
  if (r < 0)
    printf("%s: -1 %s\n", what, strerror(errno));
  else
    printf("%s: %d\n", what, r);
}

int main(void)
{
  struct rlimit r, old;
  int fd, last = -1, opened = 0, fds[2];
  pid_t pid;
  int status;

  getrlimit(RLIMIT_NOFILE, &old);
  r.rlim_cur = 10;
  r.rlim_max = old.rlim_max;
  show("setrlimit(RLIMIT_NOFILE, 10)", setrlimit(RLIMIT_NOFILE, &r));
  show("sysconf(_SC_OPEN_MAX)", sysconf(_SC_OPEN_MAX));
  show("getdtablesize()", getdtablesize());
  for (;;) {
    fd = open("/dev/null", O_RDONLY);
    if (fd < 0)
      break;
    last = fd;
    opened++;
  }
  printf("opened %d, the last was %d, then: %s\n", opened, last, strerror(errno));
  show("dup(0)", dup(0));
  show("fcntl(0, F_DUPFD, 5)", fcntl(0, F_DUPFD, 5));
  show("fcntl(0, F_DUPFD, 10)", fcntl(0, F_DUPFD, 10));
  show("fcntl(0, F_DUPFD_CLOEXEC, 11)", fcntl(0, F_DUPFD_CLOEXEC, 11));
  show("dup2(0, 10)", dup2(0, 10));
  show("dup2(0, 9)", dup2(0, 9));
  show("pipe", pipe(fds));
  fflush(stdout);

  pid = fork();
  if (pid == 0) {
    struct rlimit c;
    getrlimit(RLIMIT_NOFILE, &c);
    printf("child: soft limit %lu, the parent's hard limit: %d\n", (unsigned long)c.rlim_cur, c.rlim_max == old.rlim_max);
    close(9);
    show("child: open after close(9)", open("/dev/null", O_RDONLY));
    show("child: open", open("/dev/null", O_RDONLY));
    fflush(stdout);
    _exit(0);
  }
  waitpid(pid, &status, 0);

  close(5);
  show("open after close(5)", open("/dev/null", O_RDONLY));
  r.rlim_cur = 20;
  show("setrlimit(RLIMIT_NOFILE, 20)", setrlimit(RLIMIT_NOFILE, &r));
  show("dup2(0, 19)", dup2(0, 19));
  show("dup2(0, 20)", dup2(0, 20));
  show("fcntl(0, F_DUPFD, 19)", fcntl(0, F_DUPFD, 19));
  r.rlim_cur = 3;
  show("setrlimit(RLIMIT_NOFILE, 3)", setrlimit(RLIMIT_NOFILE, &r));
  show("fcntl(19, F_GETFD)", fcntl(19, F_GETFD));
  show("dup(0)", dup(0));
  show("close(19)", close(19));
  show("dup2(0, 19)", dup2(0, 19));
  show("dup2(19, 19)", dup2(19, 19));
  show("dup2(1, 1)", dup2(1, 1));
  return 0;
}
