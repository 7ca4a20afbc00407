/* kernel/futex.c: fast user-space mutexes. The lock word lives in user memory, and user space changes it
   alone while nobody has to wait; the kernel is asked only to put a task to sleep while the word still
   holds the value it saw (FUTEX_WAIT), and to wake sleepers (FUTEX_WAKE). Sleepers wait in a hash of
   queues keyed by the word's address in its address space (Linux's futex_hash_bucket and futex_q).
   The _BITSET variants tag each sleeper with a mask and wake only those whose mask meets the waker's;
   FUTEX_WAIT_BITSET also takes its timeout as a deadline, on CLOCK_MONOTONIC or, with
   FUTEX_CLOCK_REALTIME, on CLOCK_REALTIME: what pthread_cond_timedwait's absolute time needs. */
#include <linux/sched.h>
#include <linux/errno.h>
#include <linux/signal.h>
#include <linux/time.h>
#include <linux/timekeeping.h>
#include <linux/futex.h>
#include <linux/forkscope.h>

#define FUTEX_HASHSIZE 256
/* ktime_set's ceiling: a deadline further away than this is "never" (include/linux/ktime.h). */
#define KTIME_MAX 9223372036854775807LL
#define KTIME_SEC_MAX (KTIME_MAX / NSEC_PER_SEC)

/* The futex_to_flags bit of an operation without FUTEX_PRIVATE_FLAG: the word may be in memory other
   processes map (kernel/futex/futex.h). */
#define FLAGS_SHARED 0x0010

/* Which futex a word is. A private one is its address space and its address; a shared one in shared
   memory (MAP_SHARED) is the memory itself, whatever address each process maps it at (Linux's
   key->shared: the page's inode and index, and the offset in the page): mm is then NULL. */
struct futex_key {
  struct mm_struct *mm;
  unsigned long address;
};

