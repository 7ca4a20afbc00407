/* Asynchronous cancellation: a thread spinning in a loop with no cancellation point is ended by
   pthread_cancel (SIGCANCEL); a self-cancel acts at once; switching to asynchronous with a cancel
   pending acts at once; a deferred cancel pending when the thread blocks in read acts there. */
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cond = PTHREAD_COND_INITIALIZER;
static int ready;
static volatile unsigned long spins;

static void set_ready(void)
{
  pthread_mutex_lock(&lock);
  ready = 1;
  pthread_cond_signal(&cond);
  pthread_mutex_unlock(&lock);
}

static void wait_ready(void)
{
  pthread_mutex_lock(&lock);
  while (!ready)
    pthread_cond_wait(&cond, &lock);
  ready = 0;
  pthread_mutex_unlock(&lock);
}

static void cleanup(void *arg)
{
  printf("cleanup: %s\n", (const char *)arg);
}

static void *spinner(void *arg)
{
  int old;
  pthread_cleanup_push(cleanup, "spinner");
  pthread_setcanceltype(PTHREAD_CANCEL_ASYNCHRONOUS, &old);
  set_ready();
  for (;;)
    spins++;
  pthread_cleanup_pop(0);
  return NULL;
}

static void *self_cancel(void *arg)
{
  pthread_cleanup_push(cleanup, "self-cancel");
  pthread_setcanceltype(PTHREAD_CANCEL_ASYNCHRONOUS, NULL);
  pthread_cancel(pthread_self());
  printf("not reached after an asynchronous self-cancel\n");
  pthread_cleanup_pop(0);
  return NULL;
}

static void *switch_to_async(void *arg)
{
  int r;
  pthread_cleanup_push(cleanup, "switch to asynchronous");
  r = pthread_cancel(pthread_self());
  printf("deferred self-cancel returned %d and the thread goes on\n", r);
  pthread_setcanceltype(PTHREAD_CANCEL_ASYNCHRONOUS, NULL);
  printf("not reached after switching to asynchronous\n");
  pthread_cleanup_pop(0);
  return NULL;
}

static void *enable_pending(void *arg)
{
  pthread_cleanup_push(cleanup, "enable with a cancel pending");
  pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, NULL);
  pthread_setcanceltype(PTHREAD_CANCEL_ASYNCHRONOUS, NULL);
  pthread_cancel(pthread_self());
  printf("disabled: the asynchronous self-cancel waits\n");
  pthread_setcancelstate(PTHREAD_CANCEL_ENABLE, NULL);
  printf("not reached after enabling\n");
  pthread_cleanup_pop(0);
  return NULL;
}

static void run(void *(*fn)(void *))
{
  pthread_t t;
  void *res;
  pthread_create(&t, NULL, fn, NULL);
  pthread_join(t, &res);
  printf("result is PTHREAD_CANCELED: %d\n", res == PTHREAD_CANCELED);
}

/* glibc 2.36's pthread_setcancelstate acts on the cancel without storing PTHREAD_CANCELED as the
   result (the thread's earlier value stays, which depends on its stack's reuse), so only the
   cleanup handler's line is printed. */
static void run_without_result(void *(*fn)(void *))
{
  pthread_t t;
  pthread_create(&t, NULL, fn, NULL);
  pthread_join(t, NULL);
}

int main(void)
{
  pthread_t t;
  void *res;
  int r;

  pthread_create(&t, NULL, spinner, NULL);
  wait_ready();
  usleep(50000);
  r = pthread_cancel(t);
  pthread_join(t, &res);
  printf("pthread_cancel %d, spinner's result is PTHREAD_CANCELED: %d, it had spun: %d\n", r, res == PTHREAD_CANCELED,
         spins > 0);
  run(self_cancel);
  run(switch_to_async);
  run_without_result(enable_pending);
  return 0;
}
