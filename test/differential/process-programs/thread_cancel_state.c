/* pthread_setcancelstate and pthread_setcanceltype: their errors and old values; a thread with
   cancellation disabled finishes its work and is canceled at the next cancellation point after it
   enables it again; pthread_testcancel; pthread_cancel of a thread that has ended. */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cond = PTHREAD_COND_INITIALIZER;
static int ready;
static volatile int canceled_yet;

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

/* Cancellation disabled: the cancel waits, and sleep is not interrupted. */
static void *disabled(void *arg)
{
  int old = -1;
  int r;
  int i;
  int sum = 0;
  pthread_cleanup_push(cleanup, "disabled");
  r = pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, &old);
  printf("disable: %d, old state ENABLE: %d\n", r, old == PTHREAD_CANCEL_ENABLE);
  set_ready();
  while (!canceled_yet)
    usleep(1000);
  printf("sleep(1) with cancellation disabled returned %u\n", sleep(1));
  pthread_testcancel();
  for (i = 1; i <= 100; i++)
    sum += i;
  printf("work finished: %d\n", sum);
  r = pthread_setcancelstate(PTHREAD_CANCEL_ENABLE, &old);
  printf("enable: %d, old state DISABLE: %d\n", r, old == PTHREAD_CANCEL_DISABLE);
  printf("still running after enabling (deferred)\n");
  pthread_testcancel();
  printf("not reached\n");
  pthread_cleanup_pop(0);
  return NULL;
}

/* No blocking call at all: pthread_testcancel is the only cancellation point. */
static void *polling(void *arg)
{
  long polls = 0;
  pthread_cleanup_push(cleanup, "polling");
  set_ready();
  for (;;) {
    pthread_testcancel();
    polls++;
  }
  pthread_cleanup_pop(0);
  return (void *)polls;
}

static void *returns(void *arg)
{
  return (void *)42;
}

int main(void)
{
  pthread_t t;
  void *res;
  int old = -1;
  int r;

  r = pthread_setcancelstate(2, &old);
  printf("setcancelstate(2): %s\n", r == EINVAL ? "EINVAL" : "?");
  r = pthread_setcancelstate(-1, &old);
  printf("setcancelstate(-1): %s, old untouched: %d\n", r == EINVAL ? "EINVAL" : "?", old == -1);
  r = pthread_setcanceltype(2, &old);
  printf("setcanceltype(2): %s, old untouched: %d\n", r == EINVAL ? "EINVAL" : "?", old == -1);
  r = pthread_setcanceltype(PTHREAD_CANCEL_ASYNCHRONOUS, &old);
  printf("setcanceltype(ASYNC): %d, old type DEFERRED: %d\n", r, old == PTHREAD_CANCEL_DEFERRED);
  r = pthread_setcanceltype(PTHREAD_CANCEL_DEFERRED, &old);
  printf("setcanceltype(DEFERRED): %d, old type ASYNCHRONOUS: %d\n", r, old == PTHREAD_CANCEL_ASYNCHRONOUS);
  printf("setcancelstate(DISABLE, NULL): %d\n", pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, NULL));
  r = pthread_setcancelstate(PTHREAD_CANCEL_ENABLE, &old);
  printf("setcancelstate(ENABLE): %d, old state DISABLE: %d\n", r, old == PTHREAD_CANCEL_DISABLE);
  printf("constants: ENABLE %d DISABLE %d DEFERRED %d ASYNCHRONOUS %d CANCELED %ld\n", PTHREAD_CANCEL_ENABLE,
         PTHREAD_CANCEL_DISABLE, PTHREAD_CANCEL_DEFERRED, PTHREAD_CANCEL_ASYNCHRONOUS, (long)PTHREAD_CANCELED);

  pthread_create(&t, NULL, disabled, NULL);
  wait_ready();
  r = pthread_cancel(t);
  printf("pthread_cancel: %d\n", r);
  r = pthread_cancel(t);
  printf("pthread_cancel again: %d\n", r);
  canceled_yet = 1;
  pthread_join(t, &res);
  printf("disabled thread's result is PTHREAD_CANCELED: %d\n", res == PTHREAD_CANCELED);

  pthread_create(&t, NULL, polling, NULL);
  wait_ready();
  printf("pthread_cancel: %d\n", pthread_cancel(t));
  pthread_join(t, &res);
  printf("polling thread's result is PTHREAD_CANCELED: %d\n", res == PTHREAD_CANCELED);

  pthread_create(&t, NULL, returns, NULL);
  usleep(200000);
  printf("pthread_cancel of an ended thread: %d\n", pthread_cancel(t));
  pthread_join(t, &res);
  printf("its result: %ld\n", (long)res);
  return 0;
}
