// The thread library's synchronisation beyond the differential programs: what needs the simulated
// machine's virtual clock or its deadlock report, and the futex operations they are built on
// (FUTEX_WAIT_BITSET with an absolute CLOCK_REALTIME deadline, FUTEX_WAKE_BITSET's masks).
import { beforeAll, describe, expect, it } from 'vitest';
import { kernelImage } from '../../debug-adapter/engine/kernel/image';
import { runC } from '../support/run-c';

// The kernel compiles once per test worker: that time belongs to no test.
beforeAll(() => {
  kernelImage();
}, 60_000);

describe('futex bitset operations', () => {
  it('waits until an absolute CLOCK_REALTIME deadline, matches wake masks, and refuses what Linux refuses', () => {
    const r = runC(`#include <errno.h>
#include <stdio.h>
#include <time.h>
#define FUTEX_WAIT 0
#define FUTEX_WAKE 1
#define FUTEX_WAIT_BITSET 9
#define FUTEX_WAKE_BITSET 10
#define FUTEX_CLOCK_REALTIME 256
long sys_futex(unsigned int *uaddr, int op, unsigned int val, const struct timespec *timeout, unsigned int *uaddr2, unsigned int val3);
static unsigned int word;
int main(void) {
  struct timespec now, deadline, after;
  clock_gettime(CLOCK_REALTIME, &now);
  deadline.tv_sec = now.tv_sec + 2;
  deadline.tv_nsec = now.tv_nsec;
  long r = sys_futex(&word, FUTEX_WAIT_BITSET | FUTEX_CLOCK_REALTIME, 0, &deadline, 0, 0xffffffff);
  clock_gettime(CLOCK_REALTIME, &after);
  long late_ns = (after.tv_sec - deadline.tv_sec) * 1000000000L + (after.tv_nsec - deadline.tv_nsec);
  printf("bitset wait: %s, woke at the deadline: %d\\n", r == -ETIMEDOUT ? "ETIMEDOUT" : "?", late_ns >= 0 && late_ns < 1000000);
  printf("value changed: %s\\n", sys_futex(&word, FUTEX_WAIT_BITSET, 1, &deadline, 0, 0xffffffff) == -EAGAIN ? "EAGAIN" : "?");
  printf("bitset 0: %s\\n", sys_futex(&word, FUTEX_WAIT_BITSET, 0, &deadline, 0, 0) == -EINVAL ? "EINVAL" : "?");
  printf("FUTEX_WAIT with FUTEX_CLOCK_REALTIME: %s\\n", sys_futex(&word, FUTEX_WAIT | FUTEX_CLOCK_REALTIME, 0, &deadline, 0, 0) == -ENOSYS ? "ENOSYS" : "?");
  deadline.tv_nsec = 1000000000;
  printf("bad deadline: %s\\n", sys_futex(&word, FUTEX_WAIT_BITSET, 0, &deadline, 0, 1) == -EINVAL ? "EINVAL" : "?");
  printf("wake nobody: %ld %ld\\n", sys_futex(&word, FUTEX_WAKE, 1, 0, 0, 0), sys_futex(&word, FUTEX_WAKE_BITSET, 1, 0, 0, 1));
  return 0;
}
`);
    expect(r.outcome).toMatchObject({ kind: 'exited', status: 0 });
    expect(r.stdout).toBe(
      'bitset wait: ETIMEDOUT, woke at the deadline: 1\n' +
        'value changed: EAGAIN\n' +
        'bitset 0: EINVAL\n' +
        'FUTEX_WAIT with FUTEX_CLOCK_REALTIME: ENOSYS\n' +
        'bad deadline: EINVAL\n' +
        'wake nobody: 0 0\n',
    );
  });

  it('FUTEX_WAKE_BITSET wakes only the waiters whose mask meets its own', () => {
    const r = runC(`#include <pthread.h>
#include <stdio.h>
#include <unistd.h>
#define FUTEX_WAIT_BITSET 9
#define FUTEX_WAKE_BITSET 10
long sys_futex(unsigned int *uaddr, int op, unsigned int val, const struct timespec *timeout, unsigned int *uaddr2, unsigned int val3);
static unsigned int word;
static int woken[2];
static void *waiter(void *arg) {
  long i = (long)arg;
  sys_futex(&word, FUTEX_WAIT_BITSET, 0, 0, 0, 1u << i);
  woken[i] = 1;
  return NULL;
}
int main(void) {
  pthread_t t[2];
  for (long i = 0; i < 2; i++) pthread_create(&t[i], NULL, waiter, (void *)i);
  sleep(1);
  long n = sys_futex(&word, FUTEX_WAKE_BITSET, 2, 0, 0, 2);
  sleep(1);
  printf("mask 2 woke %ld: waiter 0 %d, waiter 1 %d\\n", n, woken[0], woken[1]);
  n = sys_futex(&word, FUTEX_WAKE_BITSET, 2, 0, 0, 0xffffffff);
  pthread_join(t[0], NULL);
  pthread_join(t[1], NULL);
  printf("match-any woke %ld: waiter 0 %d\\n", n, woken[0]);
  return 0;
}
`);
    expect(r.outcome).toMatchObject({ kind: 'exited', status: 0 });
    expect(r.stdout).toBe('mask 2 woke 1: waiter 0 0, waiter 1 1\nmatch-any woke 1: waiter 0 1\n');
  });
});

