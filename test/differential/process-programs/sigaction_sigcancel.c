/* glibc keeps signals 32 (SIGCANCEL) and 33 (SIGSETXID) for its threads: sigaction and signal refuse them
   with EINVAL, and so does pthread_kill; SIGRTMIN (34) is the first a program may take. */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
static void h(int s) {}
int main(void)
{
  struct sigaction sa;
  int r;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = h;
  r = sigaction(32, &sa, NULL);
  printf("sigaction(32): %d %s\n", r, r < 0 && errno == EINVAL ? "EINVAL" : "?");
  r = sigaction(33, &sa, NULL);
  printf("sigaction(33): %d %s\n", r, r < 0 && errno == EINVAL ? "EINVAL" : "?");
  printf("signal(32): %s\n", signal(32, h) == SIG_ERR ? "SIG_ERR" : "?");
  printf("sigaction(34): %d\n", sigaction(34, &sa, NULL));
  printf("pthread_kill(self, 32): %s\n", pthread_kill(pthread_self(), 32) == EINVAL ? "EINVAL" : "?");
  return 0;
}
