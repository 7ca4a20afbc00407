/* A MAP_SHARED mapping of a regular file is the file's own pages: a parent and its child share a
   counter through it, read(2) sees what the mapping wrote and the mapping sees what write(2) wrote;
   another mapping of the same file (at another address, or at a page offset) shows the same bytes;
   the data outlives munmap, close and the child's exit. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>
#define NAME "mmap_file_shared_fork.tmp"
int main(void) {
  int fd = open(NAME, O_RDWR | O_CREAT | O_TRUNC, 0600);
  if (ftruncate(fd, 2 * 4096) != 0) return 1;
  int *counter = mmap(NULL, 2 * 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
  if (counter == MAP_FAILED) return 2;
  printf("zeroed: %d %d\n", counter[0], counter[2000]);
  for (int round = 1; round <= 3; round++) {
    pid_t p = fork();
    if (p == 0) {
      for (int i = 0; i < 100; i++) counter[0]++;
      _exit(0);
    }
    waitpid(p, NULL, 0);
    counter[0] += 1000;
    printf("after child %d: %d\n", round, counter[0]);
  }
  int v = 0;
  lseek(fd, 0, SEEK_SET);
  read(fd, &v, sizeof v);
  printf("read() sees: %d\n", v);
  v = 4242;
  lseek(fd, 4096, SEEK_SET);
  write(fd, &v, sizeof v);
  printf("mapping sees write(): %d\n", counter[1024]);
  /* The second page on its own, from offset 4096: the same page as counter[1024]. */
  int *second = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 4096);
  second[1] = 77;
  printf("offset mapping: %d, first mapping: %d\n", second[0], counter[1025]);
  /* A child writes through a mapping, unmaps it, closes and exits: the file keeps it. */
  pid_t p = fork();
  if (p == 0) {
    counter[2] = 99;
    strcpy((char *)&counter[3], "written by the child");
    munmap(counter, 2 * 4096);
    close(fd);
    _exit(0);
  }
  waitpid(p, NULL, 0);
  munmap(second, 4096);
  munmap(counter, 2 * 4096);
  close(fd);
  fd = open(NAME, O_RDONLY);
  char buf[64] = {0};
  lseek(fd, 8, SEEK_SET);
  read(fd, &v, sizeof v);
  read(fd, buf, 20);
  printf("after munmap, close and exit: %d \"%s\"\n", v, buf);
  close(fd);
  unlink(NAME);
  return 0;
}
