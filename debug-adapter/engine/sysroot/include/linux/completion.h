#ifndef _LINUX_COMPLETION_H
#define _LINUX_COMPLETION_H
/* Completions (kernel/sched/completion.c): one task waits until another says something is done.
   struct completion and its functions are declared in linux/sched.h, beside the task they wake. */
#include <linux/sched.h>

#define COMPLETION_INITIALIZER(work) { .done = 0, .waiter = 0 }
#define DECLARE_COMPLETION(work) struct completion work = COMPLETION_INITIALIZER(work)
#define reinit_completion(x) ((x)->done = 0)
#define completion_done(x) ((x)->done != 0)

#endif
