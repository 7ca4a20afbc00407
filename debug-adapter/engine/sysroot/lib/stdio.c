/* stdio's buffering, as glibc's libio does it (libio/fileops.c, genops.c), in C: every byte a stream
   writes or reads goes through write(2) or read(2), so strace shows printf's write, a breakpoint on
   the kernel's write catches it, and reading an empty pipe blocks until a writer writes or closes.
   A FILE's whole state lives in the process's memory (stdio.h), so fork() copies pending output:
   printf("x") before fork() prints "x" twice once both processes flush.

   Buffering follows glibc: stdout is line-buffered on a terminal and fully buffered otherwise, stderr
   is unbuffered, and a buffer is malloc'ed on first use in the device's block size (1024 bytes for a
   terminal, 4096 for a pipe). Turning a format into bytes (vsnprintf) and scanf's conversions are
   builtins; scanf asks for more input here (see vfscanf). */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>

/* Every open stream, newest first (stdio_streams.c). */
extern FILE *_IO_list_all;

/* printf formats into this much stack first; longer output goes to a malloc'ed buffer. */
#define PRINTF_BUF 512
/* Pieces of one printf's output told apart; any further ones go out with the last. */
#define PRINTF_PIECES 64

/* The builtin behind scanf: scans the bytes buffered in `f`, or returns __SCAN_MORE, having changed
   nothing, when the conversions need bytes beyond them. */
#define __SCAN_MORE (-2)
int __vfscanf_buffered(FILE *f, const char *format, va_list ap);
int __vsnprintf_pieces(char *buf, size_t size, const char *format, va_list ap, int *ends, int max, int *pieces);

/* _IO_setb: the stream's buffer is now [base, end); a buffer stdio allocated itself is freed first,
   one the program gave (setvbuf) never. (Not static: fclose, in iofopen.c, frees the buffer with it.) */
void _IO_setb(FILE *f, char *base, char *end, int allocated)
{
  if (f->_IO_buf_base && !(f->_flags & _IO_USER_BUF))
    free(f->_IO_buf_base);
  f->_IO_buf_base = base;
  f->_IO_buf_end = end;
  if (allocated)
    f->_flags &= ~_IO_USER_BUF;
  else
    f->_flags |= _IO_USER_BUF;
}

/* glibc's DEV_TTY_P: a pseudo-terminal's major device numbers (UNIX98_PTY_SLAVE_MAJOR, 136-143). */
#define DEV_TTY_P(st) (major((st)->st_rdev) >= 136 && major((st)->st_rdev) < 144)

/* isatty without changing errno (its ENOTTY must not leak out of printf). */
static int local_isatty(int fd)
{
  int save_errno = errno;
  int res = isatty(fd);
  errno = save_errno;
  return res;
}

/* _IO_file_doallocate: fstat says what the descriptor is: a buffer of its block size (st_blksize: 1024
   for a terminal, 4096 for a pipe), at most BUFSIZ, and line buffering on a terminal. Without memory
   for it the stream becomes unbuffered, as glibc falls back to its one-byte buffer. */
static int _IO_file_doallocate(FILE *f)
{
  size_t size = BUFSIZ;
  struct stat st;
  char *buf;

  if (f->_fileno >= 0 && fstat(f->_fileno, &st) >= 0) {
    if (S_ISCHR(st.st_mode) && (DEV_TTY_P(&st) || local_isatty(f->_fileno)))
      f->_flags |= _IO_LINE_BUF;
    if (st.st_blksize > 0 && st.st_blksize < BUFSIZ)
      size = st.st_blksize;
  }
  buf = malloc(size);
  if (!buf) {
    f->_flags |= _IO_UNBUFFERED;
    f->_flags &= ~_IO_LINE_BUF;
    return 0;
  }
  _IO_setb(f, buf, buf + size, 1);
  return 1;
}

/* _IO_doallocbuf: a buffer on first use; an unbuffered stream (or one without memory for a buffer)
   gets its one-byte _shortbuf, so every byte it reads or writes is a read(2) or write(2) of its own. */
static void _IO_doallocbuf(FILE *f)
{
  if (f->_IO_buf_base)
    return;
  if (!(f->_flags & _IO_UNBUFFERED) && _IO_file_doallocate(f))
    return;
  _IO_setb(f, f->_shortbuf, f->_shortbuf + 1, 0);
}

/* _IO_new_file_write: write(2) all of [data, data + n), again after a short write. On failure the
   stream's error flag is set (write has set errno). Returns the bytes written, by which the
   descriptor's offset has moved. */
static size_t _IO_new_file_write(FILE *f, const char *data, size_t n)
{
  size_t to_do = n;
  while (to_do > 0) {
    ssize_t done = write(f->_fileno, data, to_do);
    if (done < 0) {
      f->_flags |= _IO_ERR_SEEN;
      break;
    }
    data += done;
    to_do -= done;
  }
  if (f->_offset >= 0)
    f->_offset += n - to_do;
  return n - to_do;
}

