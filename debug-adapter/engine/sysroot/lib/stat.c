/* stat(), fstat(), lstat() and fstatat(): glibc 2.36 makes the newfstatat system call for each. */
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>

long sys_newfstatat(int dfd, const char *filename, struct stat *statbuf, int flag);

int fstatat(int dirfd, const char *pathname, struct stat *statbuf, int flags)
{
  long r = sys_newfstatat(dirfd, pathname, statbuf, flags);
  if (r < 0) {
    errno = -r;
    return -1;
  }
  return 0;
}

int stat(const char *pathname, struct stat *statbuf)
{
  return fstatat(AT_FDCWD, pathname, statbuf, 0);
}

int lstat(const char *pathname, struct stat *statbuf)
{
  return fstatat(AT_FDCWD, pathname, statbuf, AT_SYMLINK_NOFOLLOW);
}

int fstat(int fd, struct stat *statbuf)
{
  return fstatat(fd, "", statbuf, AT_EMPTY_PATH);
}
