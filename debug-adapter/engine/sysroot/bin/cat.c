/* /bin/cat: copies each file named, in turn, to standard output; standard input when none is named or
   for "-". A file that cannot be read is reported as coreutils' cat reports it, and makes the exit
   status 1 (no options). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static int copy(int fd)
{
  char buf[512];
  long n;
  while ((n = read(fd, buf, sizeof buf)) > 0)
    if (write(1, buf, n) != n)
      return -1;
  return n < 0 ? -1 : 0;
}

static int cat_file(const char *name)
{
  if (strcmp(name, "-") == 0)
    return copy(0);
  int fd = open(name, O_RDONLY);
  if (fd < 0)
    return -1;
  int r = copy(fd);
  int saved = errno;
  close(fd);
  errno = saved;
  return r;
}

int main(int argc, char **argv)
{
  if (argc < 2)
    return copy(0) < 0;
  int status = 0;
  for (int i = 1; i < argc; i++) {
    if (cat_file(argv[i]) < 0) {
      fprintf(stderr, "cat: %s: %s\n", argv[i], strerror(errno));
      status = 1;
    }
  }
  return status;
}
