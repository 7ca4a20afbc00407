/* setenv, unsetenv, putenv and clearenv, as glibc's stdlib/setenv.c and putenv.c make them. environ
   starts as execve's envp on the new stack (start.c). The first variable added gives the process an
   array of its own on the heap, which later additions grow with realloc; a NAME=value made by setenv is
   a malloc'ed string, one given to putenv is the caller's own (changing it changes the environment).
   Each change is seen by what reads environ later: getenv, and execl, execvp, system and posix_spawn,
   which pass it to the next program. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The array setenv last made, which it may realloc and clearenv may free; environ may point elsewhere
   (the startup array, or one a program assigned). */
static char **last_environ;

/* A name setenv and unsetenv accept: not empty, without '='. */
static int bad_name(const char *name)
{
  return name == NULL || *name == '\0' || strchr(name, '=') != NULL;
}

/* __add_to_environ: NAME=VALUE (or `combined`, the caller's string) replaces NAME's entry when `replace`
   is set, or goes at the end of the array when there is none. -1 when no memory is left. */
static int add_to_environ(const char *name, const char *value, char *combined, int replace)
{
  size_t namelen = strlen(name);
  size_t size = 0;
  char **ep = environ;

  if (ep != NULL) {
    for (; *ep != NULL; ++ep) {
      if (strncmp(*ep, name, namelen) == 0 && (*ep)[namelen] == '=')
        break;
      ++size;
    }
  }
  if (ep == NULL || *ep == NULL) {
    char **new_environ = realloc(last_environ, (size + 2) * sizeof(char *));
    if (new_environ == NULL)
      return -1;
    if (environ != last_environ)
      memcpy(new_environ, environ, size * sizeof(char *));
    new_environ[size] = NULL;
    new_environ[size + 1] = NULL;
    ep = new_environ + size;
    last_environ = environ = new_environ;
  }
  if (*ep == NULL || replace) {
    char *np = combined;
    if (np == NULL) {
      size_t vallen = strlen(value) + 1;
      np = malloc(namelen + 1 + vallen);
      if (np == NULL)
        return -1;
      memcpy(np, name, namelen);
      np[namelen] = '=';
      memcpy(np + namelen + 1, value, vallen);
    }
    *ep = np;
  }
  return 0;
}

int setenv(const char *name, const char *value, int replace)
{
  if (bad_name(name)) {
    errno = EINVAL;
    return -1;
  }
  return add_to_environ(name, value, NULL, replace);
}

/* Every NAME=... entry goes; the later pointers move down over it. */
int unsetenv(const char *name)
{
  size_t len;
  char **ep;

  if (bad_name(name)) {
    errno = EINVAL;
    return -1;
  }
  len = strlen(name);
  ep = environ;
  if (ep != NULL) {
    while (*ep != NULL) {
      if (strncmp(*ep, name, len) == 0 && (*ep)[len] == '=') {
        char **dp = ep;
        do
          dp[0] = dp[1];
        while (*dp++);
      } else {
        ++ep;
      }
    }
  }
  return 0;
}

/* NAME=value puts the string itself in the environment; a string without '=' removes NAME. */
int putenv(char *string)
{
  const char *name_end = strchr(string, '=');

  if (name_end != NULL) {
    char *name = strndup(string, name_end - string);
    int result;
    if (name == NULL)
      return -1;
    result = add_to_environ(name, NULL, string, 1);
    free(name);
    return result;
  }
  unsetenv(string);
  return 0;
}

/* No environment at all: environ is NULL, and the array setenv made is freed. */
int clearenv(void)
{
  if (environ == last_environ && environ != NULL) {
    free(environ);
    last_environ = NULL;
  }
  environ = NULL;
  return 0;
}
