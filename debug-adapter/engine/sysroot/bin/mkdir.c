/* /bin/mkdir: makes each directory named (mode 0777 less the umask), reporting each it cannot make as
   coreutils' mkdir does in the C locale, with exit status 1 (no options). */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

int main(int argc, char **argv)
{
  if (argc < 2) {
    fprintf(stderr, "mkdir: missing operand\nTry 'mkdir --help' for more information.\n");
    return 1;
  }
  int status = 0;
  for (int i = 1; i < argc; i++) {
    if (mkdir(argv[i], 0777) < 0) {
      fprintf(stderr, "mkdir: cannot create directory '%s': %s\n", argv[i], strerror(errno));
      status = 1;
    }
  }
  return status;
}