/* new_do_write: writes, then empties the buffer, whether or not all went out (pending output is
   dropped on error, as glibc does). A line-buffered or unbuffered stream has no room to put bytes in
   directly: each goes through __overflow, which writes at a newline.
   The descriptor is at _IO_read_end; output that began inside input read ahead (a stream read, or
   seeked within its buffer, then written) belongs at _IO_write_base, so the descriptor goes back there
   first. In append mode the kernel writes at the end, wherever that is: the offset is unknown. */
static size_t new_do_write(FILE *f, const char *data, size_t n)
{
  if (f->_flags & _IO_IS_APPENDING)
    f->_offset = _IO_pos_BAD;
  else if (f->_IO_read_end != f->_IO_write_base) {
    off_t new_pos = lseek(f->_fileno, f->_IO_write_base - f->_IO_read_end, SEEK_CUR);
    if (new_pos == _IO_pos_BAD)
      return 0;
    f->_offset = new_pos;
  }
  size_t count = _IO_new_file_write(f, data, n);
  f->_IO_read_ptr = f->_IO_read_end = f->_IO_buf_base;
  f->_IO_write_base = f->_IO_write_ptr = f->_IO_buf_base;
  f->_IO_write_end = (f->_flags & (_IO_LINE_BUF | _IO_UNBUFFERED)) ? f->_IO_buf_base : f->_IO_buf_end;
  return count;
}

static int _IO_do_write(FILE *f, const char *data, size_t n)
{
  return n == 0 || new_do_write(f, data, n) == n ? 0 : EOF;
}

/* Writes out the pending output. (Not static: fclose, in iofopen.c, flushes with it.) */
int _IO_do_flush(FILE *f)
{
  return _IO_do_write(f, f->_IO_write_base, f->_IO_write_ptr - f->_IO_write_base);
}

/* _IO_fwide(f, -1): the first input or output makes the stream byte-oriented for good (perror looks). */
static void orient_narrow(FILE *f)
{
  if (f->_mode == 0)
    f->_mode = -1;
}

/* A stream opened for reading only, or writing only, refuses the other as glibc's does: EBADF, with the
   stream's error flag set. */
static int refuse(FILE *f)
{
  f->_flags |= _IO_ERR_SEEN;
  errno = EBADF;
  return EOF;
}

/* __overflow (_IO_new_file_overflow): puts ch when the buffer has no room for it, or with EOF writes
   out what is pending. The first output sets the stream up for writing: output starts where reading
   stopped (at the buffer's start once all of it has been read), and _IO_read_end stays where the
   descriptor is. */
int __overflow(FILE *f, int ch)
{
  orient_narrow(f);
  if (f->_flags & _IO_NO_WRITES)
    return refuse(f);
  if (!(f->_flags & _IO_CURRENTLY_PUTTING) || !f->_IO_write_base) {
    if (!f->_IO_write_base) {
      _IO_doallocbuf(f);
      f->_IO_read_ptr = f->_IO_read_end = f->_IO_buf_base;
    }
    if (f->_IO_read_ptr == f->_IO_buf_end)
      f->_IO_read_end = f->_IO_read_ptr = f->_IO_buf_base;
    f->_IO_write_ptr = f->_IO_write_base = f->_IO_read_ptr;
    f->_IO_write_end = f->_IO_buf_end;
    f->_IO_read_ptr = f->_IO_read_end;
    f->_flags |= _IO_CURRENTLY_PUTTING;
    if (f->_flags & (_IO_LINE_BUF | _IO_UNBUFFERED))
      f->_IO_write_end = f->_IO_write_ptr;
  }
  if (ch == EOF)
    return _IO_do_flush(f);
  if (f->_IO_write_ptr == f->_IO_buf_end && _IO_do_flush(f) == EOF)
    return EOF;
  *f->_IO_write_ptr++ = ch;
  if ((f->_flags & _IO_UNBUFFERED) || ((f->_flags & _IO_LINE_BUF) && ch == '\n'))
    if (_IO_do_flush(f) == EOF)
      return EOF;
  return (unsigned char)ch;
}

/* _IO_default_xsputn: what fits where there is room, each other byte through __overflow. */
static size_t _IO_default_xsputn(FILE *f, const char *s, size_t n)
{
  size_t more = n;
  for (;;) {
    if (f->_IO_write_ptr < f->_IO_write_end) {
      size_t count = f->_IO_write_end - f->_IO_write_ptr;
      if (count > more)
        count = more;
      memcpy(f->_IO_write_ptr, s, count);
      f->_IO_write_ptr += count;
      s += count;
      more -= count;
    }
    if (more == 0 || __overflow(f, (unsigned char)*s++) == EOF)
      break;
    more--;
  }
  return n - more;
}

/* _IO_new_file_xsputn: n bytes at once. Fill the room in the buffer; a line-buffered stream already
   writing takes everything up to the last newline and writes it out. When more remains, write out the
   buffer, then whole blocks straight from the data (everything, for a buffer under 128 bytes), and put
   the rest in as _IO_default_xsputn does. Returns the bytes taken. */
