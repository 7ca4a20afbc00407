/* fs/read_write.c, fs/pipe.c, fs/file.c: the file system calls. Reading an empty pipe, or writing a
   full one, is the sleep pattern: the reader waits on the pipe until a writer (or the last writer's
   close) wakes it, the writer until a reader frees a buffer (or the last reader goes). */
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/errno.h>
#include <linux/fcntl.h>
#include <linux/forkscope.h>

long sys_read(unsigned int fd, char *buf, size_t count)
{
  for (;;) {
    long n = vfs_read(fd, buf, count);
    /* An empty pipe: an O_NONBLOCK reader gets EAGAIN, the others wait (pipe_read). */
    if (n != -EAGAIN || (file_flags(fd) & O_NONBLOCK))
      return n;
    /* wait_event_interruptible tests the pipe before the signals: data that came with a signal is
       read, and the handler runs on the way back. */
    if (signal_pending(current))
      return -ERESTARTSYS; /* EINTR, or read again after the handler if it has SA_RESTART */
    set_current_state(TASK_INTERRUPTIBLE);
    pipe_wait_readable(fd);
    schedule();
  }
}

/* fs/pipe.c's pipe_write: a write to a pipe takes what fits and waits for room for the rest; it
   returns only once all is written, or early with what was written when a signal comes or the
   readers go. */
static long pipe_write(unsigned int fd, const char *buf, size_t count)
{
  size_t done = 0;
  for (;;) {
    long n = vfs_write(fd, buf + done, count - done);
    if (n == -EAGAIN) {
      if (file_flags(fd) & O_NONBLOCK)
        return done ? done : -EAGAIN;
      set_current_state(TASK_INTERRUPTIBLE);
      pipe_wait_writable(fd);
      schedule();
      if (signal_pending(current)) {
        __set_current_state(TASK_RUNNING);
        return done ? done : -ERESTARTSYS;
      }
      continue;
    }
    if (n < 0)
      return done ? done : n;
    done += n;
    if (done == count)
      return done;
  }
}

long sys_write(unsigned int fd, const char *buf, size_t count)
{
  if (get_pipe_info(fd))
    return pipe_write(fd, buf, count);
  return vfs_write(fd, buf, count);
}

long sys_pipe2(int *fildes, int flags)
{
  /* O_DIRECT's packet mode is accepted; reads do not keep its message boundaries here. */
  if (flags & ~(O_CLOEXEC | O_NONBLOCK | O_DIRECT))
    return -EINVAL;
  return do_pipe2(fildes, flags);
}

long sys_pipe(int *fildes)
{
  return do_pipe2(fildes, 0);
}

long sys_lseek(unsigned int fd, long offset, unsigned int whence)
{
  return vfs_llseek(fd, offset, whence);
}

long sys_close(unsigned int fd)
{
  return close_fd(fd);
}

long sys_dup(unsigned int fildes)
{
  return dup_fd(fildes);
}

/* fs/file.c's ksys_dup3: O_CLOEXEC is the only flag; a descriptor onto itself is EINVAL; none at
   RLIMIT_NOFILE or above can be made. */
static long ksys_dup3(unsigned int oldfd, unsigned int newfd, int flags)
{
  if ((flags & ~O_CLOEXEC) != 0)
    return -EINVAL;
  if (oldfd == newfd)
    return -EINVAL;
  if (newfd >= rlimit(RLIMIT_NOFILE))
    return -EBADF;
  return dup2_fd(oldfd, newfd, flags);
}

long sys_dup3(unsigned int oldfd, unsigned int newfd, int flags)
{
  return ksys_dup3(oldfd, newfd, flags);
}

/* dup2 of a descriptor onto itself makes none: it only checks that the descriptor is open. */
long sys_dup2(unsigned int oldfd, unsigned int newfd)
{
  if (oldfd == newfd)
    return dup2_fd(oldfd, newfd, 0);
  return ksys_dup3(oldfd, newfd, 0);
}
