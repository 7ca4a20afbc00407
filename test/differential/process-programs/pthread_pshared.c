/* Three child processes add to a counter in MAP_SHARED memory under a process-shared (and
   error-checking) mutex, and signal a process-shared condition variable, whose timed waits are on
   CLOCK_MONOTONIC, as each finishes. Also the attributes' defaults and EINVAL cases, and
   pthread_cond_clockwait. */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
struct shared { pthread_mutex_t lock; pthread_cond_t done; int counter; int finished; };
int main(void) {
  struct shared *s = mmap(NULL, sizeof *s, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
  pthread_mutexattr_t ma; pthread_condattr_t ca; int v; clockid_t clk;
  pthread_mutexattr_init(&ma);
  pthread_mutexattr_getpshared(&ma, &v); printf("mutexattr default pshared %d\n", v);
  printf("setpshared 2: %d\n", pthread_mutexattr_setpshared(&ma, 2) == EINVAL);
  pthread_mutexattr_setpshared(&ma, PTHREAD_PROCESS_SHARED);
  pthread_mutexattr_settype(&ma, PTHREAD_MUTEX_ERRORCHECK);
  pthread_mutexattr_getpshared(&ma, &v); printf("pshared %d\n", v);
  pthread_mutexattr_gettype(&ma, &v); printf("type %d\n", v);
  pthread_mutex_init(&s->lock, &ma);
  pthread_condattr_init(&ca);
  pthread_condattr_getclock(&ca, &clk); printf("condattr default clock %d\n", (int)clk);
  printf("setclock boottime: %d\n", pthread_condattr_setclock(&ca, CLOCK_BOOTTIME) == EINVAL);
  pthread_condattr_setpshared(&ca, PTHREAD_PROCESS_SHARED);
  pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
  pthread_condattr_getpshared(&ca, &v); pthread_condattr_getclock(&ca, &clk); printf("cond pshared %d clock %d\n", v, (int)clk);
  pthread_cond_init(&s->done, &ca);
  for (int c = 0; c < 3; c++) {
    if (fork() == 0) {
      for (int i = 0; i < 2000; i++) { pthread_mutex_lock(&s->lock); s->counter++; pthread_mutex_unlock(&s->lock); if (i % 500 == 0) usleep(10); }
      pthread_mutex_lock(&s->lock); s->finished++; pthread_cond_signal(&s->done); pthread_mutex_unlock(&s->lock);
      _exit(0);
    }
  }
  pthread_mutex_lock(&s->lock);
  while (s->finished < 3) pthread_cond_wait(&s->done, &s->lock);
  printf("counter %d\n", s->counter);
  struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); t.tv_nsec += 1000000; if (t.tv_nsec >= 1000000000) { t.tv_sec++; t.tv_nsec -= 1000000000; }
  printf("timedwait on CLOCK_MONOTONIC: %d\n", pthread_cond_timedwait(&s->done, &s->lock, &t) == ETIMEDOUT);
  clock_gettime(CLOCK_REALTIME, &t);
  printf("clockwait on CLOCK_REALTIME: %d\n", pthread_cond_clockwait(&s->done, &s->lock, CLOCK_REALTIME, &t) == ETIMEDOUT);
  printf("clockwait on CLOCK_BOOTTIME: %d\n", pthread_cond_clockwait(&s->done, &s->lock, CLOCK_BOOTTIME, &t) == EINVAL);
  pthread_mutex_unlock(&s->lock);
  while (wait(NULL) > 0) ;
  return 0;
}
