/* The main thread cancels itself in a process that has no other thread. pthread_cancel returns 0
   and the thread goes on (deferred) to its next cancellation point, a sleep: pthread_cancel turns
   cancellation points on even in a single-threaded process. The cleanup handler runs, and the last
   thread ending exits the process with status 0, flushing stdout. */
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static void cleanup(void *arg)
{
  printf("cleanup: %s\n", (const char *)arg);
}

int main(void)
{
  int r;
  pthread_cleanup_push(cleanup, "main");
  printf("before\n");
  r = pthread_cancel(pthread_self());
  printf("pthread_cancel(pthread_self()) returned %d\n", r);
  sleep(10);
  printf("not reached\n");
  pthread_cleanup_pop(0);
  return 5;
}
