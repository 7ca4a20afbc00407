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

/* _IO_new_file_write: write(2) all of [data, data + n), again after a short write. On failure the
   stream's error flag is set (write has set errno). Returns the bytes written. */
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
  return n - to_do;
}

/* new_do_write: writes, then empties the buffer, whether or not all went out (pending output is
   dropped on error, as glibc does). A line-buffered or unbuffered stream has no room to put bytes in
   directly: each goes through __overflow, which writes at a newline. */
static size_t new_do_write(FILE *f, const char *data, size_t n)
{
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
   out what is pending. The first output sets the stream up for writing. */
int __overflow(FILE *f, int ch)
{
  orient_narrow(f);
  if (f->_flags & _IO_NO_WRITES)
    return refuse(f);
  if (!(f->_flags & _IO_CURRENTLY_PUTTING) || !f->_IO_write_base) {
    if (!f->_IO_buf_base && !(f->_flags & _IO_UNBUFFERED))
      _IO_file_doallocate(f);
    if (!f->_IO_buf_base) {
      /* Unbuffered: glibc's one-byte buffer, written at once. */
      if (ch == EOF)
        return 0;
      char one = ch;
      return _IO_new_file_write(f, &one, 1) == 1 ? (unsigned char)ch : EOF;
    }
    f->_IO_write_base = f->_IO_write_ptr = f->_IO_buf_base;
    f->_IO_write_end = f->_IO_buf_end;
    f->_IO_read_ptr = f->_IO_read_end = f->_IO_buf_base;
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

/* __uflow: the next byte once the buffer is empty: one read(2) of the buffer's size refills it. EOF at
   end of file (which stays seen, as in glibc 2.28 and later) or on error. */
int __uflow(FILE *f)
{
  orient_narrow(f);
  if (f->_flags & _IO_EOF_SEEN)
    return EOF;
  if (f->_flags & _IO_NO_READS)
    return refuse(f);
  if (!f->_IO_buf_base && !(f->_flags & _IO_UNBUFFERED))
    _IO_file_doallocate(f);
  flush_stdout_before_reading(f);
  char *base = f->_IO_buf_base;
  unsigned char one;
  ssize_t got = base ? read(f->_fileno, base, f->_IO_buf_end - base) : read(f->_fileno, &one, 1);
  if (got < 0) {
    f->_flags |= _IO_ERR_SEEN;
    return EOF;
  }
  if (got == 0) {
    f->_flags |= _IO_EOF_SEEN;
    return EOF;
  }
  if (!base)
    return one;
  f->_IO_read_ptr = base + 1;
  f->_IO_read_end = base + got;
  return (unsigned char)base[0];
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

int fflush(FILE *f)
{
  if (!f)
    return _IO_flush_all();
  if (f->_IO_write_ptr > f->_IO_write_base && _IO_do_flush(f) == EOF)
    return EOF;
  return 0;
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
  if (got < 0)
    f->_flags |= _IO_ERR_SEEN;
  else if (got == 0)
    f->_flags |= _IO_EOF_SEEN;
  else
    f->_IO_read_end += got;
}

/* scanf converts only whole input: until the buffered bytes are enough (or the input ends) it reads
   more, possibly sleeping on an empty pipe, and scans again from the start. An unbuffered stream
   borrows a buffer on the stack for the call; a byte scanf looked at but did not take is then lost. */
int vfscanf(FILE *f, const char *format, va_list ap)
{
  char borrowed[256];
  orient_narrow(f);
  if (f->_flags & _IO_NO_READS)
    return refuse(f);
  int unbuffered = (f->_flags & _IO_UNBUFFERED) != 0;
  if (!unbuffered && !f->_IO_buf_base && !_IO_file_doallocate(f))
    unbuffered = 1;
  if (unbuffered) {
    f->_IO_buf_base = f->_IO_read_ptr = f->_IO_read_end = borrowed;
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
  if (unbuffered)
    f->_IO_buf_base = f->_IO_buf_end = f->_IO_read_ptr = f->_IO_read_end = NULL;
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
