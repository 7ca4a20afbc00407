/* madvise: MADV_DONTNEED drops a private mapping's pages (they read as zeros again, in this process
   only) and leaves a shared mapping's data in place; the errors of bad arguments, and a range with a
   hole, which is advised where it is mapped and fails with ENOMEM. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>
static void show(const char *what, int r) {
  printf("%s: %d errno %d\n", what, r, r < 0 ? errno : 0);
  errno = 0;
}
int main(void) {
  setvbuf(stdout, NULL, _IONBF, 0);
  char *p = mmap(NULL, 3 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  memset(p, 'x', 3 * 4096);
  show("dontneed first page", madvise(p, 4096, MADV_DONTNEED));
  printf("first page: %d, second page: %c\n", p[0], p[4096]);
  char *q = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
  strcpy(q, "shared");
  show("dontneed shared", madvise(q, 4096, MADV_DONTNEED));
  printf("shared page: %s\n", q);
  pid_t pid = fork();
  if (pid == 0) {
    madvise(p + 4096, 4096, MADV_DONTNEED);
    printf("child after dontneed: %d\n", p[4096]);
    _exit(0);
  }
  waitpid(pid, NULL, 0);
  printf("parent keeps: %c\n", p[4096]);
  show("unaligned", madvise(p + 1, 4096, MADV_DONTNEED));
  show("unknown advice", madvise(p, 4096, 99));
  show("length 0", madvise(p, 0, MADV_DONTNEED));
  show("willneed", madvise(p, 3 * 4096, MADV_WILLNEED));
  show("wraps", madvise(p, (size_t)-4096, MADV_DONTNEED));
  munmap(p + 4096, 4096);
  show("over a hole", madvise(p, 3 * 4096, MADV_DONTNEED));
  printf("third page after: %d\n", p[8192]);
  show("unmapped", madvise((void *)0x100000000, 4096, MADV_DONTNEED));
  char *g = mmap(NULL, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  show("PROT_NONE page", madvise(g, 4096, MADV_DONTNEED));
  return 0;
}