static size_t _IO_new_file_xsputn(FILE *f, const char *s, size_t n)
{
  size_t to_do = n;
  int must_flush = 0;
  size_t count = 0;
  if (n == 0)
    return 0;
  if ((f->_flags & _IO_LINE_BUF) && (f->_flags & _IO_CURRENTLY_PUTTING)) {
    count = f->_IO_buf_end - f->_IO_write_ptr;
    if (count >= n) {
      const char *p;
      for (p = s + n; p > s;) {
        if (*--p == '\n') {
          count = p - s + 1;
          must_flush = 1;
          break;
        }
      }
    }
  } else if (f->_IO_write_end > f->_IO_write_ptr) {
    count = f->_IO_write_end - f->_IO_write_ptr;
  }
  if (count > 0) {
    if (count > to_do)
      count = to_do;
    memcpy(f->_IO_write_ptr, s, count);
    f->_IO_write_ptr += count;
    s += count;
    to_do -= count;
  }
  if (to_do + must_flush > 0) {
    if (__overflow(f, EOF) == EOF)
      return to_do == 0 ? 0 : n - to_do;
    size_t block = f->_IO_buf_end - f->_IO_buf_base;
    size_t do_write = to_do - (block >= 128 ? to_do % block : 0);
    if (do_write) {
      count = new_do_write(f, s, do_write);
      to_do -= count;
      if (count < do_write)
        return n - to_do;
    }
    if (to_do)
      to_do -= _IO_default_xsputn(f, s + do_write, to_do);
  }
  return n - to_do;
}

static int _IO_sputn_all(FILE *f, const char *s, size_t n)
{
  return _IO_new_file_xsputn(f, s, n) == n;
}

/* Before a terminal or unbuffered input stream reads, glibc flushes stdout if it is line-buffered,
   so that a prompt without a newline shows up first. */
static void flush_stdout_before_reading(FILE *f)
{
  if ((f->_flags & (_IO_LINE_BUF | _IO_UNBUFFERED)) && (stdout->_flags & _IO_LINE_BUF))
    __overflow(stdout, EOF);
}

/* _IO_switch_to_get_mode: a stream that was writing writes out what is pending, and reads on from
   where its output ended. */
static int _IO_switch_to_get_mode(FILE *f)
{
  if (f->_IO_write_ptr > f->_IO_write_base && __overflow(f, EOF) == EOF)
    return EOF;
  if (f->_IO_write_ptr > f->_IO_read_end)
    f->_IO_read_end = f->_IO_write_ptr;
  f->_IO_read_ptr = f->_IO_write_ptr;
  f->_IO_write_base = f->_IO_write_ptr = f->_IO_write_end = f->_IO_read_ptr;
  f->_flags &= ~_IO_CURRENTLY_PUTTING;
  return 0;
}

/* _IO_new_file_underflow: the next byte, left unread; when none is buffered, one read(2) of the
   buffer's size refills the buffer. EOF at end of file (which stays seen, as in glibc 2.28 and later)
   or on error. */
static int _IO_new_file_underflow(FILE *f)
{
  if (f->_flags & _IO_EOF_SEEN)
    return EOF;
  if (f->_flags & _IO_NO_READS)
    return refuse(f);
  if (f->_IO_read_ptr < f->_IO_read_end)
    return *(unsigned char *)f->_IO_read_ptr;
  _IO_doallocbuf(f);
  flush_stdout_before_reading(f);
  _IO_switch_to_get_mode(f);
  f->_IO_read_ptr = f->_IO_read_end = f->_IO_buf_base;
  f->_IO_write_base = f->_IO_write_ptr = f->_IO_write_end = f->_IO_buf_base;
  ssize_t count = read(f->_fileno, f->_IO_buf_base, f->_IO_buf_end - f->_IO_buf_base);
  if (count <= 0) {
    f->_flags |= count == 0 ? _IO_EOF_SEEN : _IO_ERR_SEEN;
    /* Once the input has ended, another user of the descriptor may move it: the offset is unknown. */
    f->_offset = _IO_pos_BAD;
    return EOF;
  }
  f->_IO_read_end += count;
  if (f->_offset != _IO_pos_BAD)
    f->_offset += count;
  return *(unsigned char *)f->_IO_read_ptr;
}

/* __underflow: the next byte without taking it. */
static int __underflow(FILE *f)
{
  orient_narrow(f);
  if ((f->_flags & _IO_CURRENTLY_PUTTING) && _IO_switch_to_get_mode(f) == EOF)
    return EOF;
  if (f->_IO_read_ptr < f->_IO_read_end)
    return *(unsigned char *)f->_IO_read_ptr;
  return _IO_new_file_underflow(f);
}

/* __uflow: the next byte once the buffer is empty, taken. */
int __uflow(FILE *f)
{
  if (__underflow(f) == EOF)
    return EOF;
  return *(unsigned char *)f->_IO_read_ptr++;
}

/* ------------------------------------------------------------------ output */

/* _IO_flush_all: every open stream with output pending, newest first (stderr, stdout and stdin are
   the oldest), as fflush(NULL) and exit() do it. */
