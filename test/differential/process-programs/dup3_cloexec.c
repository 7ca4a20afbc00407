/* dup3_cloexec.c: dup3 is dup2 with a flag for the new descriptor (O_CLOEXEC, the only one it takes),
   and unlike dup2 it refuses a descriptor onto itself (EINVAL). dup and dup2 never copy FD_CLOEXEC;
   F_DUPFD_CLOEXEC and dup3 set it. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static void show(const char *what, int r)
{
  printf("%-28s %3d %s\n", what, r, r < 0 ? strerror(errno) : "");
}

int main(void)
{
  int fd[2];
  pipe2(fd, O_CLOEXEC);
  show("pipe2 O_CLOEXEC: FD_CLOEXEC", fcntl(fd[1], F_GETFD));
  int d = dup(fd[1]);
  show("dup: FD_CLOEXEC", fcntl(d, F_GETFD));
  show("dup2 onto 8", dup2(fd[1], 8));
  show("dup2: FD_CLOEXEC", fcntl(8, F_GETFD));
  show("dup3 O_CLOEXEC onto 9", dup3(fd[1], 9, O_CLOEXEC));
  show("dup3: FD_CLOEXEC", fcntl(9, F_GETFD));
  show("dup3 0 over open 9", dup3(fd[0], 9, 0));
  show("dup3 0: FD_CLOEXEC", fcntl(9, F_GETFD));
  show("dup2 onto itself", dup2(fd[1], fd[1]));
  show("dup3 onto itself", dup3(fd[1], fd[1], 0));
  show("dup3 O_NONBLOCK", dup3(fd[1], 12, O_NONBLOCK));
  show("dup3 of a closed fd", dup3(40, 12, 0));
  show("dup2 of a closed fd onto it", dup2(40, 40));
  show("fd 12 after the failures", fcntl(12, F_GETFD));
  /* The copies share the open file: a write through 8 is read through the copy of fd[0] at 9. */
  write(8, "x", 1);
  char c = 0;
  show("read through 9", (int)read(9, &c, 1));
  printf("read '%c'\n", c);
  return 0;
}
