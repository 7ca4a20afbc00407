/* Thread stacks are reused, as glibc's stack cache reuses them: a thread created after another was
   joined gets the same stack, and so the same pthread_t (its descriptor sits at the stack's top),
   while threads alive at the same time each have their own. 100 threads alive at once, each with 64 KiB
   of its stack in use. */
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#define N 100
static pthread_barrier_t barrier;
static void *quick(void *arg) { return arg; }
static void *busy(void *arg) {
  char buf[64 * 1024];
  memset(buf, 1, sizeof buf);
  pthread_barrier_wait(&barrier);
  return (void *)(long)(buf[100] + buf[60000]);
}
int main(void) {
  pthread_t a, b, t[N];
  long sum = 0;
  int distinct = 1;
  pthread_create(&a, NULL, quick, NULL);
  pthread_join(a, NULL);
  pthread_create(&b, NULL, quick, NULL);
  pthread_join(b, NULL);
  printf("second thread reuses the first one's stack: %d\n", pthread_equal(a, b) != 0);
  pthread_barrier_init(&barrier, NULL, N + 1);
  for (int i = 0; i < N; i++)
    if (pthread_create(&t[i], NULL, busy, NULL) != 0) {
      printf("pthread_create %d failed\n", i);
      return 1;
    }
  pthread_barrier_wait(&barrier);
  for (int i = 0; i < N; i++)
    for (int j = 0; j < i; j++)
      if (pthread_equal(t[i], t[j])) distinct = 0;
  for (int i = 0; i < N; i++) {
    void *r;
    pthread_join(t[i], &r);
    sum += (long)r;
  }
  printf("%d threads at once, each its own stack: %d, sum %ld\n", N, distinct, sum);
  return 0;
}
