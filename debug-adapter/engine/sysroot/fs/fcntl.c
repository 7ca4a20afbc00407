/* fs/fcntl.c: fcntl(2) on a descriptor. The descriptor table and the open file's flags are host data
   (file_flags, set_file_flags, f_dupfd, the close-on-exec marks); the commands are decided here. */
#include <linux/sched.h>
#include <linux/errno.h>
#include <linux/fcntl.h>
#include <linux/forkscope.h>

/* F_SETFL: only the status flags of SETFL_MASK change; the access mode and the others stay. */
static long setfl(unsigned int fd, unsigned long arg, long f_flags)
{
  set_file_flags(fd, (arg & SETFL_MASK) | (f_flags & ~SETFL_MASK));
  return 0;
}

static long do_fcntl(unsigned int fd, unsigned int cmd, unsigned long arg, long f_flags)
{
  switch (cmd) {
  case F_DUPFD:
  case F_DUPFD_CLOEXEC:
    /* f_dupfd: the lowest descriptor asked for must be below RLIMIT_NOFILE. */
    if (arg >= rlimit(RLIMIT_NOFILE))
      return -EINVAL;
    return f_dupfd(arg, fd, cmd == F_DUPFD_CLOEXEC);
  case F_GETFD:
    return get_close_on_exec(fd) ? FD_CLOEXEC : 0;
  case F_SETFD:
    set_close_on_exec(fd, arg & FD_CLOEXEC);
    return 0;
  case F_GETFL:
    return f_flags;
  case F_SETFL:
    return setfl(fd, arg, f_flags);
  default:
    return -EINVAL;
  }
}

long sys_fcntl(unsigned int fd, unsigned int cmd, unsigned long arg)
{
  long f_flags = file_flags(fd); /* fdget: a descriptor that is not open is EBADF whatever the command */
  if (f_flags < 0)
    return f_flags;
  return do_fcntl(fd, cmd, arg, f_flags);
}
