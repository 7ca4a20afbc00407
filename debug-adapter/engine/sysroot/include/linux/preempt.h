#ifndef _LINUX_PREEMPT_H
#define _LINUX_PREEMPT_H
/* The preemption count: raised by spin_lock (and by schedule() itself while it runs), so code that
   must not sleep can be told apart. Forkscope keeps it per task, as arm64 does in thread_info; the
   value schedule() expects to see is PREEMPT_DISABLE_OFFSET, its own increment. */
#include <linux/sched.h>

#define PREEMPT_OFFSET 1
#define PREEMPT_DISABLE_OFFSET PREEMPT_OFFSET

#define preempt_count() (current->preempt_count)
#define preempt_count_set(pc) (current->preempt_count = (pc))
#define preempt_disable() (current->preempt_count++)
#define preempt_enable() (current->preempt_count--)
#define preempt_enable_no_resched() (current->preempt_count--)
#define in_atomic() (preempt_count() != 0)
#define in_atomic_preempt_off() (preempt_count() != PREEMPT_DISABLE_OFFSET)

#endif
