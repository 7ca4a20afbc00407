/* /sbin/rmmod NAME: removes a kernel module (kmod's rmmod); its module_exit function runs here. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#define O_NONBLOCK 04000

int delete_module(const char *name, unsigned int flags);

int main(int argc, char **argv)
{
  if (argc < 2) {
    fprintf(stderr, "rmmod: ERROR: missing module name.\n");
    return 1;
  }
  if (delete_module(argv[1], O_NONBLOCK) < 0) {
    if (errno == ENOENT)
      fprintf(stderr, "rmmod: ERROR: Module %s is not currently loaded\n", argv[1]);
    else
      fprintf(stderr, "rmmod: ERROR: could not remove module %s: %s\n", argv[1], strerror(errno));
    return 1;
  }
  return 0;
}
