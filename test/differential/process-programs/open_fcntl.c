/* open(2) on /dev/null, /dev/zero, /proc and /proc/sys/kernel/pid_max (read only: its value is the
   machine's), open's errors, fcntl's descriptor and status flags, pipe2, O_NONBLOCK and lseek. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static void show(const char *what, long r)
{
  if (r < 0)
    printf("%s: -1 %s\n", what, strerror(errno));
  else
    printf("%s: %ld\n", what, r);
}

int main(void)
{
  char buf[8] = "abcdefg";
  int p[2], q[2], dir, null, zero, max;

  show("open /dev/null", null = open("/dev/null", O_RDWR));
  show("open /dev/zero", zero = open("/dev/zero", O_RDONLY | O_CLOEXEC));
  show("open pid_max", max = open("/proc/sys/kernel/pid_max", O_RDONLY));
  show("open /proc/sys", dir = open("/proc/sys", O_RDONLY | O_DIRECTORY));
  show("openat kernel/pid_max", openat(dir, "kernel/pid_max", O_RDONLY));
  show("missing", open("/no/such/file", O_RDONLY));
  show("O_CREAT in /proc", open("/proc/forkscope-test", O_WRONLY | O_CREAT, 0644));
  show("a file as a directory", open("/dev/null/x", O_RDONLY));
  show("O_DIRECTORY on a file", open("/dev/zero", O_RDONLY | O_DIRECTORY));
  show("a directory for writing", open("/proc", O_RDWR));
  show("O_CREAT|O_EXCL", open("/dev/null", O_WRONLY | O_CREAT | O_EXCL, 0600));
  show("bad dirfd", openat(99, "x", O_RDONLY));
  show("dirfd of a file", openat(null, "x", O_RDONLY));
  show("empty path", open("", O_RDONLY));

  show("write /dev/null", write(null, "xyz", 3));
  show("read /dev/null", read(null, buf, 3));
  show("read /dev/zero", read(zero, buf, 4));
  printf("buf: %d %d %d %d %c\n", buf[0], buf[1], buf[2], buf[3], buf[4]);
  show("write O_RDONLY", write(zero, "x", 1));
  show("read a directory", read(dir, buf, 1));

  printf("F_GETFL: %#o %#o %#o\n", fcntl(null, F_GETFL), fcntl(zero, F_GETFL), fcntl(dir, F_GETFL));
  show("F_SETFL", fcntl(null, F_SETFL, O_WRONLY | O_APPEND | O_NONBLOCK | O_TRUNC));
  printf("F_GETFL after: %#o\n", fcntl(null, F_GETFL));
  printf("F_GETFD: %d %d\n", fcntl(null, F_GETFD), fcntl(zero, F_GETFD));
  show("F_DUPFD 20", fcntl(null, F_DUPFD, 20));
  show("F_DUPFD_CLOEXEC 20", fcntl(null, F_DUPFD_CLOEXEC, 20));
  printf("F_GETFD of them: %d %d\n", fcntl(20, F_GETFD), fcntl(21, F_GETFD));
  show("unknown command", fcntl(null, 999, 0));
  show("closed descriptor", fcntl(99, F_GETFD));

  show("pipe2", pipe2(p, O_NONBLOCK | O_CLOEXEC));
  printf("pipe F_GETFL: %#o %#o F_GETFD: %d\n", fcntl(p[0], F_GETFL), fcntl(p[1], F_GETFL), fcntl(p[0], F_GETFD));
  show("read an empty O_NONBLOCK pipe", read(p[0], buf, 1));
  show("pipe2 with O_RDWR", pipe2(q, O_RDWR));

  show("lseek pipe", lseek(p[0], 0, SEEK_CUR));
  show("lseek /dev/null", lseek(null, 100, SEEK_SET));
  show("lseek bad whence", lseek(null, 0, 9));
  show("lseek pid_max 3", lseek(max, 3, SEEK_SET));
  show("lseek pid_max -1", lseek(max, -1, SEEK_CUR));
  show("lseek pid_max -10", lseek(max, -10, SEEK_CUR));
  show("lseek pid_max end", lseek(max, 0, SEEK_END));
  show("read after seeking to the end", read(max, buf, sizeof buf));

  return 0;
}