/* One sleeper, on its own kernel stack while it waits. */
struct futex_q {
  struct list_head list;
  struct task_struct *task;
  struct futex_key key;
  u32 bitset; /* FUTEX_WAKE_BITSET wakes it only if their masks share a bit */
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

static int get_futex_key(u32 *uaddr, unsigned int flags, struct futex_key *key)
{
  unsigned long address = (unsigned long)uaddr;
  if (address % sizeof(u32))
    return -EINVAL;
  /* A shared operation on private memory (the stack, the heap, a MAP_PRIVATE mapping) keys by the
     address space all the same: no other process can see that word. */
  if (flags & FLAGS_SHARED) {
    key->address = futex_shared_key(address);
    if (key->address) {
      key->mm = 0;
      return 0;
    }
  }
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

/* Sleeps while *uaddr == val, until a wake whose bitset meets ours, a signal, or abs_time (a deadline on
   ktime_get_ns's clock; no deadline when it is 0). The word is read and the task queued with no switch
   in between (Linux holds the bucket's lock for that): a waker that changes the word and then calls
   FUTEX_WAKE either runs before the read (we see the new value) or finds us queued. */
static long futex_wait(u32 *uaddr, unsigned int flags, u32 val, u64 *abs_time, u32 bitset)
{
  struct futex_q q;
  struct futex_hash_bucket *hb;
  long ret;

  if (!bitset)
    return -EINVAL;
  ret = get_futex_key(uaddr, flags, &q.key);
  if (ret)
    return ret;
  q.bitset = bitset;
  hb = hash_futex(&q.key);
  for (;;) {
    if (*uaddr != val)
      return -EAGAIN;
    q.task = current;
    list_add_tail(&q.list, &hb->chain);
    set_current_state(TASK_INTERRUPTIBLE);
    if (abs_time)
      hrtimer_start(current, *abs_time);
    if (!list_empty(&q.list))
      schedule();
    __set_current_state(TASK_RUNNING);
    if (list_empty(&q.list))
      return 0; /* futex_wake took us off the queue */
    list_del(&q.list);
    if (abs_time && ktime_get_ns() >= *abs_time)
      return -ETIMEDOUT;
    if (signal_pending(current))
      return -EINTR;
    /* A spurious wakeup: look at the word again. */
  }
}

/* Wakes up to nr_wake tasks sleeping on uaddr whose bitset meets ours, oldest first; returns how many. */
static long futex_wake(u32 *uaddr, unsigned int flags, int nr_wake, u32 bitset)
{
  struct futex_key key;
  struct futex_hash_bucket *hb;
  struct futex_q *q;
  struct futex_q *n;
  long ret;

  if (!bitset)
    return -EINVAL;
  ret = get_futex_key(uaddr, flags, &key);
  if (ret)
    return ret;
  hb = hash_futex(&key);
  list_for_each_entry_safe(q, n, &hb->chain, list) {
    if (!match_futex(&q->key, &key) || !(q->bitset & bitset))
      continue;
    if (ret >= nr_wake)
      break;
    list_del_init(&q->list);
    wake_up_state(q->task, TASK_NORMAL);
    ret++;
  }
  return ret;
}

/* timeout: the deadline on ktime_get_ns's clock, or 0 for none. uaddr2 and val2 belong to operations
   not modelled here. FUTEX_CLOCK_REALTIME only makes sense for a wait with a deadline. */
long do_futex(u32 *uaddr, int op, u32 val, u64 *timeout, u32 *uaddr2, u32 val2, u32 val3)
{
  int cmd = op & FUTEX_CMD_MASK;
  unsigned int flags = op & FUTEX_PRIVATE_FLAG ? 0 : FLAGS_SHARED;

  if ((op & FUTEX_CLOCK_REALTIME) && cmd != FUTEX_WAIT_BITSET)
    return -ENOSYS;
  switch (cmd) {
  case FUTEX_WAIT:
    return futex_wait(uaddr, flags, val, timeout, FUTEX_BITSET_MATCH_ANY);
  case FUTEX_WAIT_BITSET:
    return futex_wait(uaddr, flags, val, timeout, val3);
  case FUTEX_WAKE:
    return futex_wake(uaddr, flags, val, FUTEX_BITSET_MATCH_ANY);
  case FUTEX_WAKE_BITSET:
    return futex_wake(uaddr, flags, val, val3);
  default:
    return -ENOSYS;
  }
}

/* The deadline a wait's timespec gives, on ktime_get_ns's clock: FUTEX_WAIT's timeout is relative,
   FUTEX_WAIT_BITSET's absolute. Linux arms the timer on the realtime clock's base for
   FUTEX_CLOCK_REALTIME; the timers here all run on the monotonic clock, and the two clocks differ by
   an offset, so the deadline is moved by it. A deadline already past expires at once. */
static int futex_init_timeout(int cmd, int op, const struct __kernel_timespec *ts, u64 *t)
{
  u64 offs_real;

  if (ts->tv_sec < 0 || ts->tv_nsec < 0 || ts->tv_nsec >= NSEC_PER_SEC)
    return -EINVAL;
  if (ts->tv_sec >= KTIME_SEC_MAX)
    *t = KTIME_MAX;
  else
    *t = (u64)ts->tv_sec * NSEC_PER_SEC + ts->tv_nsec;
  if (cmd == FUTEX_WAIT) {
    *t = *t >= KTIME_MAX - ktime_get_ns() ? KTIME_MAX : ktime_get_ns() + *t;
  } else if (op & FUTEX_CLOCK_REALTIME) {
    offs_real = ktime_get_real_ns() - ktime_get_ns();
    *t = *t > offs_real ? *t - offs_real : 0;
  }
  return 0;
}

long sys_futex(u32 *uaddr, int op, u32 val, const struct __kernel_timespec *utime, u32 *uaddr2, u32 val3)
{
  int cmd = op & FUTEX_CMD_MASK;
  u64 t;
  u64 *tp = 0;
  long ret;

  if (utime && (cmd == FUTEX_WAIT || cmd == FUTEX_WAIT_BITSET)) {
    ret = futex_init_timeout(cmd, op, utime, &t);
    if (ret)
      return ret;
    tp = &t;
  }
  return do_futex(uaddr, op, val, tp, uaddr2, (unsigned long)utime, val3);
}

/* set_robust_list(2) (kernel/futex/syscalls.c): where the thread's list of robust futexes is. The
   kernel only records it; glibc hands it every new thread's list, empty until a robust mutex is held
   (Forkscope's C library has no robust mutexes, so the list stays empty at the thread's end). */
long sys_set_robust_list(struct robust_list_head *head, size_t len)
{
  /* The kernel knows only one size for now. */
  if (len != sizeof(*head))
    return -EINVAL;
  current->robust_list = head;
  return 0;
}
