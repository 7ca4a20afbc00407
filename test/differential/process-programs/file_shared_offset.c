/* file_shared_offset.c: regular files as the kernel keeps them. open(O_CREAT) applies the umask, a write
   past the end leaves a hole of zeros, and fork and dup share one open file and so one offset: the
   child's, the parent's and the dup's writes follow each other. O_APPEND writes at the end whatever
   the offset; an unlinked file lives on while it is open. Every file made is unlinked again. */
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/wait.h>
static void show(const char *what, long r) { printf("%s = %ld%s%s\n", what, r, r < 0 ? " " : "", r < 0 ? strerror(errno) : ""); }
int main(void) {
  const char *name = "./file_shared_offset.tmp";
  unlink(name);
  int fd = open(name, O_CREAT | O_WRONLY | O_TRUNC, 0666);
  show("open", fd >= 0);
  struct stat st;
  fstat(fd, &st);
  printf("mode %o size %ld nlink %ld blocks %ld\n", st.st_mode, (long)st.st_size, (long)st.st_nlink, (long)st.st_blocks);
  show("write", write(fd, "hello\n", 6));
  show("lseek end+4", lseek(fd, 4, SEEK_END));
  show("write", write(fd, "X", 1));
  fstat(fd, &st);
  printf("size %ld blocks %ld\n", (long)st.st_size, (long)st.st_blocks);
  show("read wronly", read(fd, &st, 1));
  show("open excl", open(name, O_CREAT | O_EXCL | O_RDWR, 0600));
  int r = open(name, O_RDONLY);
  char buf[32];
  long n = read(r, buf, sizeof buf);
  printf("read %ld:", n);
  for (long i = 0; i < n; i++) printf(" %02x", (unsigned char)buf[i]);
  printf("\n");
  show("read eof", read(r, buf, sizeof buf));
  show("write rdonly", write(r, "a", 1));
  close(r);
  /* the offset is shared by fork and dup: the writes follow each other */
  pid_t p = fork();
  if (p == 0) { write(fd, "child\n", 6); _exit(0); }
  waitpid(p, NULL, 0);
  write(fd, "parent\n", 7);
  int d = dup(fd);
  write(d, "dup\n", 4);
  show("offset", lseek(fd, 0, SEEK_CUR));
  close(d);
  int a = open(name, O_WRONLY | O_APPEND);
  show("append lseek set 0", lseek(a, 0, SEEK_SET));
  write(a, "end\n", 4);
  show("append offset", lseek(a, 0, SEEK_CUR));
  close(a);
  stat(name, &st);
  printf("stat size %ld mode %o\n", (long)st.st_size, st.st_mode);
  show("unlink", unlink(name));
  show("fstat after unlink", fstat(fd, &st));
  printf("nlink %ld size %ld\n", (long)st.st_nlink, (long)st.st_size);
  show("write after unlink", write(fd, "z", 1));
  show("stat after unlink", stat(name, &st));
  show("unlink again", unlink(name));
  show("unlink dir", unlink("/proc"));
  show("unlink /dev", unlink("/dev/nonexistent-x"));
  show("open O_CREAT in missing dir", open("./no/such/dir", O_CREAT | O_WRONLY, 0644));
  show("open O_CREAT|O_DIRECTORY", open("./file_shared_offset.dir.tmp", O_CREAT | O_DIRECTORY | O_RDONLY, 0644));
  show("open trailing slash", open("./file_shared_offset.slash.tmp/", O_CREAT | O_WRONLY, 0644));
  umask(077);
  int u = open("./file_shared_offset.umask.tmp", O_CREAT | O_WRONLY, 0666);
  fstat(u, &st);
  printf("umask 077 mode %o\n", st.st_mode);
  show("ftruncate", ftruncate(u, 3));
  fstat(u, &st);
  printf("size %ld\n", (long)st.st_size);
  close(u);
  unlink("./file_shared_offset.umask.tmp");
  int t = creat("./file_shared_offset.creat.tmp", 0644);
  write(t, "abc", 3);
  close(t);
  t = open("./file_shared_offset.creat.tmp", O_RDWR | O_TRUNC);
  fstat(t, &st);
  printf("after O_TRUNC size %ld\n", (long)st.st_size);
  close(t);
  show("unlinkat", unlinkat(AT_FDCWD, "./file_shared_offset.creat.tmp", 0));
  return 0;
}
