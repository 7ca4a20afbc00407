/* glibc's string/strdup.c and strndup.c: a copy in memory from malloc. */
#include <stdlib.h>
#include <string.h>

char *strdup(const char *s)
{
  size_t len = strlen(s) + 1;
  char *copy = malloc(len);

  if (copy == NULL)
    return NULL;
  return memcpy(copy, s, len);
}

char *strndup(const char *s, size_t n)
{
  size_t len = strnlen(s, n);
  char *copy = malloc(len + 1);

  if (copy == NULL)
    return NULL;
  copy[len] = '\0';
  return memcpy(copy, s, len);
}
