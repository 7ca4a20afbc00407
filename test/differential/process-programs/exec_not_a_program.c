/* exec_not_a_program.c: execve finds a file but refuses it: a device or a directory, or a file without
   execute permission, is EACCES; a file with it that is no program (neither ELF nor "#!") ENOEXEC. A
   name that is missing is ENOENT, one that goes through a file ENOTDIR. Every file made is removed. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static void try(const char *path)
{
  char *argv[] = {(char *)path, NULL};
  execv(path, argv);
  printf("execv %s: %s\n", path, strerror(errno));
}

int main(void)
{
  int fd = open("./exec_not_a_program.txt", O_WRONLY | O_CREAT | O_TRUNC, 0644);
  write(fd, "not a program\n", 14);
  close(fd);
  fd = open("./exec_not_a_program.x", O_WRONLY | O_CREAT | O_TRUNC, 0755);
  write(fd, "\x01\x02\x03\x04 neither ELF nor a script\n", 30);
  close(fd);
  try("/dev/null");
  try("/proc");
  try("./exec_not_a_program.txt");
  try("./exec_not_a_program.x");
  try("/dev/null/x");
  try("./exec_not_a_program.missing");
  unlink("./exec_not_a_program.txt");
  unlink("./exec_not_a_program.x");
  return 0;
}
