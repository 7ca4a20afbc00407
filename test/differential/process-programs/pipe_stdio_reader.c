/* A child reads its stdin, a pipe, through stdio while the parent writes it in pieces with pauses:
   getchar, fgets and scanf each wait for the bytes they need (an empty pipe with a writer blocks
   read(2)), and the end of the input comes only when the parent closes its end. */
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void)
{
  int p[2];
  pipe(p);
  if (fork() == 0) {
    char line[64];
    int a = 0, b = 0;
    dup2(p[0], 0);
    close(p[0]);
    close(p[1]);
    int c = getchar();
    fgets(line, sizeof line, stdin);
    int r = scanf("%d %d", &a, &b);
    int after = getchar();
    printf("getchar '%c', fgets \"%.5s\", scanf %d: %d %d, then %d (feof %d)\n", c, line, r, a, b, after, feof(stdin) != 0);
    return 0;
  }
  close(p[0]);
  usleep(100000);
  write(p[1], "xhello\n", 7);
  usleep(100000);
  write(p[1], "12", 2);
  usleep(100000);
  write(p[1], " 34", 3);
  usleep(100000);
  close(p[1]);
  int status;
  wait(&status);
  printf("child exited %d\n", WEXITSTATUS(status));
  return 0;
}
