/* fs/ioctl.c: ioctl(2). What each kind of file answers is host mechanics (vfs_ioctl, kernel/vfs.ts):
   the terminal its termios for TCGETS (tty_ioctl), pipes and regular files the bytes left to read for
   FIONREAD; every other request, and every request to a file without an ioctl operation, is ENOTTY. */
#include <linux/sched.h>
#include <linux/errno.h>
#include <linux/forkscope.h>

long sys_ioctl(unsigned int fd, unsigned int cmd, unsigned long arg)
{
  return vfs_ioctl(fd, cmd, arg);
}
