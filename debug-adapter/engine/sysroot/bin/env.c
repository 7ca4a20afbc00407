/* /bin/env (coreutils): runs a command in a changed environment, or prints the environment.
     env [-i] [-u NAME]... [NAME=VALUE]... [COMMAND [ARG]...]
   -i (or -) starts from an empty environment, -u removes NAME, NAME=VALUE sets it. Without a command,
   the resulting environment is printed, one NAME=VALUE a line; with one, it runs through execvp, and
   env exits 127 when the command is not found, 126 when it cannot be run, as coreutils' does. Its
   messages begin with argv[0], as error() begins them with program_invocation_name. Left
   out: -0, -C, -S, --split-string and the long options. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* getopt's complaint about option letter c, and coreutils' pointer to --help: exit status 125. */
static int usage(const char *prog, const char *what, char c)
{
  fprintf(stderr, "%s: %s -- '%c'\nTry '%s --help' for more information.\n", prog, what, c, prog);
  return 125;
}

int main(int argc, char **argv)
{
  int i = 1;

  for (; i < argc && argv[i][0] == '-'; i++) {
    if (strcmp(argv[i], "-i") == 0 || strcmp(argv[i], "-") == 0) {
      clearenv();
    } else if (strcmp(argv[i], "-u") == 0) {
      if (i + 1 == argc)
        return usage(argv[0], "option requires an argument", 'u');
      unsetenv(argv[++i]);
    } else if (strcmp(argv[i], "--") == 0) {
      i++;
      break;
    } else {
      return usage(argv[0], "invalid option", argv[i][1]);
    }
  }
  for (; i < argc && strchr(argv[i], '=') != NULL; i++) {
    if (putenv(argv[i]) != 0) {
      fprintf(stderr, "%s: cannot set '%s': %s\n", argv[0], argv[i], strerror(errno));
      return 125;
    }
  }
  if (i == argc) {
    for (char **e = environ; e != NULL && *e != NULL; e++)
      printf("%s\n", *e);
    return 0;
  }
  execvp(argv[i], argv + i);
  int err = errno;
  fprintf(stderr, "%s: '%s': %s\n", argv[0], argv[i], strerror(err));
  return err == ENOENT ? 127 : 126;
}
