/* Opening and closing streams, as glibc 2.36 does it (libio/iofopen.c, iofdopen.c, iofclose.c and
   fileops.c's _IO_file_open and _IO_file_close_it): a FILE malloc'ed for each, linked at the head of
   _IO_list_all so that exit() flushes it, its buffer allocated on first use as the standard streams'
   are (stdio.c). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

extern FILE *_IO_list_all;
void _IO_setb(FILE *f, char *base, char *end, int allocated);
int _IO_do_flush(FILE *f);
int _IO_proc_close(FILE *f);

static void _IO_link_in(FILE *f)
{
  f->_chain = _IO_list_all;
  _IO_list_all = f;
}

static void _IO_un_link(FILE *f)
{
  FILE **p;
  for (p = &_IO_list_all; *p; p = &(*p)->_chain)
    if (*p == f) {
      *p = f->_chain;
      f->_chain = NULL;
      return;
    }
}

/* A fresh stream on `fd`, allowed to read and write as `read_write` says, linked in. It does not know
   the descriptor's offset until it first seeks. (Not static: popen, in iopopen.c, makes its streams
   with it.) */
void _IO_file_init(FILE *f, int fd, int read_write)
{
  memset(f, 0, sizeof(FILE));
  f->_fileno = fd;
  f->_flags = read_write;
  f->_offset = _IO_pos_BAD;
  _IO_link_in(f);
}

/* An append stream starts writing at the end of the file. */
static int appending_write_only(int read_write)
{
  return (read_write & (_IO_IS_APPENDING | _IO_NO_READS)) == (_IO_IS_APPENDING | _IO_NO_READS);
}

/* fopen's mode: "r", "w" or "a", then any of "+" (read and write), "x" (O_EXCL), "e" (O_CLOEXEC) and
   "b" (nothing, on Linux), in up to six more characters; anything else there is ignored, as glibc
   ignores it. A first character other than r, w or a fails with EINVAL. */
FILE *fopen(const char *pathname, const char *mode)
{
  int omode, oflags = 0, read_write, i;
  /* glibc allocates the stream first, and frees it when the open fails. */
  FILE *f = malloc(sizeof(FILE));
  if (!f)
    return NULL;
  switch (*mode) {
  case 'r':
    omode = O_RDONLY;
    read_write = _IO_NO_WRITES;
    break;
  case 'w':
    omode = O_WRONLY;
    oflags = O_CREAT | O_TRUNC;
    read_write = _IO_NO_READS;
    break;
  case 'a':
    omode = O_WRONLY;
    oflags = O_CREAT | O_APPEND;
    read_write = _IO_NO_READS | _IO_IS_APPENDING;
    break;
  default:
    free(f);
    errno = EINVAL;
    return NULL;
  }
  for (i = 1; i < 7; ++i) {
    switch (*++mode) {
    case '\0':
      break;
    case '+':
      omode = O_RDWR;
      read_write &= _IO_IS_APPENDING;
      continue;
    case 'x':
      oflags |= O_EXCL;
      continue;
    case 'e':
      oflags |= O_CLOEXEC;
      continue;
    default:
      continue;
    }
    break;
  }
  int fd = open(pathname, omode | oflags, 0666);
  if (fd < 0) {
    free(f);
    return NULL;
  }
  _IO_file_init(f, fd, read_write);
  if (appending_write_only(read_write) && lseek(fd, 0, SEEK_END) < 0 && errno != ESPIPE) {
    fclose(f);
    return NULL;
  }
  return f;
}

/* A stream on an open descriptor. Its mode must not ask for more than the descriptor allows (EINVAL);
   "a" turns O_APPEND on if it is off. */
FILE *fdopen(int fd, const char *mode)
{
  int read_write, i, do_seek = 0;
  switch (*mode) {
  case 'r':
    read_write = _IO_NO_WRITES;
    break;
  case 'w':
    read_write = _IO_NO_READS;
    break;
  case 'a':
    read_write = _IO_NO_READS | _IO_IS_APPENDING;
    break;
  default:
    errno = EINVAL;
    return NULL;
  }
  for (i = 1; i < 5; ++i) {
    if (*++mode == '\0')
      break;
    if (*mode == '+') {
      read_write &= _IO_IS_APPENDING;
      break;
    }
  }
  int fd_flags = fcntl(fd, F_GETFL);
  if (fd_flags == -1)
    return NULL;
  if (((fd_flags & O_ACCMODE) == O_RDONLY && !(read_write & _IO_NO_WRITES)) ||
      ((fd_flags & O_ACCMODE) == O_WRONLY && !(read_write & _IO_NO_READS))) {
    errno = EINVAL;
    return NULL;
  }
  if ((read_write & _IO_IS_APPENDING) && !(fd_flags & O_APPEND)) {
    do_seek = 1;
    if (fcntl(fd, F_SETFL, fd_flags | O_APPEND) == -1)
      return NULL;
  }
  FILE *f = malloc(sizeof(FILE));
  if (!f)
    return NULL;
  _IO_file_init(f, fd, read_write);
  if (do_seek && appending_write_only(read_write) && lseek(fd, 0, SEEK_END) < 0 && errno != ESPIPE)
    return NULL;
  return f;
}

/* Flushes pending output, closes the descriptor and frees the buffer and the stream (the standard
   streams are not freed: they were never malloc'ed). EOF when the flush or the close failed. A popen
   stream's close also waits for its command (_IO_proc_close), whose wait status is then the result:
   glibc's pclose is this same fclose. */
int fclose(FILE *f)
{
  _IO_un_link(f);
  int write_status = 0;
  if (!(f->_flags & _IO_NO_WRITES) && (f->_flags & _IO_CURRENTLY_PUTTING))
    write_status = _IO_do_flush(f);
  int close_status = (f->_flags & _IO_PROC_FILE) ? _IO_proc_close(f) : close(f->_fileno);
  _IO_setb(f, NULL, NULL, 0);
  f->_IO_read_ptr = f->_IO_read_end = NULL;
  f->_IO_write_base = f->_IO_write_ptr = f->_IO_write_end = NULL;
  f->_fileno = -1;
  f->_offset = _IO_pos_BAD;
  int status = close_status ? close_status : write_status;
  if (f != stdin && f != stdout && f != stderr)
    free(f);
  return status;
}
