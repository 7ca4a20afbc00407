/* stat(), fstat(), lstat() and fstatat(): glibc 2.36 makes the newfstatat system call for each. */
#include <fcntl.h>
#include <sys/stat.h>

long sys_newfstatat(int dfd, const char *filename, struct stat *statbuf, int flag);
long __syscall_result(long r);

int fstatat(int dirfd, const char *pathname, struct stat *statbuf, int flags)
{
  return __syscall_result(sys_newfstatat(dirfd, pathname, statbuf, flags));
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
