/* POSIX shared memory (glibc 2.36's rt/shm_open.c, shm_unlink.c and posix/shm-directory.c): an object
   named "/name" is the file /dev/shm/name, on the tmpfs mounted there, which the caller sizes with
   ftruncate and maps with mmap(MAP_SHARED). Named semaphores (lib/sem_open.c) are files there too. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include <bits/shm-directory.h>

long sys_openat(int dfd, const char *filename, int flags, unsigned int mode);
long __syscall_result(long r);

/* __shm_get_name: leading slashes dropped, "sem." before a semaphore's name; EINVAL for an empty name,
   one with a slash inside or one that does not fit (glibc 2.36 has no ENAMETOOLONG here). */
int __shm_get_name(struct shmdir_name *result, const char *name, int sem_prefix)
{
  size_t used = strlen(SHMDIR);
  size_t namelen;

  memcpy(result->name, SHMDIR, used);
  while (name[0] == '/')
    ++name;
  namelen = strlen(name);
  if (sem_prefix) {
    memcpy(result->name + used, "sem.", 4);
    used += 4;
  }
  if (namelen == 0 || memchr(name, '/', namelen) != NULL)
    return EINVAL;
  if (used + namelen + 1 > sizeof result->name)
    return EINVAL;
  memcpy(result->name + used, name, namelen + 1);
  return 0;
}

int shm_open(const char *name, int oflag, mode_t mode)
{
  struct shmdir_name dirname;
  int ret = __shm_get_name(&dirname, name, 0);
  long fd;

  if (ret != 0) {
    errno = ret;
    return -1;
  }
  fd = sys_openat(AT_FDCWD, dirname.name, oflag | O_NOFOLLOW | O_CLOEXEC, mode);
  /* A directory is no shared memory object: EINVAL rather than EISDIR. */
  if (fd == -EISDIR)
    fd = -EINVAL;
  return __syscall_result(fd);
}

int shm_unlink(const char *name)
{
  struct shmdir_name dirname;
  int result;

  if (__shm_get_name(&dirname, name, 0) != 0) {
    errno = ENOENT;
    return -1;
  }
  result = unlink(dirname.name);
  if (result < 0 && errno == EPERM)
    errno = EACCES;
  return result;
}
