/* The timer interrupt (arch/x86's sysvec_apic_timer_interrupt → tick_handle_periodic →
   update_process_times → scheduler_tick). It arrives on a CPU running a user task when another task
   waits for that CPU; a CPU with nothing else to run has its tick stopped, as Linux's NO_HZ_FULL does.
   The handler runs in hardirq context: irq_enter adds HARDIRQ_OFFSET to the preempt count, so
   in_irq() and in_interrupt() are true, and `current` is just the task the interrupt happened to
   land on. The switch it asks for happens after irq_exit, in preempt_schedule_irq. */
#include <linux/sched.h>
#include <linux/sched/rq.h>
#include <linux/preempt.h>

extern void preempt_schedule_irq(void);

static void irq_enter(void)
{
  preempt_count_add(HARDIRQ_OFFSET);
}

static void irq_exit(void)
{
  preempt_count_sub(HARDIRQ_OFFSET);
}

/* scheduler_tick's verdict (task_tick_fair's check_preempt_tick, simplified): the running task must
   give up the CPU (resched_curr) when another task waits on this run queue, or when sched_setaffinity
   has moved it to another CPU. Who runs next is pick_next_task's choice (the smallest vruntime). */
bool scheduler_tick(void)
{
  struct rq *rq = this_rq();

  return rq->nr_running > 1 || task_cpu(rq->curr) != cpu_of(rq);
}

void sysvec_apic_timer_interrupt(void)
{
  bool need_resched;

  irq_enter();
  need_resched = scheduler_tick();
  irq_exit();
  if (need_resched)
    preempt_schedule_irq();
}
