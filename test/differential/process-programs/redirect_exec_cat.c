/* redirect_exec_cat.c: a shell's "echo ... > file" by hand, as OSTEP's p4.c does it: the child closes
   its stdout, so open() returns the lowest free descriptor, 1, and the program it execs writes to the
   file without knowing. The parent waits, then has cat print the file, and a missing one. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static void run(char *const argv[])
{
  pid_t p = fork();
  if (p == 0) {
    execvp(argv[0], argv);
    perror("execvp");
    _exit(127);
  }
  int status;
  waitpid(p, &status, 0);
  printf("[%s exited with %d]\n", argv[0], WEXITSTATUS(status));
  fflush(stdout);
}

int main(void)
{
  const char *name = "./redirect_exec_cat.output";
  pid_t rc = fork();
  if (rc == 0) {
    close(STDOUT_FILENO);
    int fd = open(name, O_CREAT | O_WRONLY | O_TRUNC, S_IRWXU);
    char *myargs[] = {strdup("echo"), strdup("written"), strdup("by"), strdup("echo"), NULL};
    if (fd != STDOUT_FILENO)
      _exit(2);
    execvp(myargs[0], myargs);
    _exit(1);
  }
  int status;
  waitpid(rc, &status, 0);
  printf("child exited with %d\n", WEXITSTATUS(status));
  fflush(stdout);
  char *cat[] = {"cat", (char *)name, NULL};
  run(cat);
  char *missing[] = {"cat", "./redirect_exec_cat.missing", (char *)name, NULL};
  run(missing);
  unlink(name);
  return 0;
}
