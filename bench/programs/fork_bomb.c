/* fork_bomb.c: forks until the kernel has no PID left (EAGAIN), every child blocked on a pipe; then
   lets them all go and reaps them. Prints the number of children once fork fails, before the reaping. */
#include <errno.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>
int main(void) {
  int gate[2];
  pipe(gate);
  int children = 0;
  for (;;) {
    pid_t p = fork();
    if (p < 0) {
      if (errno != EAGAIN) { perror("fork"); return 1; }
      break;
    }
    if (p == 0) {
      char c;
      close(gate[1]);
      read(gate[0], &c, 1);
      _exit(0);
    }
    children++;
  }
  printf("%d\n", children);
  fflush(stdout);
  close(gate[1]);
  int reaped = 0;
  while (wait(NULL) > 0)
    reaped++;
  return reaped == children ? 0 : 1;
}
