/* mmap, munmap and mprotect: the errno of each bad argument, as Linux checks them, and MAP_FIXED,
   MAP_FIXED_NOREPLACE, /dev/zero mappings and unmapping part of a mapping. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/mman.h>
#include <unistd.h>
static void show(const char *what, void *p) {
  if (p == MAP_FAILED) printf("%s: MAP_FAILED errno %d\n", what, errno);
  else printf("%s: ok\n", what);
  errno = 0;
}
static void showi(const char *what, int r) {
  printf("%s: %d errno %d\n", what, r, r < 0 ? errno : 0);
  errno = 0;
}
int main(void) {
  setvbuf(stdout, NULL, _IONBF, 0);
  show("len 0", mmap(NULL, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
  show("type 0", mmap(NULL, 4096, PROT_READ, MAP_ANONYMOUS, -1, 0));
  show("shared_validate anon", mmap(NULL, 4096, PROT_READ, MAP_SHARED_VALIDATE | MAP_ANONYMOUS, -1, 0));
  show("shared_validate anon bad flag", mmap(NULL, 4096, PROT_READ, MAP_SHARED_VALIDATE | MAP_ANONYMOUS | 0x400000, -1, 0));
  show("offset unaligned", mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 100));
  show("fixed unaligned", mmap((void *)0x10000100, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0));
  show("no anon fd -1", mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, -1, 0));
  int dn = open("/dev/null", O_RDWR);
  show("/dev/null", mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, dn, 0));
  int zw = open("/dev/zero", O_WRONLY);
  show("/dev/zero wronly", mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, zw, 0));
  int zr = open("/dev/zero", O_RDONLY);
  show("/dev/zero rdonly shared write", mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, zr, 0));
  show("/dev/zero rdonly private write", mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE, zr, 0));
  int pfd[2]; pipe(pfd);
  show("pipe", mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, pfd[0], 0));
  show("hugetlb", mmap(NULL, 2 << 20, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_HUGETLB, -1, 0));
  show("huge len", mmap(NULL, (size_t)-4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
  char *p = mmap(NULL, 3 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  show("three pages", p);
  show("noreplace over it", mmap(p + 4096, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0));
  printf("fixed over it same: %d\n", mmap(p + 4096, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) == p + 4096);
  showi("munmap unaligned", munmap(p + 1, 4096));
  showi("munmap len 0", munmap(p, 0));
  showi("munmap middle", munmap(p + 4096, 4096));
  showi("munmap again", munmap(p + 4096, 4096));
  showi("mprotect unaligned", mprotect(p + 1, 4096, PROT_READ));
  showi("mprotect len 0", mprotect(p, 0, PROT_READ));
  showi("mprotect hole", mprotect(p, 3 * 4096, PROT_READ));
  showi("mprotect bad prot", mprotect(p, 4096, 0x10));
  showi("mprotect ok", mprotect(p, 4096, PROT_READ));
  showi("mprotect unmapped", mprotect((void *)0x100000000, 4096, PROT_READ));
  return 0;
}
