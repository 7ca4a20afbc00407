/* kernel/sched/core.c: sleeping, waking and choosing who runs next. The run queue itself and the
   switch of the CPU are host mechanics (linux/forkscope.h); the states and the order are Linux's. */
#include <linux/sched.h>
#include <linux/forkscope.h>
#include <linux/kernel.h>
#include <linux/preempt.h>
#include <linux/sched/rq.h>

/* A new task starts in TASK_NEW: copy_process has not finished with it, so no one may wake it. */
void sched_fork(unsigned long clone_flags, struct task_struct *p)
{
  p->__state = TASK_NEW;
  p->prio = current->normal_prio;
  p->on_cpu = 0;
  p->se.on_rq = 0;
  p->se.exec_start = 0;
  p->se.sum_exec_runtime = 0;
  p->se.vruntime = current->se.vruntime;
  p->nvcsw = 0;
  p->nivcsw = 0;
  /* Linux's child starts inside schedule() and leaves it through schedule_tail; Forkscope's starts
     past it, holding nothing. */
  p->preempt_count = 0;
}

/* The first thing a new user task runs (from ret_from_fork), before it returns to user mode: with
   CLONE_CHILD_SETTID it writes its TID into its own memory. */
void schedule_tail(struct task_struct *prev)
{
  if (current->set_child_tid)
    *current->set_child_tid = current->pid;
}

/* The end of fork: the child becomes runnable, on the least loaded CPU it may run on. */
void wake_up_new_task(struct task_struct *p)
{
  p->__state = TASK_RUNNING;
  set_task_cpu(p, select_task_rq(p, WF_FORK));
  enqueue_task(p);
}

/* Wakes p if its state is one of `state`: the other half of the sleep pattern
     set_current_state(TASK_INTERRUPTIBLE); if (!condition) schedule(); */
int try_to_wake_up(struct task_struct *p, unsigned int state, int wake_flags)
{
  if (!(p->__state & state))
    return 0;
  p->__state = TASK_RUNNING;
  set_task_cpu(p, select_task_rq(p, wake_flags));
  enqueue_task(p);
  return 1;
}

int wake_up_process(struct task_struct *p)
{
  return try_to_wake_up(p, TASK_NORMAL, 0);
}

int wake_up_state(struct task_struct *p, unsigned int state)
{
  return try_to_wake_up(p, state, 0);
}

/* A task that is no longer TASK_RUNNING when it calls schedule() leaves the run queue: that is what
   sleeping is. A preempted task stays on it. */
/* Sleeping with a spinlock held: the lock's other users would spin until this task ran again. */
static void __schedule_bug(struct task_struct *prev)
{
  printk(KERN_ERR "BUG: scheduling while atomic: %s/%d/0x%08x\n", prev->comm, prev->pid, preempt_count());
}

/* schedule() raised the count by one itself; anything above that means the caller holds a lock. */
static void schedule_debug(struct task_struct *prev)
{
  if (in_atomic_preempt_off()) {
    __schedule_bug(prev);
    preempt_count_set(PREEMPT_DISABLE_OFFSET);
  }
}

static void __schedule(int preempt)
{
  struct task_struct *prev = current;
  struct task_struct *next;

  schedule_debug(prev);
  if (!preempt && prev->__state != TASK_RUNNING) {
    dequeue_task(prev);
    prev->nvcsw++;
  } else if (preempt) {
    prev->nivcsw++;
  }
  next = pick_next_task(prev);
  if (next != prev)
    context_switch(prev, next);
}

void schedule(void)
{
  preempt_disable();
  __schedule(0);
  preempt_enable_no_resched();
}

/* Entered on the way out of the timer interrupt (time/tick.c) when the running task should give up
   the CPU. */
void preempt_schedule_irq(void)
{
  preempt_disable();
  __schedule(1);
  preempt_enable_no_resched();
}