describe('pthread synchronisation on the virtual clock', () => {
  it('pthread_cond_timedwait of 10 minutes times out on the virtual clock, at its deadline', () => {
    const started = Date.now();
    const r = runC(`#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <time.h>
int main(void) {
  pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
  pthread_cond_t c = PTHREAD_COND_INITIALIZER;
  struct timespec t0, deadline, t1;
  clock_gettime(CLOCK_REALTIME, &t0);
  deadline.tv_sec = t0.tv_sec + 600;
  deadline.tv_nsec = t0.tv_nsec;
  pthread_mutex_lock(&m);
  int r = pthread_cond_timedwait(&c, &m, &deadline);
  clock_gettime(CLOCK_REALTIME, &t1);
  printf("%s after %ld s; mutex held: %d\\n", r == ETIMEDOUT ? "ETIMEDOUT" : "?", (long)(t1.tv_sec - t0.tv_sec), pthread_mutex_trylock(&m) == EBUSY);
  return 0;
}
`);
    expect(r.outcome).toMatchObject({ kind: 'exited', status: 0 });
    expect(r.stdout).toBe('ETIMEDOUT after 600 s; mutex held: 1\n');
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  it('a reader that asks for the write lock waits for itself: the run ends with a deadlock report', () => {
    const r = runC(`#include <pthread.h>
#include <stdio.h>
int main(void) {
  pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;
  pthread_rwlock_rdlock(&rw);
  printf("upgrading\\n");
  fflush(stdout);
  pthread_rwlock_wrlock(&rw);
  printf("never\\n");
  return 0;
}
`);
    expect(r.stdout).toBe('upgrading\n');
    expect(r.outcome?.kind).toBe('deadlock');
  });

  it('keys past the first block of 32 keep their values and get their destructors', () => {
    const r = runC(`#include <pthread.h>
#include <stdio.h>
static pthread_key_t keys[40];
static void destr(void *v) { printf("destructor %ld\\n", (long)v); }
static void *worker(void *arg) {
  (void)arg;
  pthread_setspecific(keys[39], (void *)39L);
  pthread_setspecific(keys[3], (void *)3L);
  printf("get %ld %ld, unset %p\\n", (long)pthread_getspecific(keys[39]), (long)pthread_getspecific(keys[3]), pthread_getspecific(keys[38]));
  return NULL;
}
int main(void) {
  pthread_t t;
  for (int i = 0; i < 40; i++) pthread_key_create(&keys[i], destr);
  printf("last key %u\\n", keys[39]);
  pthread_create(&t, NULL, worker, NULL);
  pthread_join(t, NULL);
  printf("main sees %p\\n", pthread_getspecific(keys[39]));
  return 0;
}
`);
    expect(r.outcome).toMatchObject({ kind: 'exited', status: 0 });
    expect(r.stdout).toBe('last key 39\nget 39 3, unset (nil)\ndestructor 3\ndestructor 39\nmain sees (nil)\n');
  });
});
