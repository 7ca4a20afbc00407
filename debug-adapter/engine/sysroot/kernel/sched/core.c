/* kernel/sched/core.c: sleeping, waking and choosing who runs next. The run queue itself and the
   switch of the CPU are host mechanics (linux/forkscope.h); the states and the order are Linux's. */
#include <linux/sched.h>
#include <linux/forkscope.h>

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
}

/* The end of fork: the child becomes runnable. */
void wake_up_new_task(struct task_struct *p)
{
  p->__state = TASK_RUNNING;
  enqueue_task(p);
}

/* Wakes p if its state is one of `state`: the other half of the sleep pattern
     set_current_state(TASK_INTERRUPTIBLE); if (!condition) schedule(); */
int try_to_wake_up(struct task_struct *p, unsigned int state, int wake_flags)
{
  if (!(p->__state & state))
    return 0;
  p->__state = TASK_RUNNING;
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
static void __schedule(int preempt)
{
  struct task_struct *prev = current;
  struct task_struct *next;

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
  __schedule(0);
}

/* Entered from the timer interrupt when the running task's time slice is over. */
void preempt_schedule_irq(void)
{
  __schedule(1);
}