static int _IO_flush_all(void)
{
  int r = 0;
  FILE *f;
  for (f = _IO_list_all; f; f = f->_chain)
    if (f->_IO_write_ptr > f->_IO_write_base && __overflow(f, EOF) == EOF)
      r = EOF;
  return r;
}

/* _IO_new_file_sync: pending output goes out, and input read ahead is given back: the descriptor
   moves back to the stream's reading position (on a pipe or terminal it cannot, and that is no error),
   so that whoever reads the descriptor next starts there. */
static int _IO_new_file_sync(FILE *f)
{
  int retval = 0;
  if (f->_IO_write_ptr > f->_IO_write_base && _IO_do_flush(f) == EOF)
    return EOF;
  ssize_t delta = f->_IO_read_ptr - f->_IO_read_end;
  if (delta != 0) {
    if (lseek(f->_fileno, delta, SEEK_CUR) != _IO_pos_BAD)
      f->_IO_read_end = f->_IO_read_ptr;
    else if (errno != ESPIPE)
      retval = EOF;
  }
  if (retval != EOF)
    f->_offset = _IO_pos_BAD;
  return retval;
}

int fflush(FILE *f)
{
  if (!f)
    return _IO_flush_all();
  return _IO_new_file_sync(f);
}

/* _IO_cleanup, exit()'s last step: every stream's pending output goes out; then glibc's
   _IO_unbuffer_all syncs each stream that was used and is buffered, so input read ahead is given back
   and a process that shares the descriptor reads on from where this one stopped. */
void _IO_cleanup(void)
{
  FILE *f;
  _IO_flush_all();
  for (f = _IO_list_all; f; f = f->_chain)
    if (!(f->_flags & _IO_UNBUFFERED) && f->_mode != 0)
      _IO_new_file_sync(f);
}

/* glibc's vfprintf hands a buffered stream its output piece by piece (each run of the format's text
   and each conversion), which decides where a line-buffered stream writes; an unbuffered one gets it
   whole, one write(2). The formatting is the builtin __vsnprintf_pieces. */
int vfprintf(FILE *f, const char *format, va_list ap)
{
  char buf[PRINTF_BUF];
  int ends[PRINTF_PIECES];
  int pieces = 0;
  char *out = buf;
  va_list again;
  va_copy(again, ap);
  int n = __vsnprintf_pieces(buf, sizeof buf, format, ap, ends, PRINTF_PIECES, &pieces);
  if (n >= (int)sizeof buf) {
    out = malloc(n + 1);
    if (!out) {
      va_end(again);
      return -1;
    }
    __vsnprintf_pieces(out, n + 1, format, again, ends, PRINTF_PIECES, &pieces);
  }
  va_end(again);
  orient_narrow(f);
  int ok = 1;
  if (f->_flags & _IO_UNBUFFERED) {
    ok = _IO_sputn_all(f, out, n);
  } else {
    int start = 0, i;
    for (i = 0; i < pieces && ok; i++) {
      ok = _IO_sputn_all(f, out + start, ends[i] - start);
      start = ends[i];
    }
  }
  if (out != buf)
    free(out);
  return ok ? n : -1;
}

int vprintf(const char *format, va_list ap)
{
  return vfprintf(stdout, format, ap);
}

int printf(const char *format, ...)
{
  va_list ap;
  va_start(ap, format);
  int n = vfprintf(stdout, format, ap);
  va_end(ap);
  return n;
}

int fprintf(FILE *f, const char *format, ...)
{
  va_list ap;
  va_start(ap, format);
  int n = vfprintf(f, format, ap);
  va_end(ap);
  return n;
}

/* dprintf writes to a descriptor, past any stream: a stream without a buffer stands in for one. */
int vdprintf(int fd, const char *format, va_list ap)
{
  FILE direct = { _IO_UNBUFFERED, fd };
  int n = vfprintf(&direct, format, ap);
  return direct._flags & _IO_ERR_SEEN ? -1 : n;
}

int dprintf(int fd, const char *format, ...)
{
  va_list ap;
  va_start(ap, format);
  int n = vdprintf(fd, format, ap);
  va_end(ap);
  return n;
}

int fputs(const char *s, FILE *f)
{
  orient_narrow(f);
  return _IO_sputn_all(f, s, strlen(s)) ? 1 : EOF;
}

/* _IO_putc_unlocked: into the room in the buffer, or through __overflow. */
int fputc(int c, FILE *f)
{
  if (f->_IO_write_ptr < f->_IO_write_end)
    return (unsigned char)(*f->_IO_write_ptr++ = c);
  return __overflow(f, (unsigned char)c);
}

int putc(int c, FILE *f)
{
  return fputc(c, f);
}

int putchar(int c)
{
  return fputc(c, stdout);
}

/* The string, then the newline as putc puts it. */
int puts(const char *s)
{
  size_t n = strlen(s);
  orient_narrow(stdout);
  if (!_IO_sputn_all(stdout, s, n) || fputc('\n', stdout) == EOF)
    return EOF;
  return n + 1 > 0x7fffffff ? 0x7fffffff : n + 1;
}

