/* uaccess_efault.c: what a system call does with a buffer that runs into unmapped memory. A file's
   read or write copies up to the fault (a short count); one that starts there fails with EFAULT and
   takes nothing. A pipe copies what it takes whole or fails, so the bytes stay for the next read. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
static void show(const char *what, long r) { if (r < 0) printf("%s = -1 %s\n", what, strerror(errno)); else printf("%s = %ld\n", what, r); }
int main(void) {
  setvbuf(stdout, NULL, _IONBF, 0);
  char *page = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  char *edge = page + 4096 - 4; /* 4 bytes before unmapped memory */
  munmap(page + 4096, 4096);
  int fd = open("./uaccess_efault.tmp", O_RDWR | O_CREAT | O_TRUNC, 0600);
  show("write from the edge", write(fd, edge, 10));
  lseek(fd, 0, SEEK_SET);
  write(fd, "0123456789", 10);
  lseek(fd, 0, SEEK_SET);
  show("read to the edge", read(fd, edge, 10));
  show("offset", lseek(fd, 0, SEEK_CUR));
  show("read to NULL", read(fd, NULL, 3));
  show("offset", lseek(fd, 0, SEEK_CUR));
  int p[2];
  pipe(p);
  write(p[1], "abcdefgh", 8);
  show("pipe read to the edge", read(p[0], edge, 8));
  show("pipe read to NULL", read(p[0], NULL, 8));
  char buf[16] = {0};
  show("pipe read", read(p[0], buf, sizeof buf));
  printf("'%s'\n", buf);
  show("pipe write from the edge", write(p[1], edge, 10));
  show("pipe write from NULL", write(p[1], NULL, 10));
  show("fstat to NULL", fstat(fd, NULL));
  show("pipe2 to NULL", pipe((int *)NULL));
  show("open of NULL", open(NULL, O_RDONLY));
  unlink("./uaccess_efault.tmp");
  return 0;
}
