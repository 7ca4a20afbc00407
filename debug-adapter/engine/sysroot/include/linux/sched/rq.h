#ifndef _LINUX_SCHED_RQ_H
#define _LINUX_SCHED_RQ_H
/* The per-CPU run queues (kernel/sched/sched.h's struct rq). The queue itself (the red-black tree of
   waiting tasks) is host data behind enqueue_task/pick_next_task; these fields are kept up to date by
   the host so that kernel code and the debugger can read them: rq->curr is the task running on that
   CPU, rq->idle its idle task (swapper/N), nr_running the runnable tasks, the running one included,
   and cfs_tasks lists every task on the queue (se.group_node; the running one too), the list load
   balancing walks. rq->stop (migration/N, set by sched_set_stop_task) belongs to the stop class: when
   it is queued, pick_next_task takes it before any other task. The load-balancing fields are the
   kernel's own (kernel/sched/fair.c). */
#include <linux/types.h>
#include <linux/list.h>
#include <linux/cpumask.h>
#include <linux/stop_machine.h>

struct task_struct;
struct sched_domain;

struct rq {
  int cpu;
  unsigned int nr_running;
  u64 nr_switches;
  struct task_struct *curr;
  struct task_struct *idle;
  struct task_struct *stop;
  struct list_head cfs_tasks;
  struct sched_domain *sd;
  unsigned long next_balance; /* when this CPU balances next, in ticks */
  int active_balance;         /* active_load_balance_cpu_stop is queued on this CPU's stopper */
  int push_cpu;               /* ... to push this CPU's running task to */
  struct cpu_stop_work active_balance_work;
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

/* The period of Forkscope's timer tick in virtual nanoseconds (the host's TICK_STEPS steps of 1 ns,
   kernel/cpus.ts). Intervals Linux counts in milliseconds (jiffies at HZ=1000) are counted in these
   ticks: a lecture's program runs for milliseconds, not the seconds Linux's intervals are made for. */
#define SCHED_TICK_NSEC 4096
#define sched_ticks() ((unsigned long)(ktime_get_ns() / SCHED_TICK_NSEC))

/* wake_flags: WF_FORK places a new task (wake_up_new_task), the others a woken one. */
#define WF_EXEC 0x02
#define WF_FORK 0x04

/* select_task_rq: the CPU a new or woken task is queued on (see the host's kernel/cpus.ts: the least
   loaded allowed CPU for a new task, its own CPU for a woken one while its affinity allows it). */
int select_task_rq(struct task_struct *p, int wake_flags);
/* sched_yield's mark (yield_task_fair's skip buddy): the next pick on this CPU prefers any other task. */
void yield_task(struct task_struct *p);
/* The sched class's migrate_task_rq hook, which Linux's set_task_cpu calls for a queued task changing
   CPUs: CFS rebases its vruntime from the old queue's min_vruntime onto the new one's
   (migrate_task_rq_fair). Host code, as CFS's bookkeeping is (kernel/cfs.ts). */
void migrate_task_rq(struct task_struct *p, int new_cpu);
/* arch/x86's smp_send_reschedule: the reschedule IPI to another CPU, whose current task takes it as an
   interrupt (sysvec_reschedule_ipi) as soon as it can; an idle CPU just wakes. */
void smp_send_reschedule(int cpu);
void resched_curr(struct rq *rq);
void wakeup_preempt(struct rq *rq, struct task_struct *p);
void sched_set_stop_task(int cpu, struct task_struct *stop);
int migration_cpu_stop(void *data);

/* The secondary CPU `cpu` starts running `idle` (arch/x86's native_cpu_up, which sends it INIT/SIPI). */
void __cpu_up(unsigned int cpu, struct task_struct *idle);

#endif