size_t fwrite(const void *ptr, size_t size, size_t count, FILE *f)
{
  size_t request = size * count;
  if (request == 0)
    return 0;
  orient_narrow(f);
  size_t written = _IO_new_file_xsputn(f, ptr, request);
  return written == request ? count : written / size;
}

static void perror_internal(FILE *f, const char *s, int errnum)
{
  const char *colon = ": ";
  if (!s || !*s)
    s = colon = "";
  fprintf(f, "%s%s%s\n", s, colon, strerror(errnum));
}

/* glibc's perror must not orient stderr: while nothing has used stderr yet, it writes through a stream
   of its own on a dup of descriptor 2, opened "w+" (which fails, EINVAL, when descriptor 2 is
   write-only, as a pipe's is: then it writes to stderr after all). strace shows the dup, fdopen's
   fcntl and the close either way. */
void perror(const char *s)
{
  int errnum = errno;
  FILE *f;
  int fd = -1;
  if (stderr->_mode != 0 || (fd = fileno(stderr)) == -1 || (fd = dup(fd)) == -1 || (f = fdopen(fd, "w+")) == NULL) {
    if (fd != -1)
      close(fd);
    perror_internal(stderr, s, errnum);
  } else {
    perror_internal(f, s, errnum);
    if (ferror(f))
      stderr->_flags |= _IO_ERR_SEEN;
    fclose(f);
  }
}

/* ------------------------------------------------------------------ buffering modes */

/* _IO_new_file_setbuf: writes out what is pending, then takes [p, p + len) as the buffer, or none
   (unbuffered). The stream starts writing afresh: its first output goes through __overflow. */
static int _IO_file_setbuf(FILE *f, char *p, size_t len)
{
  if (f->_IO_write_ptr > f->_IO_write_base && _IO_do_flush(f) == EOF)
    return EOF;
  if (!p || len == 0) {
    f->_flags |= _IO_UNBUFFERED;
    _IO_setb(f, NULL, NULL, 0);
  } else {
    f->_flags &= ~_IO_UNBUFFERED;
    _IO_setb(f, p, p + len, 0);
  }
  f->_flags &= ~_IO_CURRENTLY_PUTTING;
  f->_IO_write_base = f->_IO_write_ptr = f->_IO_write_end = f->_IO_buf_base;
  f->_IO_read_ptr = f->_IO_read_end = f->_IO_buf_base;
  return 0;
}

/* _IO_setvbuf. An unknown mode fails without setting errno, as glibc's does. */
int setvbuf(FILE *f, char *buf, int mode, size_t size)
{
  switch (mode) {
  case _IOFBF:
    f->_flags &= ~(_IO_LINE_BUF | _IO_UNBUFFERED);
    if (!buf) {
      /* On a terminal the buffer is allocated now, so that it is not made line-buffered later. */
      if (!f->_IO_buf_base) {
        if (!_IO_file_doallocate(f))
          return EOF;
        f->_flags &= ~_IO_LINE_BUF;
      }
      return 0;
    }
    break;
  case _IOLBF:
    f->_flags &= ~_IO_UNBUFFERED;
    f->_flags |= _IO_LINE_BUF;
    if (!buf)
      return 0;
    break;
  case _IONBF:
    f->_flags &= ~_IO_LINE_BUF;
    f->_flags |= _IO_UNBUFFERED;
    buf = NULL;
    size = 0;
    break;
  default:
    return EOF;
  }
  return _IO_file_setbuf(f, buf, size);
}

void setbuf(FILE *f, char *buf)
{
  setvbuf(f, buf, buf ? _IOFBF : _IONBF, BUFSIZ);
}

void setlinebuf(FILE *f)
{
  setvbuf(f, NULL, _IOLBF, 0);
}

/* ------------------------------------------------------------------ input */

int fgetc(FILE *f)
{
  if (f->_IO_read_ptr < f->_IO_read_end)
    return *(unsigned char *)f->_IO_read_ptr++;
  return __uflow(f);
}

int getc(FILE *f)
{
  return fgetc(f);
}

int getchar(void)
{
  return fgetc(stdin);
}

/* Up to size-1 bytes, through the first newline. NULL at end of file before any byte, or on error. */
char *fgets(char *s, int size, FILE *f)
{
  if (size <= 0)
    return NULL;
  int n = 0;
  while (n < size - 1) {
    int c = fgetc(f);
    if (c == EOF) {
      if (n == 0 || (f->_flags & _IO_ERR_SEEN))
        return NULL;
      break;
    }
    s[n++] = c;
    if (c == '\n')
      break;
  }
  s[n] = 0;
  return s;
}

/* getdelim (glibc's libio/iogetdelim.c): a whole line, through `delimiter`, however long, into *lineptr,
   which starts at 120 bytes when NULL and grows by realloc to at least twice its size. The length, or
   -1 at end of input before any byte (or on error; EINVAL without a buffer pointer). */
