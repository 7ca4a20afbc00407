/* POSIX unnamed semaphores, as glibc 2.36 makes them (nptl/sem_init.c, sem_post.c, sem_wait.c,
   sem_timedwait.c, sem_clockwait.c, sem_waitcommon.c, sem_getvalue.c, sem_destroy.c) on x86-64, where
   64-bit atomics let one word hold both the value (low 32 bits) and the number of threads that may be
   waiting (high 32 bits). Taking a token is a compare-and-swap; only a semaphore at 0 costs a system
   call: the waiter sleeps on the value's futex, and sem_post wakes one if any is registered. */
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <semaphore.h>
#include <time.h>
#include <bits/semaphoreP.h>

#define SEM_NWAITERS_SHIFT 32
#define SEM_VALUE_MASK 0xffffffffUL
#define SEM_ONE_WAITER (1UL << SEM_NWAITERS_SHIFT)

#define FUTEX_WAIT_BITSET 9
#define FUTEX_WAKE 1
#define FUTEX_PRIVATE_FLAG 128
#define FUTEX_CLOCK_REALTIME 256
#define FUTEX_BITSET_MATCH_ANY 0xffffffff
#define __lll_private_flag(fl, private) (((fl) | FUTEX_PRIVATE_FLAG) ^ (private))

long sys_futex(unsigned int *uaddr, int op, unsigned int val, const struct timespec *timeout, unsigned int *uaddr2,
               unsigned int val3);
/* 64-bit lock cmpxchg and lock xadd (libc/atomic.ts). */
unsigned long __libc_atomic_cmpxchg64(unsigned long *ptr, unsigned long oldval, unsigned long newval);
unsigned long __libc_atomic_fetch_add64(unsigned long *ptr, unsigned long value);
int __pthread_enable_asynccancel(void);
void __pthread_disable_asynccancel(int oldtype);
extern int __libc_multiple_threads;

int sem_init(sem_t *sem, int pshared, unsigned int value)
{
  struct new_sem *isem = (struct new_sem *)sem;
  if (value > SEM_VALUE_MAX) {
    errno = EINVAL;
    return -1;
  }
  isem->data = value;
  isem->private = pshared ? FUTEX_SHARED : FUTEX_PRIVATE;
  return 0;
}

int sem_destroy(sem_t *sem)
{
  (void)sem;
  return 0;
}

int sem_post(sem_t *sem)
{
  struct new_sem *isem = (struct new_sem *)sem;
  unsigned long d = isem->data;
  unsigned long seen;

  for (;;) {
    if ((d & SEM_VALUE_MASK) == SEM_VALUE_MAX) {
      errno = EOVERFLOW;
      return -1;
    }
    seen = __libc_atomic_cmpxchg64(&isem->data, d, d + 1);
    if (seen == d)
      break;
    d = seen;
  }
  /* A waiter may be asleep: wake one. */
  if ((d >> SEM_NWAITERS_SHIFT) > 0)
    sys_futex((unsigned int *)&isem->data, __lll_private_flag(FUTEX_WAKE, isem->private), 1, NULL, NULL, 0);
  return 0;
}

int sem_getvalue(sem_t *sem, int *sval)
{
  *sval = ((struct new_sem *)sem)->data & SEM_VALUE_MASK;
  return 0;
}

/* __new_sem_wait_fast: takes a token if there is one. With definitive_result, a lost race is tried
   again; without, it sends the caller to the slow path, which tries too. */
static int __new_sem_wait_fast(struct new_sem *sem, int definitive_result)
{
  unsigned long d = sem->data;
  unsigned long seen;

  do {
    if ((d & SEM_VALUE_MASK) == 0)
      break;
    seen = __libc_atomic_cmpxchg64(&sem->data, d, d - 1);
    if (seen == d)
      return 0;
    d = seen;
  } while (definitive_result);
  return -1;
}

/* __futex_abstimed_wait_cancelable64: sleeps while the value is 0, until a wake, a signal or abstime on
   `clockid`; a cancellation point. Returns 0 or the error: EAGAIN, EINTR, ETIMEDOUT. The kernel
   refuses a negative time, which is a valid one long past. */
