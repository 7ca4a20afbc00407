/* The timer interrupt (arch/x86's sysvec_apic_timer_interrupt → tick_handle_periodic →
   update_process_times → scheduler_tick). It arrives on a CPU running a user task; a lone CPU with
   nothing else to run has its tick stopped, as Linux's NO_HZ_FULL does, but with several CPUs the
   tick also drives load balancing.
   The handler runs in hardirq context: irq_enter adds HARDIRQ_OFFSET to the preempt count, so
   in_irq() and in_interrupt() are true, and `current` is just the task the interrupt happened to
   land on. The switch it asks for happens after irq_exit, in preempt_schedule_irq. */
#include <linux/sched.h>
#include <linux/sched/rq.h>
#include <linux/preempt.h>
#include <linux/interrupt.h>

extern void preempt_schedule_irq(void);
extern void trigger_load_balance(struct rq *rq);

/* scheduler_tick: the running task must give up the CPU (resched_curr) when another task waits on this
   run queue (task_tick_fair's check_preempt_tick, simplified; who runs next is pick_next_task's
   choice, the smallest vruntime); and the CPU balances its load with the others when it is time
   (kernel/sched/fair.c). */
void scheduler_tick(void)
{
  struct rq *rq = this_rq();

  if (rq->nr_running > 1)
    resched_curr(rq);
  trigger_load_balance(rq);
}

/* On the way out of the interrupt, once irq_exit has run the softirqs, the switch asked for happens. */
void sysvec_apic_timer_interrupt(void)
{
  irq_enter();
  scheduler_tick();
  irq_exit();
  if (need_resched())
    preempt_schedule_irq();
}
