/* getenv (glibc's stdlib/getenv.c): a walk over environ, the NAME=value strings the program was
   started with (start.c sets environ from execve's envp). */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

char *getenv(const char *name)
{
  size_t len;
  char **ep;

  if (environ == NULL || name[0] == '\0')
    return NULL;
  len = strlen(name);
  for (ep = environ; *ep != NULL; ++ep) {
    if (name[0] == (*ep)[0] && strncmp(name, *ep, len) == 0 && (*ep)[len] == '=')
      return *ep + len + 1;
  }
  return NULL;
}