static int do_futex_wait(struct new_sem *sem, clockid_t clockid, const struct timespec *abstime)
{
  int op = __lll_private_flag(FUTEX_WAIT_BITSET | (clockid == CLOCK_REALTIME ? FUTEX_CLOCK_REALTIME : 0), sem->private);
  long r;

  if (abstime && abstime->tv_sec < 0)
    return ETIMEDOUT;
  if (__libc_multiple_threads) {
    int oldtype = __pthread_enable_asynccancel();
    r = sys_futex((unsigned int *)&sem->data, op, 0, abstime, NULL, FUTEX_BITSET_MATCH_ANY);
    __pthread_disable_asynccancel(oldtype);
  } else
    r = sys_futex((unsigned int *)&sem->data, op, 0, abstime, NULL, FUTEX_BITSET_MATCH_ANY);
  return -r;
}

/* A waiter canceled in its sleep is no longer one. */
static void __sem_wait_cleanup(void *arg)
{
  struct new_sem *sem = arg;
  __libc_atomic_fetch_add64(&sem->data, -SEM_ONE_WAITER);
}

/* __new_sem_wait_slow64: registers as a waiter, then sleeps until it can take a token and stop being
   one in a single step, or the wait fails. */
static int __new_sem_wait_slow64(struct new_sem *sem, clockid_t clockid, const struct timespec *abstime)
{
  int err = 0;
  unsigned long d = __libc_atomic_fetch_add64(&sem->data, SEM_ONE_WAITER);
  unsigned long seen;

  pthread_cleanup_push(__sem_wait_cleanup, sem);
  for (;;) {
    if ((d & SEM_VALUE_MASK) == 0) {
      err = do_futex_wait(sem, clockid, abstime);
      /* 0 and EAGAIN are wake-ups, real or spurious, or a changed value: look again. */
      if (err == ETIMEDOUT || err == EINTR || err == EOVERFLOW) {
        errno = err;
        err = -1;
        __libc_atomic_fetch_add64(&sem->data, -SEM_ONE_WAITER);
        break;
      }
      d = sem->data;
    } else {
      seen = __libc_atomic_cmpxchg64(&sem->data, d, d - 1 - SEM_ONE_WAITER);
      if (seen == d) {
        err = 0;
        break;
      }
      d = seen;
    }
  }
  pthread_cleanup_pop(0);
  return err;
}

/* POSIX makes sem_wait and sem_timedwait cancellation points even when they do not block. */
int sem_wait(sem_t *sem)
{
  pthread_testcancel();
  if (__new_sem_wait_fast((struct new_sem *)sem, 0) == 0)
    return 0;
  return __new_sem_wait_slow64((struct new_sem *)sem, CLOCK_REALTIME, NULL);
}

int sem_trywait(sem_t *sem)
{
  if (__new_sem_wait_fast((struct new_sem *)sem, 1) == 0)
    return 0;
  errno = EAGAIN;
  return -1;
}

/* The timed waits: a bad tv_nsec is EINVAL before anything else, as in glibc. */
static int __sem_timedwait_common(sem_t *sem, clockid_t clockid, const struct timespec *abstime)
{
  if (abstime->tv_nsec < 0 || abstime->tv_nsec >= 1000000000) {
    errno = EINVAL;
    return -1;
  }
  pthread_testcancel();
  if (__new_sem_wait_fast((struct new_sem *)sem, 0) == 0)
    return 0;
  return __new_sem_wait_slow64((struct new_sem *)sem, clockid, abstime);
}

int sem_clockwait(sem_t *sem, clockid_t clockid, const struct timespec *abstime)
{
  /* The futex's clocks: lll_futex_supported_clockid. */
  if (clockid != CLOCK_REALTIME && clockid != CLOCK_MONOTONIC) {
    errno = EINVAL;
    return -1;
  }
  return __sem_timedwait_common(sem, clockid, abstime);
}

int sem_timedwait(sem_t *sem, const struct timespec *abstime)
{
  return __sem_timedwait_common(sem, CLOCK_REALTIME, abstime);
}
