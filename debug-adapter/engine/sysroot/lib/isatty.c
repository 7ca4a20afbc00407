/* glibc's isatty (sysdeps/posix/isatty.c): a file is a terminal when tcgetattr succeeds on it, which
   is the TCGETS ioctl (sysdeps/unix/sysv/linux/tcgetattr.c). Anything else leaves ENOTTY (or EBADF) in
   errno. */
#include <sys/ioctl.h>
#include <unistd.h>

/* The kernel's struct termios (asm-generic/termbits.h): NCCS is 19 there. */
struct __kernel_termios {
  unsigned int c_iflag;
  unsigned int c_oflag;
  unsigned int c_cflag;
  unsigned int c_lflag;
  unsigned char c_line;
  unsigned char c_cc[19];
};

int isatty(int fd)
{
  struct __kernel_termios term;
  return ioctl(fd, TCGETS, &term) == 0;
}