ssize_t getdelim(char **lineptr, size_t *n, int delimiter, FILE *f)
{
  ssize_t cur_len = 0;
  ssize_t len;

  if (lineptr == NULL || n == NULL) {
    errno = EINVAL;
    return -1;
  }
  if (*lineptr == NULL || *n == 0) {
    *n = 120;
    *lineptr = malloc(*n);
    if (*lineptr == NULL)
      return -1;
  }
  len = f->_IO_read_end - f->_IO_read_ptr;
  if (len <= 0) {
    if (__underflow(f) == EOF)
      return -1;
    len = f->_IO_read_end - f->_IO_read_ptr;
  }
  for (;;) {
    char *t = memchr(f->_IO_read_ptr, delimiter, len);
    size_t needed;
    if (t != NULL)
      len = (t - f->_IO_read_ptr) + 1;
    /* Room for len more bytes and the NUL. */
    needed = cur_len + len + 1;
    if (needed > *n) {
      char *new_lineptr;
      if (needed < 2 * *n)
        needed = 2 * *n;
      new_lineptr = realloc(*lineptr, needed);
      if (new_lineptr == NULL)
        return -1;
      *lineptr = new_lineptr;
      *n = needed;
    }
    memcpy(*lineptr + cur_len, f->_IO_read_ptr, len);
    f->_IO_read_ptr += len;
    cur_len += len;
    if (t != NULL || __underflow(f) == EOF)
      break;
    len = f->_IO_read_end - f->_IO_read_ptr;
  }
  (*lineptr)[cur_len] = '\0';
  return cur_len;
}

ssize_t getline(char **lineptr, size_t *n, FILE *f)
{
  return getdelim(lineptr, n, '\n', f);
}

/* Puts c back in front of the unread input: possible when c's slot in the buffer is still there
   (always so right after a read from a buffered stream); otherwise EOF. */
int ungetc(int c, FILE *f)
{
  char *p = f->_IO_read_ptr;
  if (c == EOF || !f->_IO_buf_base || p <= f->_IO_buf_base)
    return EOF;
  *--p = c;
  f->_IO_read_ptr = p;
  f->_flags &= ~_IO_EOF_SEEN;
  return (unsigned char)c;
}

int feof(FILE *f)
{
  return (f->_flags & _IO_EOF_SEEN) != 0;
}

int ferror(FILE *f)
{
  return (f->_flags & _IO_ERR_SEEN) != 0;
}

void clearerr(FILE *f)
{
  f->_flags &= ~(_IO_EOF_SEEN | _IO_ERR_SEEN);
}

int fileno(FILE *f)
{
  return f->_fileno;
}

/* ------------------------------------------------------------------ block reads and positions */

/* _IO_file_xsgetn: n bytes into data. What is buffered first; then, while less than a buffer is
   wanted, the buffer refills and the copy repeats; a larger request is read(2) straight into data, in
   whole buffer-sized blocks (all of it for a buffer under 128 bytes). Returns the bytes read: fewer at
   end of file (EOF flag) or on error (error flag). */
static size_t _IO_file_xsgetn(FILE *f, char *data, size_t n)
{
  size_t want = n, have;
  char *s = data;
  _IO_doallocbuf(f);
  while (want > 0) {
    have = f->_IO_read_end - f->_IO_read_ptr;
    if (want <= have) {
      memcpy(s, f->_IO_read_ptr, want);
      f->_IO_read_ptr += want;
      want = 0;
    } else {
      if (have > 0) {
        memcpy(s, f->_IO_read_ptr, have);
        s += have;
        want -= have;
        f->_IO_read_ptr += have;
      }
      size_t block = f->_IO_buf_end - f->_IO_buf_base;
      if (want < block) {
        if (__underflow(f) == EOF)
          break;
        continue;
      }
      /* The buffer is empty before the read, so the stream is consistent if it sleeps there. */
      f->_IO_read_ptr = f->_IO_read_end = f->_IO_buf_base;
      f->_IO_write_base = f->_IO_write_ptr = f->_IO_write_end = f->_IO_buf_base;
      size_t count = want;
      if (block >= 128)
        count -= want % block;
      ssize_t got = read(f->_fileno, s, count);
      if (got <= 0) {
        f->_flags |= got == 0 ? _IO_EOF_SEEN : _IO_ERR_SEEN;
        break;
      }
      s += got;
      want -= got;
      if (f->_offset != _IO_pos_BAD)
        f->_offset += got;
    }
  }
  return n - want;
}

/* count records of size bytes; a record cut short by the end of input or an error does not count. */
size_t fread(void *ptr, size_t size, size_t count, FILE *f)
{
  size_t request = size * count;
  if (request == 0)
    return 0;
  size_t got = _IO_file_xsgetn(f, ptr, request);
  return got == request ? count : got / size;
}

/* do_ftell: where the program is in the stream: the descriptor's offset (known, or asked with
   lseek(fd, 0, SEEK_CUR)), less the input read ahead, or plus the output not yet written. Pending
   output in append mode goes to the end of the file, so it counts from there. Changes nothing but
   the known offset. */
