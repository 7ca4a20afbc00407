/* A process's threads share its children: a thread's waitpid reaps a child the main thread forked
   (it sleeps until the child exits), and the main thread then has none left (ECHILD). */
#include <pthread.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>
static pid_t child;
static void *waiter(void *arg) {
  int st;
  pid_t r = waitpid(child, &st, 0);
  printf("thread reaped the main thread's child: %d, status %d\n", r == child, WEXITSTATUS(st));
  return arg;
}
int main(void) {
  pthread_t t;
  child = fork();
  if (child == 0) { usleep(20000); _exit(7); }
  pthread_create(&t, NULL, waiter, NULL);
  pthread_join(t, NULL);
  printf("main's own wait: %d\n", (int)wait(NULL));
  return 0;
}
