/* dirs_cwd.c: directories and the working directory, which lives in the task's fs_struct. mkdir applies
   the umask; a forked child gets a copy of its parent's fs_struct, so its chdir leaves the parent
   where it was; rmdir refuses a directory that is not empty, and a process whose working directory
   was removed (here through fchdir) can neither name it (getcwd: ENOENT) nor create in it. The child
   inherits the stdio buffer too: stdout is a pipe, so its copy of the first lines comes out with its
   own. Only the last component of each path is printed: the test's folder differs natively. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
static void show(const char *what, long r) { if (r < 0) printf("%s = -1 %s\n", what, strerror(errno)); else printf("%s = %ld\n", what, r); }
static void pwd(const char *who) { char buf[256]; if (getcwd(buf, sizeof buf)) printf("%s: %s\n", who, buf); else printf("%s: getcwd -1 %s\n", who, strerror(errno)); }
int main(void) {
  char top[64];
  snprintf(top, sizeof top, "dirs_cwd.tmp");
  umask(022);
  show("mkdir", mkdir(top, 0777));
  show("mkdir again", mkdir(top, 0777));
  show("mkdir in a missing dir", mkdir("dirs_cwd.tmp/a/b", 0777));
  show("chdir", chdir(top));
  char *start = getcwd(NULL, 0);
  printf("cwd ends in %s\n", strrchr(start, '/') + 1);
  show("mkdir sub", mkdir("sub", 0700));
  struct stat st;
  stat(".", &st);
  printf("dot: mode %o nlink %ld\n", st.st_mode, (long)st.st_nlink);
  stat("sub", &st);
  printf("sub: mode %o nlink %ld\n", st.st_mode, (long)st.st_nlink);
  int fd = open("sub/file", O_WRONLY | O_CREAT, 0644);
  write(fd, "hi\n", 3);
  close(fd);
  pid_t p = fork();
  if (p == 0) {
    chdir("sub");
    char b[256]; getcwd(b, sizeof b);
    printf("child in %s\n", strrchr(b, '/') + 1);
    fd = open("file", O_RDONLY);
    char c[4] = {0}; read(fd, c, 3);
    printf("child reads %s", c);
    fflush(stdout);
    _exit(0);
  }
  waitpid(p, NULL, 0);
  char b[256]; getcwd(b, sizeof b);
  printf("parent still in %s\n", strrchr(b, '/') + 1);
  show("getcwd too small", getcwd(b, 3) ? 0 : -1);
  show("chdir to a file", chdir("sub/file"));
  show("chdir missing", chdir("nope"));
  show("rmdir non-empty", rmdir("sub"));
  show("rmdir .", rmdir("."));
  show("unlink dir", unlink("sub"));
  int dfd = open("sub", O_RDONLY | O_DIRECTORY);
  show("fchdir", fchdir(dfd));
  show("unlink file", unlink("file"));
  show("chdir ..", chdir(".."));
  show("rmdir sub", rmdir("sub"));
  show("fchdir to removed", fchdir(dfd));
  pwd("in removed");
  show("create in removed", open("x", O_WRONLY | O_CREAT, 0644));
  show("mkdir in removed", mkdir("y", 0755));
  chdir(start);
  chdir("..");
  show("rmdir top", rmdir(top));
  free(start);
  return 0;
}
