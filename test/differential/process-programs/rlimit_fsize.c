// RLIMIT_FSIZE on a regular file: with the soft limit at 100 bytes, a write that would pass it is cut
// short at the limit, and one at the limit fails with EFBIG and sends SIGXFSZ (a handler counts them);
// an empty write there is 0 and sends nothing; ftruncate may shrink the file and grow it up to the limit
// but not past it (EFBIG, SIGXFSZ); a child whose SIGXFSZ has its default action is killed by it.
// ./rlimit_fsize.tmp is unlinked again.
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile sig_atomic_t xfsz;

static void on_xfsz(int sig)
{
  xfsz++;
}

static void show(const char *what, long r)
{
  if (r < 0)
    printf("%s: -1 %s, SIGXFSZ %d\n", what, strerror(errno), (int)xfsz);
  else
    printf("%s: %ld, SIGXFSZ %d\n", what, r, (int)xfsz);
}

int main(void)
{
  const char *path = "./rlimit_fsize.tmp";
  char buf[60];
  struct rlimit r;
  struct stat st;
  int fd, status;
  pid_t pid;

  memset(buf, 'x', sizeof buf);
  signal(SIGXFSZ, on_xfsz);
  getrlimit(RLIMIT_FSIZE, &r);
  r.rlim_cur = 100;
  show("setrlimit(RLIMIT_FSIZE, 100)", setrlimit(RLIMIT_FSIZE, &r));
  fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644);
  show("write 60", write(fd, buf, 60));
  show("write 60 more", write(fd, buf, 60));
  show("write at the limit", write(fd, buf, 60));
  show("write 0 at the limit", write(fd, buf, 0));
  fstat(fd, &st);
  printf("size %ld\n", (long)st.st_size);
  show("ftruncate to 50", ftruncate(fd, 50));
  show("ftruncate to 100", ftruncate(fd, 100));
  show("ftruncate to 101", ftruncate(fd, 101));
  show("lseek to 99", lseek(fd, 99, SEEK_SET));
  show("write 60 at 99", write(fd, buf, 60));
  show("lseek to 500", lseek(fd, 500, SEEK_SET));
  show("write at 500", write(fd, buf, 1));
  close(fd);

  fd = open(path, O_WRONLY | O_APPEND);
  show("O_APPEND write at the limit", write(fd, buf, 1));
  close(fd);
  fflush(stdout);

  pid = fork();
  if (pid == 0) {
    signal(SIGXFSZ, SIG_DFL);
    fd = open(path, O_WRONLY | O_APPEND);
    write(fd, buf, 1);
    _exit(0);
  }
  waitpid(pid, &status, 0);
  printf("child: signaled %d, signal %d (%s)\n", WIFSIGNALED(status), WTERMSIG(status), strsignal(WTERMSIG(status)));
  unlink(path);
  return 0;
}
