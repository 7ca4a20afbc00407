/* The bounded buffer of every OS course: a producer and a consumer thread share a ring of 4 slots,
   with two counting semaphores (empty slots, full slots) and one used as a mutex. Then the error cases
   of glibc's semaphores: timeouts on CLOCK_REALTIME and CLOCK_MONOTONIC, a clock the futex cannot
   use, a bad tv_nsec, a value above SEM_VALUE_MAX, a post that would overflow, sem_trywait at 0. */
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>
#include <time.h>

#define SLOTS 4
#define ITEMS 20

static int ring[SLOTS], in, out, sum;
static sem_t empty, full, mutex;

static void *producer(void *arg)
{
  for (int i = 1; i <= ITEMS; i++) {
    sem_wait(&empty);
    sem_wait(&mutex);
    ring[in] = i;
    in = (in + 1) % SLOTS;
    sem_post(&mutex);
    sem_post(&full);
  }
  return arg;
}

static void *consumer(void *arg)
{
  for (int i = 0; i < ITEMS; i++) {
    sem_wait(&full);
    sem_wait(&mutex);
    sum += ring[out];
    out = (out + 1) % SLOTS;
    sem_post(&mutex);
    sem_post(&empty);
  }
  return arg;
}

int main(void)
{
  pthread_t p, c;
  sem_t s;
  struct timespec t;
  int r, v;

  sem_init(&empty, 0, SLOTS);
  sem_init(&full, 0, 0);
  sem_init(&mutex, 0, 1);
  pthread_create(&p, NULL, producer, NULL);
  pthread_create(&c, NULL, consumer, NULL);
  pthread_join(p, NULL);
  pthread_join(c, NULL);
  sem_getvalue(&empty, &v);
  printf("consumed 1..%d: sum %d; empty slots %d\n", ITEMS, sum, v);

  sem_init(&s, 0, 0);
  clock_gettime(CLOCK_REALTIME, &t);
  t.tv_nsec += 1000000;
  if (t.tv_nsec >= 1000000000) {
    t.tv_sec++;
    t.tv_nsec -= 1000000000;
  }
  r = sem_timedwait(&s, &t);
  printf("sem_timedwait for 1 ms: %d, ETIMEDOUT %d\n", r, errno == ETIMEDOUT);
  clock_gettime(CLOCK_MONOTONIC, &t);
  r = sem_clockwait(&s, CLOCK_MONOTONIC, &t);
  printf("sem_clockwait until now: %d, ETIMEDOUT %d\n", r, errno == ETIMEDOUT);
  errno = 0;
  r = sem_clockwait(&s, CLOCK_BOOTTIME, &t);
  printf("sem_clockwait on CLOCK_BOOTTIME: %d, EINVAL %d\n", r, errno == EINVAL);
  t.tv_nsec = 1000000000;
  errno = 0;
  r = sem_timedwait(&s, &t);
  printf("tv_nsec 1e9: %d, EINVAL %d\n", r, errno == EINVAL);
  t.tv_sec = -1;
  t.tv_nsec = 0;
  errno = 0;
  r = sem_timedwait(&s, &t);
  printf("a time before the epoch: %d, ETIMEDOUT %d\n", r, errno == ETIMEDOUT);
  errno = 0;
  r = sem_init(&s, 0, (unsigned int)SEM_VALUE_MAX + 1);
  printf("sem_init above SEM_VALUE_MAX: %d, EINVAL %d\n", r, errno == EINVAL);
  sem_init(&s, 0, SEM_VALUE_MAX);
  errno = 0;
  r = sem_post(&s);
  printf("sem_post at SEM_VALUE_MAX: %d, EOVERFLOW %d\n", r, errno == EOVERFLOW);
  errno = 0;
  r = sem_trywait(&full);
  printf("sem_trywait at 0: %d, EAGAIN %d\n", r, errno == EAGAIN);
  printf("sem_destroy: %d\n", sem_destroy(&s));
  return 0;
}
