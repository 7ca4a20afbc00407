/* link and linkat: a second name for a file, the same inode with a link count of 2; the file lives on
   under the other names when one is unlinked. The errors: EEXIST, ENOENT (a missing file, a missing
   directory for the new name), EPERM for a directory, EXDEV to another mount (/dev/shm is a tmpfs of
   its own), EINVAL for an unknown flag. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>
int main(void) {
  int r;
  int fd = open("/tmp/forkscope_link_a", O_CREAT | O_WRONLY | O_TRUNC, 0644);
  write(fd, "hello\n", 6);
  close(fd);
  r = link("/tmp/forkscope_link_a", "/tmp/forkscope_link_b"); printf("link %d\n", r);
  struct stat a, b; stat("/tmp/forkscope_link_a", &a); stat("/tmp/forkscope_link_b", &b);
  printf("same inode %d, nlink %ld, size %ld\n", a.st_ino == b.st_ino, (long)b.st_nlink, (long)b.st_size);
  errno = 0; r = link("/tmp/forkscope_link_a", "/tmp/forkscope_link_b"); printf("again: %d errno %d\n", r, errno);
  errno = 0; r = link("/tmp/forkscope_nope", "/tmp/forkscope_link_c"); printf("missing: %d errno %d\n", r, errno);
  errno = 0; r = link("/tmp", "/tmp/forkscope_link_dir"); printf("dir: %d errno %d\n", r, errno);
  errno = 0; r = link("/tmp/forkscope_link_a", "/dev/shm/forkscope_link_x"); printf("across mounts: %d errno %d\n", r, errno);
  errno = 0; r = link("/tmp/forkscope_link_a", "/tmp/nodir/x"); printf("no parent: %d errno %d\n", r, errno);
  errno = 0; r = linkat(AT_FDCWD, "/tmp/forkscope_link_a", AT_FDCWD, "/tmp/forkscope_link_c", 0x8000); printf("bad flag: %d errno %d\n", r, errno);
  r = linkat(AT_FDCWD, "/tmp/forkscope_link_a", AT_FDCWD, "/tmp/forkscope_link_c", AT_SYMLINK_FOLLOW); printf("linkat %d\n", r);
  unlink("/tmp/forkscope_link_a");
  stat("/tmp/forkscope_link_b", &b); printf("after unlink of a: nlink %ld\n", (long)b.st_nlink);
  char buf[8] = {0}; fd = open("/tmp/forkscope_link_c", O_RDONLY); read(fd, buf, 6); close(fd); printf("c reads %s", buf);
  unlink("/tmp/forkscope_link_b"); unlink("/tmp/forkscope_link_c");
  return 0;
}
