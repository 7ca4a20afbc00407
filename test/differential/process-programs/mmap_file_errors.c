/* mmap of regular files: the errors Linux gives (an unaligned offset, a descriptor not open for
   reading, a shared writable mapping of one not open for writing, a directory, an offset too large),
   what is allowed (an offset past the end, a private writable mapping of a read-only descriptor),
   mprotect's EACCES for a shared mapping of a read-only descriptor, and msync's argument checks. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#define NAME "mmap_file_errors.tmp"
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
  int rw = open(NAME, O_RDWR | O_CREAT | O_TRUNC, 0600);
  ftruncate(rw, 3 * 4096);
  int ro = open(NAME, O_RDONLY);
  int wo = open(NAME, O_WRONLY);
  int ap = open(NAME, O_RDWR | O_APPEND);
  show("unaligned offset", mmap(NULL, 4096, PROT_READ, MAP_SHARED, rw, 100));
  show("write-only private read", mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, wo, 0));
  show("write-only shared write", mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, wo, 0));
  show("read-only shared write", mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, ro, 0));
  show("read-only shared_validate write", mmap(NULL, 4096, PROT_WRITE, MAP_SHARED_VALIDATE, ro, 0));
  show("shared_validate bad flag", mmap(NULL, 4096, PROT_READ, MAP_SHARED_VALIDATE | 0x400000, rw, 0));
  show("no type", mmap(NULL, 4096, PROT_READ, 0, rw, 0));
  show("read-only private write", mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE, ro, 0));
  show("append shared write", mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, ap, 0));
  show("offset past the end", mmap(NULL, 4096, PROT_READ, MAP_SHARED, rw, 1 << 20));
  show("longer than the file", mmap(NULL, 10 * 4096, PROT_READ, MAP_SHARED, rw, 0));
  /* file_mmap_ok: the mapping must end within MAX_LFS_FILESIZE (ULONG_MAX for /dev/zero): EOVERFLOW. */
  show("offset 2^62", mmap(NULL, 4096, PROT_READ, MAP_SHARED, rw, 1L << 62));
  show("offset -4096", mmap(NULL, 4096, PROT_READ, MAP_SHARED, rw, -4096));
  show("offset 2^63-4096", mmap(NULL, 4096, PROT_READ, MAP_SHARED, rw, (off_t)((1UL << 63) - 4096)));
  show("offset 2^63-8192", mmap(NULL, 4096, PROT_READ, MAP_SHARED, rw, (off_t)((1UL << 63) - 8192)));
  show("offset 2^63-8192, 2 pages", mmap(NULL, 8192, PROT_READ, MAP_SHARED, rw, (off_t)((1UL << 63) - 8192)));
  int zero = open("/dev/zero", O_RDWR);
  show("/dev/zero offset -4096", mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, zero, -4096));
  show("/dev/zero offset -8192", mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, zero, -8192));
  close(zero);
  show("prot none", mmap(NULL, 4096, PROT_NONE, MAP_SHARED, rw, 0));
  mkdir("mmap_file_errors.dir", 0700);
  int dir = open("mmap_file_errors.dir", O_RDONLY | O_DIRECTORY);
  show("directory", mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, dir, 0));
  close(dir);
  rmdir("mmap_file_errors.dir");
  char *shared_ro = mmap(NULL, 2 * 4096, PROT_READ, MAP_SHARED, ro, 0);
  show("read-only shared read", shared_ro);
  showi("mprotect it writable", mprotect(shared_ro, 4096, PROT_READ | PROT_WRITE));
  showi("mprotect it exec", mprotect(shared_ro, 4096, PROT_READ | PROT_EXEC));
  showi("mprotect it none", mprotect(shared_ro, 4096, PROT_NONE));
  char *priv_ro = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, ro, 0);
  showi("mprotect private of read-only writable", mprotect(priv_ro, 4096, PROT_READ | PROT_WRITE));
  char *shared_rw = mmap(NULL, 4096, PROT_READ, MAP_SHARED, rw, 0);
  showi("mprotect shared of read-write writable", mprotect(shared_rw, 4096, PROT_READ | PROT_WRITE));
  shared_rw[0] = 1;
  showi("msync sync", msync(shared_rw, 4096, MS_SYNC));
  showi("msync async", msync(shared_rw, 4096, MS_ASYNC));
  showi("msync invalidate", msync(shared_rw, 4096, MS_INVALIDATE));
  showi("msync private", msync(priv_ro, 4096, 0));
  showi("msync sync|async", msync(shared_rw, 4096, MS_SYNC | MS_ASYNC));
  showi("msync unknown flag", msync(shared_rw, 4096, 8));
  showi("msync unaligned", msync(shared_rw + 1, 4096, MS_SYNC));
  showi("msync zero length", msync(shared_rw, 0, MS_SYNC));
  showi("msync wrapping", msync(shared_rw, (size_t)-4096, MS_SYNC));
  munmap(shared_ro + 4096, 4096);
  showi("msync over a hole", msync(shared_ro, 2 * 4096, MS_SYNC));
  showi("msync async over a hole", msync(shared_ro, 2 * 4096, MS_ASYNC));
  showi("msync unmapped", msync((void *)0x100000000, 4096, MS_INVALIDATE));
  close(ro);
  close(wo);
  close(ap);
  close(rw);
  unlink(NAME);
  return 0;
}
