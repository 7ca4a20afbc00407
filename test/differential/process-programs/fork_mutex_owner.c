/* A mutex locked when the process forks is locked in the child too, but not by the child: glibc's
   fork is clone(CLONE_CHILD_SETTID), so the child's thread descriptor holds its own TID, and an
   error-checking mutex refuses the child's unlock (EPERM) and reports the parent's lock as taken. */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void)
{
  pthread_mutexattr_t attr;
  pthread_mutex_t m;
  pthread_mutexattr_init(&attr);
  pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_ERRORCHECK);
  pthread_mutex_init(&m, &attr);
  pthread_mutex_lock(&m);
  pid_t pid = fork();
  if (pid == 0) {
    int unlock = pthread_mutex_unlock(&m);
    int trylock = pthread_mutex_trylock(&m);
    printf("child: unlock %s, trylock %s\n", strerror(unlock), strerror(trylock));
    fflush(stdout);
    _exit(0);
  }
  waitpid(pid, NULL, 0);
  int relock = pthread_mutex_lock(&m);
  int unlock = pthread_mutex_unlock(&m);
  printf("parent: lock again %s, unlock %s\n", strerror(relock), strerror(unlock));
  return 0;
}
