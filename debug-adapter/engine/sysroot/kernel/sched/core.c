/* kernel/sched/core.c: sleeping, waking and choosing who runs next. The run queue itself and the
   switch of the CPU are host mechanics (linux/forkscope.h); the states and the order are Linux's. */
#include <linux/sched.h>
#include <linux/forkscope.h>
#include <linux/uaccess.h>
#include <linux/kernel.h>
#include <linux/preempt.h>
#include <linux/sched/rq.h>

/* A new task starts in TASK_NEW: copy_process has not finished with it, so no one may wake it. */
void sched_fork(unsigned long clone_flags, struct task_struct *p)
{
  p->__state = TASK_NEW;
  p->prio = current->normal_prio;
  /* SCHED_RESET_ON_FORK: the child gets no better than nice 0 (a real-time policy, which Linux would
     reset to SCHED_NORMAL here too, cannot be set in Forkscope: kernel/sched/policy.c). */
  if (p->sched_reset_on_fork) {
    if (p->static_prio < NICE_TO_PRIO(0))
      set_user_nice(p, 0);
    p->sched_reset_on_fork = 0;
  }
  p->on_cpu = 0;
  p->se.on_rq = 0;
  p->se.exec_start = 0;
  p->se.sum_exec_runtime = 0;
  p->se.vruntime = current->se.vruntime;
  /* dup_task_struct copied the parent's flags: a reschedule asked of the parent is not the child's. */
  clear_tsk_need_resched(p);
  /* Linux's child starts inside schedule() and leaves it through schedule_tail; Forkscope's starts
     past it, holding nothing. */
  p->preempt_count = 0;
}

/* The first thing a new user task runs (from ret_from_fork), before it returns to user mode: with
   CLONE_CHILD_SETTID it writes its TID into its own memory. */
void schedule_tail(struct task_struct *prev)
{
  if (current->set_child_tid)
    put_user(current->pid, current->set_child_tid);
}

/* Asks rq's CPU to reschedule: its current task's TIF_NEED_RESCHED, which the way out of an interrupt
   (or cond_resched) acts on; another CPU learns of it by an IPI. */
void resched_curr(struct rq *rq)
{
  struct task_struct *curr = rq->curr;
  int cpu = cpu_of(rq);

  if (test_tsk_need_resched(curr))
    return;
  set_tsk_need_resched(curr);
  if (cpu != smp_processor_id())
    smp_send_reschedule(cpu);
}

/* A task just queued on rq preempts the running one if its class is higher: the stop class (migration/N)
   is above every other. Between CFS tasks the tick decides (Forkscope has no wakeup preemption). */
void wakeup_preempt(struct rq *rq, struct task_struct *p)
{
  if (p == rq->stop && rq->curr != p)
    resched_curr(rq);
}

/* migration/N becomes cpu's stop-class task (Linux also gives it stop_sched_class here). */
void sched_set_stop_task(int cpu, struct task_struct *stop)
{
  cpu_rq(cpu)->stop = stop;
}

/* The end of fork: the child becomes runnable, on the least loaded CPU it may run on. */
void wake_up_new_task(struct task_struct *p)
{
  p->__state = TASK_RUNNING;
  set_task_cpu(p, select_task_rq(p, WF_FORK));
  enqueue_task(p);
  wakeup_preempt(task_rq(p), p);
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
  wakeup_preempt(task_rq(p), p);
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

/* A switch away from a task that goes to sleep is voluntary (nvcsw); from one that could go on running
   (preempted, or yielding) involuntary (nivcsw). Only a switch to another task counts. */
static void __schedule(int preempt)
{
  struct task_struct *prev = current;
  struct task_struct *next;
  unsigned long *switch_count;

  schedule_debug(prev);
  clear_tsk_need_resched(prev);
  switch_count = &prev->nivcsw;
  if (!preempt && prev->__state != TASK_RUNNING) {
    dequeue_task(prev);
    switch_count = &prev->nvcsw;
  }
  next = pick_next_task(prev);
  if (next != prev) {
    ++*switch_count;
    context_switch(prev, next);
  }
}

void schedule(void)
{
  preempt_disable();
  __schedule(0);
  preempt_enable_no_resched();
}

/* A point where kernel code that runs long may give up the CPU, if a reschedule was asked for. */
static void preempt_schedule_common(void)
{
  preempt_disable();
  __schedule(1);
  preempt_enable_no_resched();
}

int _cond_resched(void)
{
  if (need_resched()) {
    preempt_schedule_common();
    return 1;
  }
  return 0;
}

/* Entered on the way out of an interrupt (time/tick.c) when the running task should give up
   the CPU. */
void preempt_schedule_irq(void)
{
  preempt_disable();
  __schedule(1);
  preempt_enable_no_resched();
}
