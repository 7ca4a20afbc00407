/* glibc's directory streams (sysdeps/unix/sysv/linux/opendir.c, readdir.c, closedir.c, rewinddir.c,
   dirfd.c): the directory is opened with O_DIRECTORY, checked with fstat, and read 32 KiB of records
   at a time with getdents64; readdir hands out the records in place, each a struct dirent. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

long sys_getdents64(unsigned int fd, void *dirent, unsigned int count);

/* glibc's default buffer, which suits any directory's st_blksize here. */
#define DIR_ALLOCATION 32768

static DIR *alloc_dir(int fd, int close_fd)
{
  DIR *dirp = malloc(sizeof(DIR) + DIR_ALLOCATION);
  if (dirp == NULL) {
    if (close_fd) {
      int saved = errno;
      close(fd);
      errno = saved;
    }
    return NULL;
  }
  dirp->fd = fd;
  dirp->allocation = DIR_ALLOCATION;
  dirp->size = 0;
  dirp->offset = 0;
  return dirp;
}

/* opendir_tail: only a directory makes a stream (ENOTDIR). */
static DIR *opendir_tail(int fd)
{
  struct stat statbuf;
  if (fd < 0)
    return NULL;
  if (fstat(fd, &statbuf) < 0)
    goto lose;
  if (!S_ISDIR(statbuf.st_mode)) {
    errno = ENOTDIR;
  lose:;
    int saved = errno;
    close(fd);
    errno = saved;
    return NULL;
  }
  return alloc_dir(fd, 1);
}

DIR *opendir(const char *name)
{
  if (name[0] == '\0') {
    errno = ENOENT;
    return NULL;
  }
  return opendir_tail(open(name, O_RDONLY | O_NDELAY | O_DIRECTORY | O_CLOEXEC));
}

DIR *fdopendir(int fd)
{
  struct stat statbuf;
  if (fstat(fd, &statbuf) < 0)
    return NULL;
  if (!S_ISDIR(statbuf.st_mode)) {
    errno = ENOTDIR;
    return NULL;
  }
  int flags = fcntl(fd, F_GETFL);
  if (flags == -1)
    return NULL;
  if ((flags & O_ACCMODE) == O_WRONLY) {
    errno = EINVAL;
    return NULL;
  }
  return alloc_dir(fd, 0);
}

struct dirent *readdir(DIR *dirp)
{
  if (dirp->offset >= dirp->size) {
    int saved = errno;
    long bytes = sys_getdents64(dirp->fd, dirp->data, dirp->allocation);
    if (bytes <= 0) {
      /* A directory removed while open reads as empty, not as an error (glibc's comment: some
         systems give ENOENT there). */
      if (bytes == 0 || bytes == -ENOENT)
        errno = saved;
      else
        errno = -bytes;
      return NULL;
    }
    dirp->size = bytes;
    dirp->offset = 0;
  }
  struct dirent *dp = (struct dirent *)&dirp->data[dirp->offset];
  dirp->offset += dp->d_reclen;
  return dp;
}

int closedir(DIR *dirp)
{
  if (dirp == NULL) {
    errno = EINVAL;
    return -1;
  }
  int fd = dirp->fd;
  free(dirp);
  return close(fd);
}

void rewinddir(DIR *dirp)
{
  lseek(dirp->fd, 0, SEEK_SET);
  dirp->offset = 0;
  dirp->size = 0;
}

int dirfd(DIR *dirp)
{
  return dirp->fd;
}
