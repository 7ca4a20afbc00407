/* fread, fseek and ftell on pipes: a pipe cannot seek, so ftell, fseek, fgetpos and fsetpos fail with
   ESPIPE (rewind too, silently, yet it clears the flags), while fread and fgets take turns on the
   buffered input; fread goes on after a short read(2) until it has all it asked for or the input
   ends, and counts only whole records. fseek on a stream with pending output writes it out before
   it fails. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

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

int main(void)
{
  char buf[6000];
  int fds[2];
  pipe(fds);
  write(fds[1], "first line\n0123456789", 21);
  close(fds[1]);
  FILE *r = fdopen(fds[0], "r");
  show("ftell before reading", ftell(r));
  fgets(buf, sizeof buf, r);
  printf("fgets: %s", buf);
  size_t n = fread(buf, 4, 3, r);
  printf("fread of three 4-byte records: %zu, %.10s\n", n, buf);
  flags(r);
  show("ftell", ftell(r));
  show("fseek(0, SEEK_SET)", fseek(r, 0, SEEK_SET));
  show("fseek(0, SEEK_CUR)", fseek(r, 0, SEEK_CUR));
  show("fseek(0, SEEK_END)", fseek(r, 0, SEEK_END));
  show("fseek with whence -1", fseek(r, 0, -1));
  fpos_t pos;
  show("fgetpos", fgetpos(r, &pos));
  pos.__pos = 0;
  show("fsetpos", fsetpos(r, &pos));
  rewind(r);
  printf("after rewind:\n");
  flags(r);
  show("fread at the end", fread(buf, 1, 10, r));
  flags(r);
  fclose(r);

  /* Input read ahead stays the stream's: fflush cannot give it back to a pipe, and that is no error. */
  pipe(fds);
  write(fds[1], "abcdef", 6);
  r = fdopen(fds[0], "r");
  fgetc(r);
  show("fflush of a read stream on a pipe", fflush(r));
  n = fread(buf, 1, 5, r);
  printf("fread after it: %zu %.5s\n", n, buf);
  close(fds[1]);
  fclose(r);

  /* More than a buffer: a block of 4096 straight into buf, the rest through the buffer. */
  pipe(fds);
  memset(buf, '.', sizeof buf);
  write(fds[1], buf, 5000);
  close(fds[1]);
  r = fdopen(fds[0], "r");
  memset(buf, 0, sizeof buf);
  n = fread(buf, 1, sizeof buf, r);
  printf("fread of 6000 from 5000 bytes: %zu, last '%c'\n", n, buf[4999]);
  flags(r);
  fclose(r);

  /* The writer sends 3 bytes, then 3 more a little later: fread waits for all 6. */
  pipe(fds);
  pid_t pid = fork();
  if (pid == 0) {
    close(fds[0]);
    write(fds[1], "abc", 3);
    usleep(100000);
    write(fds[1], "def", 3);
    _exit(0);
  }
  close(fds[1]);
  r = fdopen(fds[0], "r");
  n = fread(buf, 2, 4, r);
  printf("fread of four 2-byte records from a slow writer: %zu %.6s\n", n, buf);
  flags(r);
  waitpid(pid, NULL, 0);
  fclose(r);

  /* A write stream: ftell counts pending output but the pipe has no offset; fseek writes it out first. */
  pipe(fds);
  FILE *w = fdopen(fds[1], "w");
  fputs("pending", w);
  show("ftell of a write stream", ftell(w));
  show("fseek of a write stream", fseek(w, 0, SEEK_SET));
  ssize_t got = read(fds[0], buf, sizeof buf);
  printf("the pipe holds %zd bytes: %.*s\n", got, (int)got, buf);
  show("fread of a write-only stream", fread(buf, 1, 3, w));
  flags(w);
  fclose(w);
  close(fds[0]);
  return 0;
}
