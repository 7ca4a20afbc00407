/* kernel/futex.c: fast user-space mutexes. The lock word lives in user memory, and user space changes it
   alone while nobody has to wait; the kernel is asked only to put a task to sleep while the word still
   holds the value it saw (FUTEX_WAIT), and to wake sleepers (FUTEX_WAKE). Sleepers wait in a hash of
   queues keyed by the word's address in its address space (Linux's futex_hash_bucket and futex_q). */
#include <linux/sched.h>
#include <linux/errno.h>
#include <linux/signal.h>
#include <linux/time.h>
#include <linux/futex.h>
#include <linux/forkscope.h>

#define FUTEX_HASHSIZE 256
/* A timeout of 0 ns is a real one (expire now): "no timeout" needs its own value. */
#define FUTEX_NO_TIMEOUT (~0ULL)

/* A private futex is identified by its address space and its address (mmap'd shared memory, which
   would need the page instead, is not modelled). */
struct futex_key {
  struct mm_struct *mm;
  unsigned long address;
};

/* One sleeper, on its own kernel stack while it waits. */
struct futex_q {
  struct list_head list;
  struct task_struct *task;
  struct futex_key key;
};

struct futex_hash_bucket {
  struct list_head chain;
};

static struct futex_hash_bucket futex_queues[FUTEX_HASHSIZE];

void futex_init(void)
{
  int i;
  for (i = 0; i < FUTEX_HASHSIZE; i++)
    INIT_LIST_HEAD(&futex_queues[i].chain);
}

static int get_futex_key(u32 *uaddr, struct futex_key *key)
{
  unsigned long address = (unsigned long)uaddr;
  if (address % sizeof(u32))
    return -EINVAL;
  key->mm = current->mm;
  key->address = address;
  return 0;
}

static struct futex_hash_bucket *hash_futex(struct futex_key *key)
{
  unsigned long hash = (key->address >> 2) ^ ((unsigned long)key->mm >> 4);
  return &futex_queues[hash % FUTEX_HASHSIZE];
}

static int match_futex(struct futex_key *a, struct futex_key *b)
{
  return a->mm == b->mm && a->address == b->address;
}

/* Sleeps while *uaddr == val. The word is read and the task queued with no switch in between (Linux
   holds the bucket's lock for that): a waker that changes the word and then calls FUTEX_WAKE either
   runs before the read (we see the new value) or finds us queued. */
static long futex_wait(u32 *uaddr, u32 val, u64 timeout_ns)
{
  struct futex_q q;
  struct futex_hash_bucket *hb;
  u64 expires = timeout_ns == FUTEX_NO_TIMEOUT ? 0 : ktime_get_ns() + timeout_ns;
  long ret = get_futex_key(uaddr, &q.key);

  if (ret)
    return ret;
  hb = hash_futex(&q.key);
  for (;;) {
    if (*uaddr != val)
      return -EAGAIN;
    q.task = current;
    list_add_tail(&q.list, &hb->chain);
    set_current_state(TASK_INTERRUPTIBLE);
    if (timeout_ns != FUTEX_NO_TIMEOUT)
      hrtimer_start(current, expires);
    if (!list_empty(&q.list))
      schedule();
    __set_current_state(TASK_RUNNING);
    if (list_empty(&q.list))
      return 0; /* futex_wake took us off the queue */
    list_del(&q.list);
    if (timeout_ns != FUTEX_NO_TIMEOUT && ktime_get_ns() >= expires)
      return -ETIMEDOUT;
    if (signal_pending(current))
      return -EINTR;
    /* A spurious wakeup: look at the word again. */
  }
}

/* Wakes up to nr_wake tasks sleeping on uaddr, oldest first; returns how many. */
static long futex_wake(u32 *uaddr, int nr_wake)
{
  struct futex_key key;
  struct futex_hash_bucket *hb;
  struct futex_q *q;
  struct futex_q *n;
  long ret = get_futex_key(uaddr, &key);

  if (ret)
    return ret;
  hb = hash_futex(&key);
  list_for_each_entry_safe(q, n, &hb->chain, list) {
    if (!match_futex(&q->key, &key))
      continue;
    if (ret >= nr_wake)
      break;
    list_del_init(&q->list);
    wake_up_state(q->task, TASK_NORMAL);
    ret++;
  }
  return ret;
}

long do_futex(u32 *uaddr, int op, u32 val, u64 timeout_ns)
{
  switch (op & FUTEX_CMD_MASK) {
  case FUTEX_WAIT:
    return futex_wait(uaddr, val, timeout_ns);
  case FUTEX_WAKE:
    return futex_wake(uaddr, val);
  default:
    return -ENOSYS;
  }
}

/* FUTEX_WAIT's timeout is relative; uaddr2 and val3 belong to operations not modelled here. */
long sys_futex(u32 *uaddr, int op, u32 val, const struct __kernel_timespec *utime, u32 *uaddr2, u32 val3)
{
  u64 timeout_ns = FUTEX_NO_TIMEOUT;
  if (utime && (op & FUTEX_CMD_MASK) == FUTEX_WAIT) {
    if (utime->tv_sec < 0 || utime->tv_nsec < 0 || utime->tv_nsec >= NSEC_PER_SEC)
      return -EINVAL;
    timeout_ns = (u64)utime->tv_sec * NSEC_PER_SEC + utime->tv_nsec;
  }
  return do_futex(uaddr, op, val, timeout_ns);
}
