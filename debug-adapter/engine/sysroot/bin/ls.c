/* /bin/ls: lists each directory named (the working directory when none is), in the C locale's order,
   without the names that start with "." unless -a is given; a file named is listed as itself. One name
   a line, as coreutils' ls prints when its output is not a terminal (it makes columns on one); a name
   that cannot be listed is reported as it reports it, and makes the exit status 2. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static int all;

static int by_name(const void *a, const void *b)
{
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Prints the entries of directory `path`, sorted; -1 when it cannot be read. */
static int list_dir(const char *path)
{
  DIR *d = opendir(path);
  if (d == NULL)
    return -1;
  char **names = NULL;
  size_t n = 0;
  struct dirent *e;
  while ((e = readdir(d)) != NULL) {
    if (e->d_name[0] == '.' && !all)
      continue;
    names = realloc(names, (n + 1) * sizeof *names);
    names[n++] = strdup(e->d_name);
  }
  closedir(d);
  qsort(names, n, sizeof *names, by_name);
  for (size_t i = 0; i < n; i++) {
    puts(names[i]);
    free(names[i]);
  }
  free(names);
  return 0;
}

int main(int argc, char **argv)
{
  int first = 1;
  if (argc > 1 && strcmp(argv[1], "-a") == 0) {
    all = 1;
    first = 2;
  }
  if (first == argc)
    return list_dir(".") < 0 ? 2 : 0;
  /* As coreutils: the names that cannot be found are reported first, then the files are listed, then
     each directory under its name (with more than one name given), a blank line between. */
  int status = 0;
  char **files = malloc(argc * sizeof *files), **dirs = malloc(argc * sizeof *dirs);
  int nfiles = 0, ndirs = 0;
  for (int i = first; i < argc; i++) {
    struct stat st;
    if (stat(argv[i], &st) < 0) {
      fprintf(stderr, "ls: cannot access '%s': %s\n", argv[i], strerror(errno));
      status = 2;
    } else if (S_ISDIR(st.st_mode)) {
      dirs[ndirs++] = argv[i];
    } else {
      files[nfiles++] = argv[i];
    }
  }
  qsort(files, nfiles, sizeof *files, by_name);
  qsort(dirs, ndirs, sizeof *dirs, by_name);
  for (int i = 0; i < nfiles; i++)
    puts(files[i]);
  for (int i = 0; i < ndirs; i++) {
    if (argc - first > 1)
      printf("%s%s:\n", nfiles + i > 0 ? "\n" : "", dirs[i]);
    if (list_dir(dirs[i]) < 0) {
      fprintf(stderr, "ls: cannot open directory '%s': %s\n", dirs[i], strerror(errno));
      status = 2;
    }
  }
  free(files);
  free(dirs);
  return status;
}
