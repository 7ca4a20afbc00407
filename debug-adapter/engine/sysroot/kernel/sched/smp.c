/* kernel/sched/core.c's SMP half: the per-CPU run queues and where a task may run. A task's
   cpus_allowed is its affinity mask; p->cpu is the CPU whose queue it is on, or goes back to when it
   wakes. Changing the mask moves a task off a CPU the mask no longer allows. */
#include <linux/sched.h>
#include <linux/sched/rq.h>
#include <linux/cpumask.h>
#include <linux/errno.h>
#include <linux/forkscope.h>
#include <linux/sprintf.h>

struct rq runqueues[NR_CPUS];

void do_set_cpus_allowed(struct task_struct *p, cpumask_t new_mask)
{
  p->cpus_allowed = new_mask;
  p->nr_cpus_allowed = cpumask_weight(new_mask);
}

/* Moves p to dest_cpu, which its new mask allows (affine_move_task). A task waiting on a run queue
   changes queues now. The caller itself gives up the CPU: schedule() sees that p->cpu is another CPU
   and queues it there. A task running on another CPU moves at that CPU's next timer tick (Linux has the
   CPU's stopper thread, migration/N, preempt it at once). A sleeping task goes to dest_cpu when it
   wakes. */
static void affine_move_task(struct task_struct *p, unsigned int dest_cpu)
{
  if (p == current) {
    set_task_cpu(p, dest_cpu);
    schedule();
  } else if (task_on_rq_queued(p) && !task_running(task_rq(p), p)) {
    dequeue_task(p);
    set_task_cpu(p, dest_cpu);
    enqueue_task(p);
  } else {
    set_task_cpu(p, dest_cpu);
  }
}

/* __set_cpus_allowed_ptr: -EINVAL unless the mask has an online CPU. */
int set_cpus_allowed_ptr(struct task_struct *p, cpumask_t new_mask)
{
  unsigned int dest_cpu = cpumask_first(new_mask & cpu_active_mask);

  if (dest_cpu >= nr_cpu_ids)
    return -EINVAL;
  do_set_cpus_allowed(p, new_mask);
  if (cpumask_test_cpu(task_cpu(p), new_mask))
    return 0;
  affine_move_task(p, dest_cpu);
  return 0;
}

/* kernel/kthread.c's kthread_bind: a per-CPU kernel thread, created asleep, may only run on cpu. */
void kthread_bind(struct task_struct *p, unsigned int cpu)
{
  do_set_cpus_allowed(p, cpumask_of(cpu));
  set_task_cpu(p, cpu);
  p->flags |= PF_NO_SETAFFINITY;
}

/* init_idle: `idle` becomes cpu's idle task, running, bound to it and named swapper/N. */
void init_idle(struct task_struct *idle, int cpu)
{
  idle->__state = TASK_RUNNING;
  idle->flags |= PF_IDLE | PF_KTHREAD;
  idle->preempt_count = 0;
  idle->se.sum_exec_runtime = 0;
  idle->se.vruntime = 0;
  do_set_cpus_allowed(idle, cpumask_of(cpu));
  set_task_cpu(idle, cpu);
  idle->on_cpu = 1;
  snprintf(idle->comm, TASK_COMM_LEN, "swapper/%d", cpu);
}

/* sched_init_smp: once every CPU is up, init may run on any of them (it starts out bound to the boot
   CPU, as init_task's child). */
void sched_init_smp(void)
{
  set_cpus_allowed_ptr(current, cpu_possible_mask);
}
