#ifndef _LINUX_WORKQUEUE_H
#define _LINUX_WORKQUEUE_H
/* Deferred work (kernel/workqueue.c): schedule_work queues a function that a kworker thread runs
   later, in process context. */
#include <linux/list.h>

struct work_struct;
typedef void (*work_func_t)(struct work_struct *work);

struct work_struct {
  unsigned long pending;
  struct list_head entry;
  work_func_t func;
};

#define INIT_WORK(_work, _func) do { (_work)->pending = 0; INIT_LIST_HEAD(&(_work)->entry); (_work)->func = (_func); } while (0)
#define DECLARE_WORK(n, f) struct work_struct n = { .pending = 0, .entry = { &(n).entry, &(n).entry }, .func = (f) }

bool schedule_work(struct work_struct *work);

#endif
