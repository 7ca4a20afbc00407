#ifndef _LINUX_PREEMPT_H
#define _LINUX_PREEMPT_H
/* The preemption count: raised by spin_lock (and by schedule() itself while it runs), so code that
   must not sleep can be told apart. Forkscope keeps it per task, as arm64 does in thread_info; the
   value schedule() expects to see is PREEMPT_DISABLE_OFFSET, its own increment. */
#include <linux/sched.h>

#define PREEMPT_OFFSET 1
#define PREEMPT_DISABLE_OFFSET PREEMPT_OFFSET

/* The count's fields (linux/preempt.h): preemption disables in bits 0-7, softirq nesting in 8-15,
   hardirq nesting in 16-19, NMIs in 20-23. The timer interrupt's handler adds HARDIRQ_OFFSET while it
   runs: in_irq() and in_interrupt() are then true, and `current` is only the task it interrupted. */
#define PREEMPT_MASK  0x000000ff
#define SOFTIRQ_MASK  0x0000ff00
#define HARDIRQ_MASK  0x000f0000
#define NMI_MASK      0x00f00000
#define SOFTIRQ_OFFSET 0x00000100
#define HARDIRQ_OFFSET 0x00010000

#define preempt_count() (current->preempt_count)
#define preempt_count_add(val) (current->preempt_count += (val))
#define preempt_count_sub(val) (current->preempt_count -= (val))
#define hardirq_count() (preempt_count() & HARDIRQ_MASK)
#define softirq_count() (preempt_count() & SOFTIRQ_MASK)
#define irq_count() (preempt_count() & (HARDIRQ_MASK | SOFTIRQ_MASK | NMI_MASK))
#define in_irq() (hardirq_count() != 0)
#define in_hardirq() in_irq()
#define in_interrupt() (irq_count() != 0)
#define in_task() (!in_interrupt())
#define preempt_count_set(pc) (current->preempt_count = (pc))
#define preempt_disable() (current->preempt_count++)
#define preempt_enable() (current->preempt_count--)
#define preempt_enable_no_resched() (current->preempt_count--)
#define in_atomic() (preempt_count() != 0)
#define in_atomic_preempt_off() (preempt_count() != PREEMPT_DISABLE_OFFSET)

#endif
