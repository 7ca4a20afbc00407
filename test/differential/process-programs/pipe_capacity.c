#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
/* A pipe holds 16 pages, as on Linux: a non-blocking writer of 1000-byte records fills 64000 bytes,
   one more byte merges into the last page, a write finds room only when a whole page is free (and
   then takes a page, 4096 bytes), and a blocking write of 100000 bytes completes while the child
   reads. */
int main(void) {
  int p[2]; char buf[100000]; memset(buf, 'x', sizeof buf);
  pipe(p);
  fcntl(p[1], F_SETFL, O_NONBLOCK);
  long total = 0; ssize_t n;
  while ((n = write(p[1], buf, 1000)) > 0) total += n;
  printf("nonblocking: filled %ld, then %zd %s\n", total, n, strerror(errno));
  n = write(p[1], buf, 1);
  printf("one more byte: %zd\n", n);
  char r[5000]; read(p[0], r, 100);
  n = write(p[1], buf, 1000); printf("after reading 100: %zd %s\n", n, n < 0 ? strerror(errno) : "ok");
  n = write(p[1], buf, 5000); printf("5000 into 100 free: %zd %s\n", n, n < 0 ? strerror(errno) : "ok");
  read(p[0], r, 5000);
  n = write(p[1], buf, 5000); printf("5000 into 5000 free: %zd %s\n", n, n < 0 ? strerror(errno) : "ok");
  fcntl(p[1], F_SETFL, 0);
  /* A blocking writer: the child reads it all, so the 100000-byte write completes. */
  pipe(p);
  if (fork() == 0) { close(p[1]); long got = 0; while ((n = read(p[0], r, sizeof r)) > 0) got += n; printf("child read %ld\n", got); _exit(0); }
  close(p[0]);
  n = write(p[1], buf, sizeof buf);
  printf("blocking write of 100000: %zd\n", n);
  fflush(stdout);
  close(p[1]);
  wait(NULL);
  return 0;
}
