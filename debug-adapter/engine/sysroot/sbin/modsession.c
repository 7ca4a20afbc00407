/* /sbin/modsession NAME [SECONDS]: what a student types to try a module, `insmod NAME.ko && rmmod NAME`,
   with the module given the time its kernel threads need: rmmod runs once insmod and everything it
   started in user space are gone, so only the module's kernel threads are left; or, given SECONDS,
   `insmod NAME.ko && sleep SECONDS && rmmod NAME`. Exits with the status of the last command it ran. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/wait.h>
#include <unistd.h>

static int run(char *const argv[])
{
  int status;
  pid_t pid = fork();
  if (pid < 0) {
    perror("modsession: fork");
    return 1;
  }
  if (pid == 0) {
    execv(argv[0], argv);
    perror(argv[0]);
    _exit(127);
  }
  waitpid(pid, &status, 0);
  while (wait(NULL) > 0)
    ;
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

int main(int argc, char **argv)
{
  char ko[64];
  int status;

  if (argc < 2) {
    fprintf(stderr, "modsession: missing module name\n");
    return 2;
  }
  snprintf(ko, sizeof ko, "%s.ko", argv[1]);
  char *insmod[] = { "/sbin/insmod", ko, NULL };
  char *rmmod[] = { "/sbin/rmmod", argv[1], NULL };
  status = run(insmod);
  if (status != 0)
    return status;
  if (argc > 2) {
    double seconds = atof(argv[2]);
    struct timespec delay = { (time_t)seconds, (long)((seconds - (time_t)seconds) * 1e9) };
    nanosleep(&delay, NULL);
  }
  return run(rmmod);
}
