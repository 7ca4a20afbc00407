/* A thread's stack is a mapping of its own (8 MiB, RLIMIT_STACK's size) with a guard page below it:
   a thread that recurses without end runs into the guard page and the process dies of SIGSEGV, while
   a thread that stays within its stack can use most of those 8 MiB. */
#include <pthread.h>
#include <stdio.h>
#include <string.h>
static int depth(int n) {
  char frame[64 * 1024];
  memset(frame, n, sizeof frame);
  return n == 0 ? frame[0] : depth(n - 1) + frame[1];
}
static void *deep(void *arg) {
  /* 100 frames of 64 KiB: 6.4 MiB, within the stack. */
  return (void *)(long)depth(100);
}
static int forever(int n) {
  char frame[64 * 1024];
  memset(frame, n, sizeof frame);
  return forever(n + 1) + frame[0];
}
static void *overflow(void *arg) {
  return (void *)(long)forever(0);
}
int main(void) {
  pthread_t t;
  void *r;
  pthread_create(&t, NULL, deep, NULL);
  pthread_join(t, &r);
  printf("6.4 MiB deep: %ld\n", (long)r);
  fflush(stdout);
  pthread_create(&t, NULL, overflow, NULL);
  pthread_join(t, NULL);
  printf("not reached\n");
  return 0;
}
