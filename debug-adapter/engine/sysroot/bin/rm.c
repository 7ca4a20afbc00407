/* /bin/rm: removes each file named, reporting each it cannot remove as coreutils' rm does in the C
   locale (a directory too: rm without -r removes none), with exit status 1 (no options). */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
  if (argc < 2) {
    fprintf(stderr, "rm: missing operand\nTry 'rm --help' for more information.\n");
    return 1;
  }
  int status = 0;
  for (int i = 1; i < argc; i++) {
    if (unlink(argv[i]) < 0) {
      fprintf(stderr, "rm: cannot remove '%s': %s\n", argv[i], strerror(errno));
      status = 1;
    }
  }
  return status;
}
