/* Process startup: the VM calls __libc_start_main, which runs main and exits with its result. */
#include <stdlib.h>

char **environ;

int __libc_start_main(int (*main)(int, char **, char **), int argc, char **argv, char **envp)
{
  environ = envp;
  exit(main(argc, argv, envp));
  return 0;
}
