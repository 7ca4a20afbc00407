#ifndef _LINUX_SCHED_RQ_H
#define _LINUX_SCHED_RQ_H
/* The per-CPU run queues (kernel/sched/sched.h's struct rq). The queue itself (the red-black tree of
   waiting tasks) is host data behind enqueue_task/pick_next_task; these fields are kept up to date by
   the host so that kernel code and the debugger can read them: rq->curr is the task running on that
   CPU, rq->idle its idle task (swapper/N), nr_running the runnable tasks, the running one included. */
#include <linux/types.h>
#include <linux/cpumask.h>

struct task_struct;

struct rq {
  int cpu;
  unsigned int nr_running;
  u64 nr_switches;
  struct task_struct *curr;
  struct task_struct *idle;
};

extern struct rq runqueues[NR_CPUS];

#define cpu_rq(cpu) (&runqueues[(cpu)])
#define this_rq() cpu_rq(smp_processor_id())
#define task_rq(p) cpu_rq(task_cpu(p))
#define cpu_of(rq) ((rq)->cpu)
#define task_cpu(p) ((p)->cpu)
/* p->cpu says whose queue p is on (or goes back to when it wakes). */
#define set_task_cpu(p, new_cpu) ((p)->cpu = (new_cpu))
#define task_on_rq_queued(p) ((p)->se.on_rq)
#define task_running(rq, p) ((p)->on_cpu)

/* wake_flags: WF_FORK places a new task (wake_up_new_task), the others a woken one. */
#define WF_EXEC 0x02
#define WF_FORK 0x04

/* select_task_rq: the CPU a new or woken task is queued on (see the host's kernel/cpus.ts: the least
   loaded allowed CPU for a new task, its own CPU for a woken one while its affinity allows it). */
int select_task_rq(struct task_struct *p, int wake_flags);
/* sched_yield's mark (yield_task_fair's skip buddy): the next pick on this CPU prefers any other task. */
void yield_task(struct task_struct *p);
/* The secondary CPU `cpu` starts running `idle` (arch/x86's native_cpu_up, which sends it INIT/SIPI). */
void __cpu_up(unsigned int cpu, struct task_struct *idle);

#endif