static off_t do_ftell(FILE *f)
{
  off_t result, offset = 0;
  if (f->_IO_buf_base) {
    int unflushed_writes = f->_IO_write_ptr > f->_IO_write_base;
    int append_mode = (f->_flags & _IO_IS_APPENDING) != 0;
    if (unflushed_writes && append_mode) {
      result = lseek(f->_fileno, 0, SEEK_END);
      if (result == _IO_pos_BAD)
        return EOF;
      f->_offset = result;
    }
    if (!unflushed_writes)
      offset -= f->_IO_read_end - f->_IO_read_ptr;
    else if (append_mode)
      offset += f->_IO_write_ptr - f->_IO_write_base;
    else
      offset += f->_IO_write_ptr - f->_IO_read_end;
  }
  result = f->_offset != _IO_pos_BAD ? f->_offset : lseek(f->_fileno, 0, SEEK_CUR);
  if (result == EOF)
    return result;
  result += offset;
  if (result < 0) {
    errno = EINVAL;
    return EOF;
  }
  return result;
}

/* _IO_new_file_seekoff: moves the stream to offset from dir, as lseek's whence. Pending output goes
   out first. SEEK_CUR counts from the program's position, which the known offset gives without a
   system call; SEEK_END of a regular file becomes SEEK_SET past its size. A position inside the input
   still buffered only moves the read pointer (and lseek puts the descriptor back where the buffer
   ends, in case another process sharing it moved it). Otherwise a readable stream seeks to the
   buffer-sized block holding the position and reads up to it, a whole buffer unless the stream had
   nothing buffered (then exactly up to it); anything else, or a failed read, is one lseek to the
   position. Returns the new position, or EOF with errno set. */
static off_t _IO_new_file_seekoff(FILE *f, off_t offset, int dir)
{
  off_t result, delta, new_offset;
  ssize_t count;
  int must_be_exact = f->_IO_buf_base == f->_IO_read_end && f->_IO_write_base == f->_IO_write_ptr;
  int was_writing = f->_IO_write_ptr > f->_IO_write_base || (f->_flags & _IO_CURRENTLY_PUTTING);
  if (was_writing && _IO_switch_to_get_mode(f))
    return EOF;
  if (!f->_IO_buf_base) {
    _IO_doallocbuf(f);
    f->_IO_write_base = f->_IO_write_ptr = f->_IO_write_end = f->_IO_buf_base;
    f->_IO_read_ptr = f->_IO_read_end = f->_IO_buf_base;
  }
  switch (dir) {
  case SEEK_CUR:
    offset -= f->_IO_read_end - f->_IO_read_ptr;
    if (f->_offset == _IO_pos_BAD)
      goto dumb;
    offset += f->_offset;
    if (offset < 0) {
      errno = EINVAL;
      return EOF;
    }
    dir = SEEK_SET;
    break;
  case SEEK_SET:
    break;
  case SEEK_END: {
    struct stat st;
    if (fstat(f->_fileno, &st) == 0 && S_ISREG(st.st_mode)) {
      offset += st.st_size;
      dir = SEEK_SET;
    } else {
      goto dumb;
    }
  }
  }

  if (f->_offset != _IO_pos_BAD) {
    off_t start_offset = f->_offset - (f->_IO_read_end - f->_IO_buf_base);
    if (offset >= start_offset && offset < f->_offset) {
      f->_IO_read_ptr = f->_IO_buf_base + (offset - start_offset);
      f->_IO_write_base = f->_IO_write_ptr = f->_IO_write_end = f->_IO_buf_base;
      f->_flags &= ~_IO_EOF_SEEN;
      lseek(f->_fileno, f->_offset, SEEK_SET);
      return offset;
    }
  }

  if (f->_flags & _IO_NO_READS)
    goto dumb;

  off_t block = f->_IO_buf_end - f->_IO_buf_base;
  new_offset = offset & ~(block - 1);
  delta = offset - new_offset;
  if (delta > block) {
    new_offset = offset;
    delta = 0;
  }
  result = lseek(f->_fileno, new_offset, SEEK_SET);
  if (result < 0)
    return EOF;
  if (delta == 0) {
    count = 0;
  } else {
    count = read(f->_fileno, f->_IO_buf_base, must_be_exact ? delta : block);
    if (count < delta) {
      /* Not there: seek the rest of the way. */
      offset = count == EOF ? delta : delta - count;
      dir = SEEK_CUR;
      goto dumb;
    }
  }
  f->_IO_read_ptr = f->_IO_buf_base + delta;
  f->_IO_read_end = f->_IO_buf_base + count;
  f->_IO_write_base = f->_IO_write_ptr = f->_IO_write_end = f->_IO_buf_base;
  f->_offset = result + count;
  f->_flags &= ~_IO_EOF_SEEN;
  return offset;

dumb:
  result = lseek(f->_fileno, offset, dir);
  if (result != EOF) {
    f->_flags &= ~_IO_EOF_SEEN;
    f->_offset = result;
    f->_IO_read_ptr = f->_IO_read_end = f->_IO_buf_base;
    f->_IO_write_base = f->_IO_write_ptr = f->_IO_write_end = f->_IO_buf_base;
  }
  return result;
}

/* _IO_seekoff_unlocked: an unknown whence is EINVAL before anything happens; with `tell` the stream
   only reports where it is (ftell, fgetpos), otherwise it moves. */
