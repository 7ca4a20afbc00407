/* fread, fseek, ftell, rewind, fgetpos and fsetpos on the files a process can seek without a file
   system: /proc/sys/kernel/pid_max (a regular file of size 0 whose reads give the value only at
   offset 0, so where glibc's reads start shows), /dev/zero and /dev/null; and their errors. pid_max's
   value is the machine's, so the program prints what it learns about it relative to a first read,
   never the value. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

static char line[32];
static long len;

/* A result, and errno's name when it is -1. */
static void show(const char *what, long result)
{
  if (result == -1)
    printf("%s: -1 (%s)\n", what, strerror(errno));
  else
    printf("%s: %ld\n", what, result);
  errno = 0;
}

/* The byte at `pos` in the value's line, or EOF past it, is what fgetc gave. */
static void next_is(FILE *f, long pos)
{
  int c = fgetc(f);
  int want = pos < len ? (unsigned char)line[pos] : EOF;
  printf("  next byte is the line's byte %ld: %d (eof %d)\n", pos, c == want, feof(f));
}

static void flags(FILE *f)
{
  printf("  eof %d, error %d\n", feof(f), ferror(f));
}

int main(void)
{
  char buf[10000];
  FILE *f = fopen("/proc/sys/kernel/pid_max", "r");
  show("ftell before reading", ftell(f));
  fgets(line, sizeof line, f);
  len = strlen(line);
  printf("the value's line ends in a newline: %d\n", line[len - 1] == '\n');
  printf("ftell after fgets is its length: %d\n", ftell(f) == len);

  rewind(f);
  size_t n = fread(buf, 1, 2, f);
  show("fread 2 bytes after rewind", n);
  show("ftell", ftell(f));
  n = fread(buf + 2, 1, 64, f);
  printf("fread 64 more gives the rest: %d, and the bytes: %d\n", (long)n == len - 2, memcmp(buf, line, len) == 0);
  flags(f);
  printf("ftell at the end is the length: %d\n", ftell(f) == len);
  show("fread at EOF", fread(buf, 1, 4, f));

  show("fseek(1, SEEK_SET)", fseek(f, 1, SEEK_SET));
  flags(f);
  show("ftell", ftell(f));
  next_is(f, 1);
  show("fseek(-1, SEEK_CUR)", fseek(f, -1, SEEK_CUR));
  show("ftell", ftell(f));
  next_is(f, 1);
  show("fseek(2, SEEK_CUR)", fseek(f, 2, SEEK_CUR));
  show("ftell", ftell(f));
  next_is(f, 4);

  /* Its size is 0, so the end is offset 0, where the value can be read again. */
  show("fseek(0, SEEK_END)", fseek(f, 0, SEEK_END));
  show("ftell", ftell(f));
  next_is(f, 0);
  /* Offset 3 is inside the first 1024-byte block: glibc reads the block from its start, 0, so the
     value is there to be read at 3 through the buffer. */
  show("fseek(3, SEEK_END)", fseek(f, 3, SEEK_END));
  show("ftell", ftell(f));
  next_is(f, 3);

  /* Records that do not fit: only whole ones count. */
  rewind(f);
  n = fread(buf, 4, 10, f);
  printf("fread of 4-byte records: %d whole ones (length / 4)\n", (long)n == len / 4);
  flags(f);
  printf("ftell is the length: %d\n", ftell(f) == len);
  rewind(f);
  show("fread of one 100-byte record", fread(buf, 100, 1, f));
  flags(f);
  rewind(f);
  show("fread of 0 records", fread(buf, 4, 0, f));
  show("fread of 0-byte records", fread(buf, 0, 4, f));
  flags(f);

  /* fgets and fread take turns on one buffer. */
  rewind(f);
  char part[4];
  fgets(part, 3, f);
  printf("fgets of 2 bytes: %d\n", strncmp(part, line, 2) == 0);
  n = fread(buf, 1, 2, f);
  printf("fread of the next 2: %d %d\n", (int)n, memcmp(buf, line + 2, 2) == 0);
  show("ftell", ftell(f));
  show("fgetc", fgetc(f) == (unsigned char)line[4]);
  show("ftell", ftell(f));

  fpos_t pos;
  rewind(f);
  fgetc(f);
  show("fgetpos after one byte", fgetpos(f, &pos));
  fread(buf, 1, sizeof line, f);
  flags(f);
  show("fsetpos", fsetpos(f, &pos));
  flags(f);
  show("ftell", ftell(f));
  next_is(f, 1);

  /* Far past the end: lseek to the block, a read that gets nothing, lseek the rest of the way. */
  show("fseek(5000, SEEK_SET)", fseek(f, 5000, SEEK_SET));
  show("ftell", ftell(f));
  next_is(f, 5000);

  errno = 0;
  show("fseek with whence 3", fseek(f, 0, 3));
  show("fseek(-6000, SEEK_CUR), before the start", fseek(f, -6000, SEEK_CUR));
  show("fseek(-100, SEEK_SET)", fseek(f, -100, SEEK_SET));
  show("ftell is still", ftell(f));
  rewind(f);
  fgetc(f);
  clearerr(f);
  show("fflush of a read stream", fflush(f));
  show("ftell", ftell(f));
  show("fclose", fclose(f));

  /* /dev/zero: a large fread goes straight into the buffer in whole blocks; its offset stays 0, so
     ftell less the buffered bytes is negative: EINVAL. */
  FILE *zero = fopen("/dev/zero", "r");
  memset(buf, 'x', sizeof buf);
  n = fread(buf, 1, sizeof buf, zero);
  int zeros = 1;
  for (size_t i = 0; i < sizeof buf; i++)
    if (buf[i] != 0)
      zeros = 0;
  printf("fread of /dev/zero: %zu, all zero %d\n", n, zeros);
  show("ftell", ftell(zero));
  show("fread of 3 records of 5", fread(buf, 5, 3, zero));
  show("fseek(0, SEEK_END)", fseek(zero, 0, SEEK_END));
  show("ftell", ftell(zero));
  show("fseek(100, SEEK_SET)", fseek(zero, 100, SEEK_SET));
  show("ftell", ftell(zero));
  fclose(zero);

  /* A write-only stream cannot be read: EBADF from the stream for a small request, from read(2) for
     one of a buffer or more. Its position counts the pending output. */
  FILE *null = fopen("/dev/null", "w");
  show("fread of a write-only stream", fread(buf, 1, 5, null));
  flags(null);
  clearerr(null);
  show("fread of 5000 from it", fread(buf, 1, 5000, null));
  flags(null);
  fputs("abc", null);
  show("ftell with 3 bytes pending", ftell(null));
  show("fseek(0, SEEK_SET)", fseek(null, 0, SEEK_SET));
  show("ftell", ftell(null));
  fclose(null);
  return 0;
}
