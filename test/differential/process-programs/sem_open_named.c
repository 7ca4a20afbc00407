/* Named semaphores: sem_open with O_CREAT makes /dev/shm/sem.NAME, a child that opens the same name
   (without O_CREAT) shares it, and the parent sleeps in sem_wait until the child posts. Opening it
   again in one process gives the same mapping; sem_close counts the opens; O_EXCL on an existing
   name is EEXIST; a missing one is ENOENT; a value above SEM_VALUE_MAX is EINVAL; sem_unlink removes
   the name. Also mkstemp, mkdtemp and mktemp's names, and their EINVAL for a template without XXXXXX. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <semaphore.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define NAME "/forkscope_sem_open_named"

int main(void)
{
  sem_t *s = sem_open(NAME, O_CREAT | O_EXCL, 0600, 0);
  sem_t *again;
  struct stat st;
  int v, r;

  printf("sem_open O_CREAT|O_EXCL: %d\n", s != SEM_FAILED);
  stat("/dev/shm/sem.forkscope_sem_open_named", &st);
  printf("its file: mode %o, %ld bytes\n", st.st_mode & 0777, (long)st.st_size);
  if (fork() == 0) {
    sem_t *c = sem_open(NAME, 0);
    usleep(1000);
    sem_post(c);
    sem_close(c);
    _exit(0);
  }
  sem_wait(s);
  printf("the child's post woke the parent\n");
  wait(NULL);
  again = sem_open(NAME, O_CREAT, 0600, 5);
  sem_getvalue(again, &v);
  printf("opened again: same mapping %d, value %d (not 5: it existed)\n", again == s, v);
  printf("sem_close twice: %d %d\n", sem_close(again), sem_close(s));
  errno = 0;
  r = sem_close(s);
  printf("a third time: %d, EINVAL %d\n", r, errno == EINVAL);
  errno = 0;
  r = sem_open(NAME, O_CREAT | O_EXCL, 0600, 0) == SEM_FAILED;
  printf("O_EXCL on an existing name: %d, EEXIST %d\n", r, errno == EEXIST);
  printf("sem_unlink: %d\n", sem_unlink(NAME));
  errno = 0;
  r = sem_open(NAME, 0) == SEM_FAILED;
  printf("a missing name: %d, ENOENT %d\n", r, errno == ENOENT);
  errno = 0;
  r = sem_open(NAME, O_CREAT, 0600, (unsigned int)SEM_VALUE_MAX + 1) == SEM_FAILED;
  printf("value above SEM_VALUE_MAX: %d, EINVAL %d\n", r, errno == EINVAL);
  errno = 0;
  r = sem_unlink(NAME);
  printf("sem_unlink again: %d, ENOENT %d\n", r, errno == ENOENT);
  errno = 0;
  r = sem_open("/a/b", O_CREAT, 0600, 0) == SEM_FAILED;
  printf("a name with a slash inside: %d, EINVAL %d\n", r, errno == EINVAL);

  char file[] = "/tmp/forkscope_mkstemp_XXXXXX";
  char dir[] = "/tmp/forkscope_mkdtemp_XXXXXX";
  char name[] = "/tmp/forkscope_mktemp_XXXXXX";
  char bad[] = "/tmp/forkscope_XXXXX";
  int fd = mkstemp(file);
  fstat(fd, &st);
  printf("mkstemp: %d, six letters %d, mode %o\n", fd >= 0, strspn(file + strlen(file) - 6, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") == 6, st.st_mode & 0777);
  close(fd);
  unlink(file);
  printf("mkdtemp: %d", mkdtemp(dir) == dir);
  stat(dir, &st);
  printf(", a directory %d, mode %o\n", S_ISDIR(st.st_mode), st.st_mode & 0777);
  rmdir(dir);
  printf("mktemp: a name %d, nothing made %d\n", mktemp(name)[0] == '/', stat(name, &st) == -1);
  errno = 0;
  fd = mkstemp(bad);
  printf("mkstemp without six X: %d, EINVAL %d\n", fd, errno == EINVAL);
  return 0;
}
