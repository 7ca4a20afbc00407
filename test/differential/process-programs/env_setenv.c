/* env_setenv.c: the environment is the process's own array of NAME=value strings. setenv adds at the
   end or replaces in place (unless told not to), putenv puts the caller's very string in it, unsetenv
   removes, clearenv empties. A forked child gets a copy; execl passes environ on, execle an array of
   the caller's (execve, execle); /bin/env prints what it got, or changes it for a command it runs. The environment
   starts empty (clearenv), so the output does not depend on the one the program was started with. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

static void show_environ(const char *who)
{
  printf("%s:", who);
  for (char **e = environ; e != NULL && *e != NULL; e++)
    printf(" %s", *e);
  printf("\n");
}

static void run(char *const argv[], char *const envp[])
{
  fflush(stdout);
  pid_t p = fork();
  if (p == 0) {
    if (envp)
      execve(argv[0], argv, envp);
    else
      execv(argv[0], argv);
    _exit(99);
  }
  int status;
  waitpid(p, &status, 0);
  printf("[%s exited with %d]\n", argv[0], WEXITSTATUS(status));
}

int main(void)
{
  char d[] = "D=4";

  clearenv();
  printf("after clearenv, environ is NULL: %d\n", environ == NULL);
  setenv("B", "2", 1);
  setenv("A", "1", 0);
  setenv("B", "two", 0);
  printf("B (not replaced) = %s\n", getenv("B"));
  setenv("B", "zwei", 1);
  putenv("C=3");
  putenv(d);
  d[2] = '5';
  show_environ("parent");
  int r = setenv("", "x", 1);
  printf("setenv(\"\"): %d %s\n", r, strerror(errno));
  errno = 0;
  r = setenv("X=Y", "x", 1);
  printf("setenv(\"X=Y\"): %d %s\n", r, strerror(errno));
  errno = 0;
  r = unsetenv("A=");
  printf("unsetenv(\"A=\"): %d %s\n", r, strerror(errno));
  printf("unsetenv(\"NOPE\"): %d\n", unsetenv("NOPE"));
  putenv("C");
  printf("putenv(\"C\") removes C: %s\n", getenv("C") == NULL ? "yes" : "no");

  fflush(stdout);
  pid_t p = fork();
  if (p == 0) {
    setenv("CHILD", "yes", 1);
    unsetenv("A");
    show_environ("child");
    fflush(stdout);
    _exit(0);
  }
  waitpid(p, NULL, 0);
  show_environ("parent after the child");

  char *env_argv[] = {"/bin/env", NULL};
  run(env_argv, NULL);
  char *custom[] = {"ONLY=this", "AND=that", NULL};
  run(env_argv, custom);
  char *changed[] = {"/bin/env", "-u", "B", "E=5", "/bin/env", NULL};
  run(changed, NULL);
  char *cleared[] = {"/bin/env", "-i", "F=6", NULL};
  run(cleared, NULL);
  char *missing[] = {"/bin/env", "/no/such/program", NULL};
  run(missing, NULL);
  char *bad_option[] = {"/bin/env", "-x", NULL};
  run(bad_option, NULL);
  char *no_name[] = {"/bin/env", "-u", NULL};
  run(no_name, NULL);

  /* execle takes the environment after the arguments' NULL. */
  fflush(stdout);
  p = fork();
  if (p == 0) {
    execle("/bin/env", "env", (char *)NULL, custom);
    _exit(99);
  }
  int status;
  waitpid(p, &status, 0);
  printf("[execle'd env exited with %d]\n", WEXITSTATUS(status));

  clearenv();
  setenv("LAST", "1", 1);
  show_environ("after clearenv and setenv");
  return 0;
}
