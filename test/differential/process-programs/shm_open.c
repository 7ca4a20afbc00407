/* POSIX shared memory: shm_open makes /dev/shm/NAME, ftruncate sizes it, and a child that opens the
   same name and maps it writes where the parent's mapping sees it. The errors glibc and the kernel
   give (EEXIST with O_EXCL, EINVAL for an empty name, a slash inside or a name too long, ENOENT for a
   missing one and for shm_unlink of a bad name), a mapping outliving shm_unlink, and the modes of
   /dev/shm and /tmp (world-writable, sticky). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
int main(void) {
  int r;
  int fd = shm_open("/forkscope_shm_open_test", O_CREAT | O_EXCL | O_RDWR, 0600);
  printf("shm_open %d\n", fd >= 0);
  ftruncate(fd, 4096);
  struct stat st; fstat(fd, &st); printf("size %ld mode %o\n", (long)st.st_size, st.st_mode & 07777);
  int *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
  close(fd);
  if (fork() == 0) {
    int fd2 = shm_open("forkscope_shm_open_test", O_RDWR, 0);
    int *q = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd2, 0);
    q[0] = 1234;
    _exit(0);
  }
  wait(NULL);
  printf("the child wrote %d through its own mapping\n", p[0]);
  errno = 0; r = shm_open("/forkscope_shm_open_test", O_CREAT | O_EXCL | O_RDWR, 0600); printf("again with O_EXCL: %d errno %d\n", r, errno);
  errno = 0; r = shm_open("/", O_RDWR, 0); printf("empty name: %d errno %d\n", r, errno);
  errno = 0; r = shm_open("/a/b", O_RDWR, 0); printf("slash inside: %d errno %d\n", r, errno);
  char longname[300]; memset(longname, 'x', 299); longname[299] = 0;
  errno = 0; r = shm_open(longname, O_RDWR | O_CREAT, 0600); printf("too long: %d errno %d\n", r, errno);
  errno = 0; r = shm_open("/forkscope_no_such", O_RDWR, 0); printf("missing: %d errno %d\n", r, errno);
  printf("unlink %d\n", shm_unlink("/forkscope_shm_open_test"));
  errno = 0; r = shm_unlink("/forkscope_shm_open_test"); printf("unlink again %d errno %d\n", r, errno);
  errno = 0; r = shm_unlink("/a/b"); printf("unlink bad name %d errno %d\n", r, errno);
  printf("still mapped: %d\n", p[0]);
  struct stat d; stat("/dev/shm", &d); printf("/dev/shm mode %o, /tmp mode ", d.st_mode & 07777); stat("/tmp", &d); printf("%o\n", d.st_mode & 07777);
  return 0;
}
