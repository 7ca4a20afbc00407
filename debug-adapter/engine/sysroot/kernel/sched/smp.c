/* kernel/sched/core.c's SMP half: the per-CPU run queues and where a task may run. A task's
   cpus_allowed is its affinity mask; p->cpu is the CPU whose queue it is on, or goes back to when it
   wakes. Changing the mask moves a task off a CPU the mask no longer allows. */
#include <linux/sched.h>
#include <linux/sched/rq.h>
#include <linux/cpumask.h>
#include <linux/errno.h>
#include <linux/forkscope.h>
#include <linux/sprintf.h>
#include <linux/interrupt.h>
#include <linux/stop_machine.h>
#include <linux/sched/topology.h>

extern void preempt_schedule_irq(void);

struct rq runqueues[NR_CPUS];

void do_set_cpus_allowed(struct task_struct *p, cpumask_t new_mask)
{
  p->cpus_allowed = new_mask;
  p->nr_cpus_allowed = cpumask_weight(new_mask);
}

/* is_cpu_allowed: p's mask has the CPU and the CPU is up. */
static bool is_cpu_allowed(struct task_struct *p, int cpu)
{
  return cpumask_test_cpu(cpu, p->cpus_allowed) && cpu_online(cpu);
}

/* Takes p, waiting on rq and not running, to new_cpu's queue. */
static struct rq *move_queued_task(struct rq *rq, struct task_struct *p, int new_cpu)
{
  dequeue_task(p);
  /* set_task_cpu: Linux's calls the class's migrate_task_rq itself. */
  migrate_task_rq(p, new_cpu);
  set_task_cpu(p, new_cpu);
  rq = cpu_rq(new_cpu);
  enqueue_task(p);
  wakeup_preempt(rq, p);
  return rq;
}

static struct rq *__migrate_task(struct rq *rq, struct task_struct *p, int dest_cpu)
{
  /* Affinity changed (again). */
  if (!is_cpu_allowed(p, dest_cpu))
    return rq;
  return move_queued_task(rq, p, dest_cpu);
}

struct migration_arg {
  struct task_struct *task;
  int dest_cpu;
};

/* Run by migration/N on the CPU p was running on: the stopper has taken that CPU from p, so p now waits
   on this queue and can be moved. If p has gone to sleep or moved meanwhile, nothing is left to do:
   a sleeping task wakes on a CPU its mask allows (select_task_rq; Linux notes it in p->wake_cpu). */
int migration_cpu_stop(void *data)
{
  struct migration_arg *arg = data;
  struct task_struct *p = arg->task;
  struct rq *rq = this_rq();

  if (task_rq(p) == rq && task_on_rq_queued(p))
    __migrate_task(rq, p, arg->dest_cpu);
  return 0;
}

/* Moves p off a CPU its new mask does not allow. Only that CPU can take a running task off itself, so
   its stopper does the move, and the caller waits for it; that holds when p is the caller too (it is
   preempted by its own CPU's stopper, and goes on on dest_cpu). A task waiting on a run queue changes
   queues now. A sleeping task goes to an allowed CPU when it wakes. */
static int affine_move_task(struct rq *rq, struct task_struct *p, int dest_cpu)
{
  if (task_running(rq, p)) {
    struct migration_arg arg = { .task = p, .dest_cpu = dest_cpu };

    stop_one_cpu(cpu_of(rq), migration_cpu_stop, &arg);
  } else if (task_on_rq_queued(p)) {
    move_queued_task(rq, p, dest_cpu);
  }
  return 0;
}

/* -EINVAL unless the mask has an online CPU. */
static int __set_cpus_allowed_ptr(struct task_struct *p, cpumask_t new_mask)
{
  unsigned int dest_cpu = cpumask_first(new_mask & cpu_active_mask);

  if (dest_cpu >= nr_cpu_ids)
    return -EINVAL;
  do_set_cpus_allowed(p, new_mask);
  /* Can the task run on the task's current CPU? If so, we're done. */
  if (cpumask_test_cpu(task_cpu(p), new_mask))
    return 0;
  return affine_move_task(task_rq(p), p, dest_cpu);
}

int set_cpus_allowed_ptr(struct task_struct *p, cpumask_t new_mask)
{
  return __set_cpus_allowed_ptr(p, new_mask);
}

/* arch/x86's reschedule IPI: another CPU asked this one to reschedule (resched_curr). The handler has
   nothing to do (scheduler_ipi); the switch happens on the way out, as TIF_NEED_RESCHED is set. */
void sysvec_reschedule_ipi(void)
{
  irq_enter();
  irq_exit();
  if (need_resched())
    preempt_schedule_irq();
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

/* sched_init_smp: once every CPU is up, the scheduling domains are built (kernel/sched/fair.c), and
   init may run on any CPU (it starts out bound to the boot CPU, as init_task's child). */
void sched_init_smp(void)
{
  sched_init_domains(cpu_active_mask);
  set_cpus_allowed_ptr(current, cpu_possible_mask);
}
