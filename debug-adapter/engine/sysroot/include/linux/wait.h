#ifndef _LINUX_WAIT_H
#define _LINUX_WAIT_H
/* Wait queues (include/linux/wait.h, kernel/sched/wait.c): a list of sleeping tasks, each entry on
   its sleeper's stack. wait_event is the sleep pattern as a macro:
     for (;;) { prepare_to_wait_event (queue the entry, set the state); if (condition) break; schedule(); }
     finish_wait (TASK_RUNNING, entry off the queue);
   and wake_up wakes the sleepers, whose next look at the condition decides whether they go on. */
#include <linux/list.h>
#include <linux/sched.h>
#include <linux/spinlock.h>

struct wait_queue_entry;
typedef int (*wait_queue_func_t)(struct wait_queue_entry *wq_entry, unsigned mode, int flags, void *key);

#define WQ_FLAG_EXCLUSIVE 0x01
#define WQ_FLAG_WOKEN 0x02

struct wait_queue_entry {
  unsigned int flags;
  void *private;          /* the sleeping task */
  wait_queue_func_t func; /* how to wake it */
  struct list_head entry;
};
typedef struct wait_queue_entry wait_queue_entry_t;

struct wait_queue_head {
  spinlock_t lock;
  struct list_head head;
};
typedef struct wait_queue_head wait_queue_head_t;

#define __WAIT_QUEUE_HEAD_INITIALIZER(name) { .lock = __SPIN_LOCK_UNLOCKED(name.lock), .head = { &(name).head, &(name).head } }
#define DECLARE_WAIT_QUEUE_HEAD(name) struct wait_queue_head name = __WAIT_QUEUE_HEAD_INITIALIZER(name)

void init_waitqueue_head(struct wait_queue_head *wq_head);
int default_wake_function(struct wait_queue_entry *wq_entry, unsigned mode, int flags, void *key);
int autoremove_wake_function(struct wait_queue_entry *wq_entry, unsigned mode, int flags, void *key);
void init_wait_entry(struct wait_queue_entry *wq_entry, int flags);
void add_wait_queue(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry);
void remove_wait_queue(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry);
long prepare_to_wait_event(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry, int state);
void prepare_to_wait(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry, int state);
void finish_wait(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry);
void __wake_up(struct wait_queue_head *wq_head, unsigned int mode, int nr_exclusive, void *key);

#define DEFINE_WAIT(name) struct wait_queue_entry name = { .flags = 0, .private = current, .func = autoremove_wake_function, .entry = { &(name).entry, &(name).entry } }

static inline int waitqueue_active(struct wait_queue_head *wq_head)
{
  return !list_empty(&wq_head->head);
}

#define wake_up(x) __wake_up(x, TASK_NORMAL, 1, 0)
#define wake_up_nr(x, nr) __wake_up(x, TASK_NORMAL, nr, 0)
#define wake_up_all(x) __wake_up(x, TASK_NORMAL, 0, 0)
#define wake_up_interruptible(x) __wake_up(x, TASK_INTERRUPTIBLE, 1, 0)
#define wake_up_interruptible_all(x) __wake_up(x, TASK_INTERRUPTIBLE, 0, 0)

/* The loop every wait_event variant shares. Its value is 0, or -ERESTARTSYS when a signal ended an
   interruptible wait (prepare_to_wait_event has then taken the entry off the queue already). */
#define ___wait_event(wq_head, condition, state) ({ \
  struct wait_queue_entry __wq_entry; \
  long __ret = 0; \
  init_wait_entry(&__wq_entry, 0); \
  for (;;) { \
    long __int = prepare_to_wait_event(&(wq_head), &__wq_entry, state); \
    if (condition) \
      break; \
    if (__int) { \
      __ret = __int; \
      break; \
    } \
    schedule(); \
  } \
  finish_wait(&(wq_head), &__wq_entry); \
  __ret; })

#define wait_event(wq_head, condition) do { \
  if (condition) \
    break; \
  ___wait_event(wq_head, condition, TASK_UNINTERRUPTIBLE); \
} while (0)

#define wait_event_interruptible(wq_head, condition) ({ \
  int __ret_wei = 0; \
  if (!(condition)) \
    __ret_wei = ___wait_event(wq_head, condition, TASK_INTERRUPTIBLE); \
  __ret_wei; })

#define wait_event_killable(wq_head, condition) ({ \
  int __ret_wek = 0; \
  if (!(condition)) \
    __ret_wek = ___wait_event(wq_head, condition, TASK_KILLABLE); \
  __ret_wek; })

#endif
