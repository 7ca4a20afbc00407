/* A MAP_PRIVATE mapping of a regular file reads the file's pages, and sees write(2)s to a page until
   it writes the page itself: then the page is its own copy, which the file never sees and which no
   longer follows the file. After fork a private mapping stays copy-on-write between parent and child. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>
#define NAME "mmap_file_private.tmp"
static void file_at(int fd, off_t off, char *buf, size_t n) {
  memset(buf, 0, n);
  lseek(fd, off, SEEK_SET);
  read(fd, buf, n - 1);
}
int main(void) {
  char buf[16];
  int fd = open(NAME, O_RDWR | O_CREAT | O_TRUNC, 0600);
  write(fd, "hello", 5);
  lseek(fd, 4096, SEEK_SET);
  write(fd, "second", 6);
  char *p = mmap(NULL, 2 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
  if (p == MAP_FAILED) return 1;
  printf("reads the file: %s %s\n", p, p + 4096);
  lseek(fd, 0, SEEK_SET);
  write(fd, "HELLO", 5);
  printf("before its write, sees write(): %s\n", p);
  p[0] = 'j';
  file_at(fd, 0, buf, sizeof buf);
  printf("after its write: mapping %s, file %s\n", p, buf);
  lseek(fd, 1, SEEK_SET);
  write(fd, "ABCD", 4);
  printf("its copy no longer follows the file: %s\n", p);
  printf("the other page still does: %s\n", p + 4096);
  /* A MAP_SHARED mapping of the same file beside it. */
  char *s = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 4096);
  s[0] = 'S';
  printf("shared write seen by private's untouched page: %s\n", p + 4096);
  fflush(stdout);
  pid_t c = fork();
  if (c == 0) {
    p[1] = 'X';
    p[4097] = 'Y';
    printf("child: %s %s\n", p, p + 4096);
    fflush(stdout);
    _exit(0);
  }
  waitpid(c, NULL, 0);
  file_at(fd, 4096, buf, sizeof buf);
  printf("parent: %s %s, file %s\n", p, p + 4096, buf);
  munmap(p, 2 * 4096);
  munmap(s, 4096);
  /* A private writable mapping of a read-only descriptor is allowed: the file cannot change. */
  int ro = open(NAME, O_RDONLY);
  char *r = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE, ro, 0);
  r[0] = 'z';
  file_at(fd, 0, buf, sizeof buf);
  printf("read-only descriptor, private write: %s, file %s\n", r, buf);
  close(ro);
  close(fd);
  unlink(NAME);
  return 0;
}
