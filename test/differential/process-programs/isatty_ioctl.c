/* isatty_ioctl.c: isatty is the TCGETS ioctl, which only a terminal answers: a pipe (stdout here) and
   /dev/null give ENOTTY, a closed descriptor EBADF. FIONREAD tells the bytes waiting in a pipe, or
   left to read in a file. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

static void tty(const char *what, int fd)
{
  errno = 0;
  int r = isatty(fd);
  printf("isatty(%s) = %d, %s\n", what, r, strerror(errno));
}

int main(void)
{
  tty("stdout, a pipe", 1);
  tty("a closed descriptor", 99);
  int null = open("/dev/null", O_WRONLY);
  tty("/dev/null", null);
  int p[2], n = -1;
  pipe(p);
  write(p[1], "abcde", 5);
  int r = ioctl(p[0], FIONREAD, &n);
  printf("FIONREAD on the pipe = %d: %d bytes\n", r, n);
  int fd = open("./isatty_ioctl.tmp", O_RDWR | O_CREAT | O_TRUNC, 0600);
  write(fd, "0123456789", 10);
  lseek(fd, 4, SEEK_SET);
  r = ioctl(fd, FIONREAD, &n);
  printf("FIONREAD on a file at offset 4 = %d: %d bytes\n", r, n);
  r = ioctl(null, FIONREAD, &n);
  printf("FIONREAD on /dev/null = %d, %s\n", r, strerror(errno));
  unlink("./isatty_ioctl.tmp");
  return 0;
}
