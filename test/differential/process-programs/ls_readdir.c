/* ls_readdir.c: a directory's entries through opendir and readdir (getdents64 underneath), sorted,
   with their d_type; then /bin/ls run on the same directories, as a shell would run it. Everything
   made is removed again. */
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static int by_name(const void *a, const void *b)
{
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static void run(char *const argv[])
{
  fflush(stdout);
  pid_t p = fork();
  if (p == 0) {
    execvp(argv[0], argv);
    _exit(127);
  }
  int status;
  waitpid(p, &status, 0);
  printf("[status %d]\n", WEXITSTATUS(status));
}

int main(void)
{
  mkdir("ls_readdir.tmp", 0755);
  chdir("ls_readdir.tmp");
  mkdir("sub", 0755);
  mkdir("empty", 0755);
  close(open("b.txt", O_WRONLY | O_CREAT, 0644));
  close(open("a.txt", O_WRONLY | O_CREAT, 0644));
  close(open(".hidden", O_WRONLY | O_CREAT, 0644));
  close(open("sub/inner", O_WRONLY | O_CREAT, 0644));

  DIR *d = opendir(".");
  char *lines[16];
  int n = 0;
  struct dirent *e;
  while ((e = readdir(d)) != NULL) {
    char line[300];
    snprintf(line, sizeof line, "%s %s", e->d_name, e->d_type == DT_DIR ? "dir" : e->d_type == DT_REG ? "file" : "other");
    lines[n++] = strdup(line);
  }
  closedir(d);
  qsort(lines, n, sizeof *lines, by_name);
  for (int i = 0; i < n; i++)
    printf("%s\n", lines[i]);
  printf("opendir of a file: %s\n", opendir("a.txt") == NULL ? "NULL" : "a stream");

  char *ls[] = {"ls", NULL};
  run(ls);
  char *ls_all[] = {"ls", "-a", "sub", NULL};
  run(ls_all);
  char *ls_many[] = {"ls", "sub", "empty", "b.txt", "missing", NULL};
  run(ls_many);

  unlink("sub/inner");
  rmdir("sub");
  rmdir("empty");
  unlink("a.txt");
  unlink("b.txt");
  unlink(".hidden");
  chdir("..");
  rmdir("ls_readdir.tmp");
  return 0;
}
