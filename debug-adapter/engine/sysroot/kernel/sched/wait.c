/* kernel/sched/wait.c: wait queues. A sleeper puts an entry (on its own stack) on the queue and sets
   its state before it looks at its condition; a waker calls each entry's function, which wakes the
   task and takes the entry off. Either order of the two finds the sleeper woken or the condition true. */
#include <linux/sched.h>
#include <linux/errno.h>
#include <linux/signal.h>
#include <linux/wait.h>

void init_waitqueue_head(struct wait_queue_head *wq_head)
{
  spin_lock_init(&wq_head->lock);
  INIT_LIST_HEAD(&wq_head->head);
}

int default_wake_function(struct wait_queue_entry *curr, unsigned mode, int wake_flags, void *key)
{
  return try_to_wake_up(curr->private, mode, wake_flags);
}

int autoremove_wake_function(struct wait_queue_entry *wq_entry, unsigned mode, int sync, void *key)
{
  int ret = default_wake_function(wq_entry, mode, sync, key);
  if (ret)
    list_del_init(&wq_entry->entry);
  return ret;
}

void init_wait_entry(struct wait_queue_entry *wq_entry, int flags)
{
  wq_entry->flags = flags;
  wq_entry->private = current;
  wq_entry->func = autoremove_wake_function;
  INIT_LIST_HEAD(&wq_entry->entry);
}

void add_wait_queue(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry)
{
  unsigned long flags;
  wq_entry->flags &= ~WQ_FLAG_EXCLUSIVE;
  spin_lock_irqsave(&wq_head->lock, flags);
  list_add(&wq_entry->entry, &wq_head->head);
  spin_unlock_irqrestore(&wq_head->lock, flags);
}

void remove_wait_queue(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry)
{
  unsigned long flags;
  spin_lock_irqsave(&wq_head->lock, flags);
  list_del(&wq_entry->entry);
  spin_unlock_irqrestore(&wq_head->lock, flags);
}

void prepare_to_wait(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry, int state)
{
  unsigned long flags;
  wq_entry->flags &= ~WQ_FLAG_EXCLUSIVE;
  spin_lock_irqsave(&wq_head->lock, flags);
  if (list_empty(&wq_entry->entry))
    list_add(&wq_entry->entry, &wq_head->head);
  set_current_state(state);
  spin_unlock_irqrestore(&wq_head->lock, flags);
}

static int signal_pending_state(unsigned int state, struct task_struct *p)
{
  if (!(state & (TASK_INTERRUPTIBLE | TASK_WAKEKILL)))
    return 0;
  return signal_pending(p);
}

long prepare_to_wait_event(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry, int state)
{
  unsigned long flags;
  long ret = 0;

  spin_lock_irqsave(&wq_head->lock, flags);
  if (signal_pending_state(state, current)) {
    /* Off the queue at once: a wake_up meant for this entry must go to another waiter. */
    list_del_init(&wq_entry->entry);
    ret = -ERESTARTSYS;
  } else {
    if (list_empty(&wq_entry->entry)) {
      if (wq_entry->flags & WQ_FLAG_EXCLUSIVE)
        list_add_tail(&wq_entry->entry, &wq_head->head);
      else
        list_add(&wq_entry->entry, &wq_head->head);
    }
    set_current_state(state);
  }
  spin_unlock_irqrestore(&wq_head->lock, flags);
  return ret;
}

void finish_wait(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry)
{
  unsigned long flags;

  __set_current_state(TASK_RUNNING);
  if (!list_empty(&wq_entry->entry)) {
    spin_lock_irqsave(&wq_head->lock, flags);
    list_del_init(&wq_entry->entry);
    spin_unlock_irqrestore(&wq_head->lock, flags);
  }
}

/* Wakes the non-exclusive waiters and up to nr_exclusive exclusive ones (0: all). */
void __wake_up(struct wait_queue_head *wq_head, unsigned int mode, int nr_exclusive, void *key)
{
  struct wait_queue_entry *curr;
  struct wait_queue_entry *next;
  unsigned long flags;

  spin_lock_irqsave(&wq_head->lock, flags);
  list_for_each_entry_safe(curr, next, &wq_head->head, entry) {
    unsigned int wq_flags = curr->flags;
    int ret = curr->func(curr, mode, 0, key);
    if (ret < 0)
      break;
    if (ret && (wq_flags & WQ_FLAG_EXCLUSIVE) && !--nr_exclusive)
      break;
  }
  spin_unlock_irqrestore(&wq_head->lock, flags);
}
