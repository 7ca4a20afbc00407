/* A regular file through stdio: fwrite writes it, fseek, ftell, fread, rewind, fgetpos and fsetpos read
   it back; a write after fseek lands at the position asked for, also in the middle of input read ahead;
   "a+" writes at the end wherever it reads; records cut short at the end do not count; and exit gives
   back the input a stream read ahead, so a parent sharing the descriptor reads on from where its child
   stopped. The file is unlinked again. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define NAME "./stdio_fread_seek.tmp"

static void show(const char *what, long result)
{
  if (result == -1)
    printf("%s: -1 (%s)\n", what, strerror(errno));
  else
    printf("%s: %ld\n", what, result);
  errno = 0;
}

static void flags(FILE *f)
{
  printf("  eof %d, error %d\n", feof(f), ferror(f));
}

/* fread of n bytes, shown. */
static void get(FILE *f, size_t n)
{
  char buf[64];
  size_t got = fread(buf, 1, n, f);
  printf("  fread %zu: %zu \"%.*s\"\n", n, got, (int)got, buf);
}

int main(void)
{
  char data[5000];
  for (int i = 0; i < (int)sizeof data; i++)
    data[i] = 'a' + i % 26;
  unlink(NAME);

  FILE *f = fopen(NAME, "w+");
  show("fwrite of 5000 bytes", fwrite(data, 1, sizeof data, f));
  show("ftell with some still pending", ftell(f));
  rewind(f);
  get(f, 10);
  show("ftell", ftell(f));
  show("fseek(4090, SEEK_SET)", fseek(f, 4090, SEEK_SET));
  get(f, 12);
  show("ftell", ftell(f));
  show("fseek(-10, SEEK_END)", fseek(f, -10, SEEK_END));
  get(f, 20);
  flags(f);
  show("ftell", ftell(f));

  fpos_t pos;
  show("fseek(100, SEEK_SET)", fseek(f, 100, SEEK_SET));
  flags(f);
  show("fgetpos", fgetpos(f, &pos));
  get(f, 5);
  show("fsetpos", fsetpos(f, &pos));
  get(f, 5);
  show("fseek(-3, SEEK_CUR)", fseek(f, -3, SEEK_CUR));
  get(f, 5);

  /* Writes after a seek, one inside the buffered input, land where asked. */
  show("fseek(2, SEEK_SET)", fseek(f, 2, SEEK_SET));
  fputs("XY", f);
  show("ftell after fputs", ftell(f));
  rewind(f);
  get(f, 3);
  show("fseek(0, SEEK_CUR)", fseek(f, 0, SEEK_CUR));
  fputs("123", f);
  show("fflush", fflush(f));
  show("ftell", ftell(f));
  rewind(f);
  get(f, 10);

  /* Records of 4 bytes, 5 bytes before the end: one whole record, then the end. */
  show("fseek(-5, SEEK_END)", fseek(f, -5, SEEK_END));
  show("fread of 4-byte records", fread(data, 4, 3, f));
  flags(f);
  show("fseek(6000, SEEK_SET) past the end", fseek(f, 6000, SEEK_SET));
  flags(f);
  show("ftell", ftell(f));
  show("fread there", fread(data, 1, 1, f));
  flags(f);
  show("fclose", fclose(f));

  /* "a+" reads anywhere but writes at the end; ftell with output pending asks where the end is. */
  f = fopen(NAME, "a+");
  show("a+: ftell", ftell(f));
  get(f, 4);
  fputs("END", f);
  show("ftell with END pending", ftell(f));
  rewind(f);
  get(f, 4);
  show("fseek(-4, SEEK_END)", fseek(f, -4, SEEK_END));
  get(f, 10);
  fclose(f);

  f = fopen(NAME, "r");
  show("r: fseek(0, SEEK_END)", fseek(f, 0, SEEK_END));
  show("ftell", ftell(f));
  show("fwrite to a read-only stream", fwrite("z", 1, 1, f));
  flags(f);
  fclose(f);

  /* A child reads one line with stdio and exits: exit seeks the shared descriptor back over what its
     buffer read ahead, so the parent's read(2) goes on from the second line. */
  f = fopen(NAME, "w");
  fputs("line one\nline two\nline three\n", f);
  fclose(f);
  int fd = open(NAME, O_RDONLY);
  fflush(stdout);
  pid_t pid = fork();
  if (pid == 0) {
    FILE *in = fdopen(fd, "r");
    char line[32];
    fgets(line, sizeof line, in);
    printf("child read: %s", line);
    exit(0);
  }
  waitpid(pid, NULL, 0);
  char rest[64];
  ssize_t n = read(fd, rest, sizeof rest);
  printf("parent read: %zd \"%.*s\"\n", n, (int)n, rest);
  close(fd);

  show("unlink", unlink(NAME));
  return 0;
}
