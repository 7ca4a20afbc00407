/* glibc's getcwd (sysdeps/unix/sysv/linux/getcwd.c): the getcwd system call fills the buffer. With a
   NULL buffer it is malloc'ed: of the size asked for, or with size 0 of PATH_MAX bytes, shrunk to the
   path afterwards. */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <unistd.h>

long sys_getcwd(char *buf, unsigned long size);

char *getcwd(char *buf, size_t size)
{
  size_t alloc_size = size;
  char *path = buf;
  if (size == 0) {
    if (buf != NULL) {
      errno = EINVAL;
      return NULL;
    }
    alloc_size = PATH_MAX;
  }
  if (buf == NULL) {
    path = malloc(alloc_size);
    if (path == NULL)
      return NULL;
  }
  long retval = sys_getcwd(path, alloc_size);
  if (retval < 0) {
    if (buf == NULL)
      free(path);
    errno = -retval;
    return NULL;
  }
  if (buf == NULL && size == 0) {
    /* Ensure that the buffer is only as large as necessary. */
    char *shrunk = realloc(path, retval);
    if (shrunk != NULL)
      path = shrunk;
  }
  return path;
}