static off_t _IO_seekoff_unlocked(FILE *f, off_t offset, int dir, int tell)
{
  if (dir != SEEK_CUR && dir != SEEK_SET && dir != SEEK_END) {
    errno = EINVAL;
    return EOF;
  }
  return tell ? do_ftell(f) : _IO_new_file_seekoff(f, offset, dir);
}

int fseeko(FILE *f, off_t offset, int whence)
{
  return _IO_seekoff_unlocked(f, offset, whence, 0) == _IO_pos_BAD ? EOF : 0;
}

int fseek(FILE *f, long offset, int whence)
{
  return fseeko(f, offset, whence);
}

/* ISO C wants a positive errno on failure: EIO when nothing set one. */
off_t ftello(FILE *f)
{
  off_t pos = _IO_seekoff_unlocked(f, 0, SEEK_CUR, 1);
  if (pos == _IO_pos_BAD) {
    if (errno == 0)
      errno = EIO;
    return -1;
  }
  return pos;
}

long ftell(FILE *f)
{
  return ftello(f);
}

/* Back to the start, with the EOF and error flags cleared (even when the seek fails). */
void rewind(FILE *f)
{
  _IO_seekoff_unlocked(f, 0, SEEK_SET, 0);
  clearerr(f);
}

int fgetpos(FILE *f, fpos_t *pos)
{
  off_t where = ftello(f);
  if (where == -1)
    return EOF;
  pos->__pos = where;
  return 0;
}

int fsetpos(FILE *f, const fpos_t *pos)
{
  if (_IO_seekoff_unlocked(f, pos->__pos, SEEK_SET, 0) == _IO_pos_BAD) {
    if (errno == 0)
      errno = EIO;
    return EOF;
  }
  return 0;
}

/* More input for scanf behind the bytes it has not taken yet, which move to the buffer's start. When
   they fill the buffer there is no room for more: scanf then works with what it has. */
static void scan_underflow(FILE *f)
{
  char *base = f->_IO_buf_base;
  size_t unread = f->_IO_read_end - f->_IO_read_ptr;
  memmove(base, f->_IO_read_ptr, unread);
  f->_IO_read_ptr = base;
  f->_IO_read_end = base + unread;
  if (f->_IO_read_end == f->_IO_buf_end)
    return;
  flush_stdout_before_reading(f);
  /* An unbuffered stream reads a byte at a time, as glibc's does. */
  size_t want = (f->_flags & _IO_UNBUFFERED) ? 1 : f->_IO_buf_end - f->_IO_read_end;
  ssize_t got = read(f->_fileno, f->_IO_read_end, want);
  if (got <= 0) {
    f->_flags |= got == 0 ? _IO_EOF_SEEN : _IO_ERR_SEEN;
    f->_offset = _IO_pos_BAD;
  } else {
    f->_IO_read_end += got;
    if (f->_offset != _IO_pos_BAD)
      f->_offset += got;
  }
}

/* scanf converts only whole input: until the buffered bytes are enough (or the input ends) it reads
   more, possibly sleeping on an empty pipe, and scans again from the start. An unbuffered stream
   borrows a buffer on the stack for the call, starting with the byte its own one-byte buffer may hold;
   a byte scanf looked at but did not take is then lost. */
int vfscanf(FILE *f, const char *format, va_list ap)
{
  char borrowed[256];
  orient_narrow(f);
  if (f->_flags & _IO_NO_READS)
    return refuse(f);
  int unbuffered = (f->_flags & _IO_UNBUFFERED) != 0;
  if (!unbuffered && !f->_IO_buf_base && !_IO_file_doallocate(f))
    unbuffered = 1;
  char *own_base = f->_IO_buf_base, *own_end = f->_IO_buf_end;
  if (unbuffered) {
    size_t unread = f->_IO_read_end - f->_IO_read_ptr;
    if (unread)
      memcpy(borrowed, f->_IO_read_ptr, unread);
    f->_IO_buf_base = f->_IO_read_ptr = borrowed;
    f->_IO_read_end = borrowed + unread;
    f->_IO_buf_end = borrowed + sizeof borrowed;
  }
  int n;
  for (;;) {
    va_list attempt;
    va_copy(attempt, ap);
    n = __vfscanf_buffered(f, format, attempt);
    va_end(attempt);
    if (n != __SCAN_MORE)
      break;
    scan_underflow(f);
  }
  if (unbuffered) {
    f->_IO_buf_base = f->_IO_read_ptr = f->_IO_read_end = own_base;
    f->_IO_buf_end = own_end;
  }
  return n;
}

int vscanf(const char *format, va_list ap)
{
  return vfscanf(stdin, format, ap);
}

int scanf(const char *format, ...)
{
  va_list ap;
  va_start(ap, format);
  int n = vfscanf(stdin, format, ap);
  va_end(ap);
  return n;
}

int fscanf(FILE *f, const char *format, ...)
{
  va_list ap;
  va_start(ap, format);
  int n = vfscanf(f, format, ap);
  va_end(ap);
  return n;
}
