/* Streams of one's own: a child writes lines through fdopen on a pipe's write end and fclose flushes
   and closes it; the parent reads them with fgets through fdopen on the read end until EOF. fopen and
   fdopen fail with glibc's errors. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void)
{
  int fds[2];
  pipe(fds);
  pid_t pid = fork();
  if (pid == 0) {
    close(fds[0]);
    FILE *w = fdopen(fds[1], "w");
    for (int i = 0; i < 3; i++)
      fprintf(w, "line %d from the child\n", i);
    int closed = fclose(w);
    _exit(closed == 0 ? 0 : 1);
  }
  close(fds[1]);
  FILE *r = fdopen(fds[0], "r");
  char line[64];
  int lines = 0;
  while (fgets(line, sizeof line, r)) {
    printf("parent read: %s", line);
    lines++;
  }
  int at_eof = feof(r);
  int closed = fclose(r);
  int status;
  waitpid(pid, &status, 0);
  printf("lines %d, at eof %d, fclose %d, child status %d\n", lines, at_eof, closed, WEXITSTATUS(status));

  FILE *null = fopen("/dev/null", "w");
  int put = fprintf(null, "into the void\n");
  int got = fgetc(null);
  const char *why = strerror(errno);
  int null_closed = fclose(null);
  printf("/dev/null: fprintf %d, fgetc %d (%s), fclose %d\n", put, got, why, null_closed);

  errno = 0;
  FILE *bad = fopen("/dev/null", "z");
  printf("mode \"z\": %s, %s\n", bad ? "stream" : "NULL", strerror(errno));
  errno = 0;
  FILE *missing = fopen("/no/such/file", "r");
  printf("missing file: %s, %s\n", missing ? "stream" : "NULL", strerror(errno));
  int again[2];
  pipe(again);
  errno = 0;
  FILE *wrong = fdopen(again[1], "r");
  printf("read stream on a write end: %s, %s\n", wrong ? "stream" : "NULL", strerror(errno));
  return 0;
}
