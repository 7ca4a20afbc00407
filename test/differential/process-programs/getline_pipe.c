/* getline_pipe.c: getline and getdelim read whole lines from a pipe however long they are: the
   buffer starts at 120 bytes and grows (the capacity is printed), a line may span several reads
   (the child writes it in pieces), the last line may lack its newline, and -1 marks the end.
   getdelim splits on another byte; a NULL buffer pointer is EINVAL. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void)
{
  int fd[2];
  pipe(fd);
  pid_t p = fork();
  if (p == 0) {
    close(fd[0]);
    dprintf(fd[1], "short\n\n");
    for (int i = 0; i < 30; i++) {
      dprintf(fd[1], "%010d", i); /* one line of 300 bytes, in 30 writes */
      usleep(1000);
    }
    dprintf(fd[1], "\nname:value:more\nno newline at the end");
    _exit(0);
  }
  close(fd[1]);
  FILE *f = fdopen(fd[0], "r");
  char *line = NULL;
  size_t cap = 0;
  ssize_t n;
  for (int i = 0; i < 3 && (n = getline(&line, &cap, f)) != -1; i++)
    printf("getline: %zd bytes, capacity %zu, starts \"%.12s\"\n", n, cap, line);
  while ((n = getdelim(&line, &cap, ':', f)) != -1)
    printf("getdelim ':': %zd [%s]\n", n, line);
  printf("at the end: %zd, feof %d\n", getline(&line, &cap, f), feof(f) != 0);
  free(line);
  errno = 0;
  n = getline(NULL, &cap, f);
  printf("NULL lineptr: %zd %s\n", n, strerror(errno));
  fclose(f);
  waitpid(p, NULL, 0);
  return 0;
}
