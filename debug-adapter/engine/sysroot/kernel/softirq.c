/* kernel/softirq.c: interrupt entry and exit, and softirqs. An interrupt handler raises a softirq to
   have work done once the handler is over: irq_exit runs the pending ones (__do_softirq) right there,
   still in the interrupted task's context but with hardirqs done (in_softirq()). A softirq raised
   outside an interrupt wakes the CPU's ksoftirqd/N instead, which runs it as a thread. */
#include <linux/sched.h>
#include <linux/cpumask.h>
#include <linux/interrupt.h>
#include <linux/preempt.h>
#include <linux/smpboot.h>

/* The softirqs raised on each CPU (one bit each): irq_stat's __softirq_pending. */
static unsigned long softirq_pending[NR_CPUS];
static struct softirq_action softirq_vec[NR_SOFTIRQS];
static struct task_struct *ksoftirqd[NR_CPUS];

#define local_softirq_pending() (softirq_pending[smp_processor_id()])
#define set_softirq_pending(x) (softirq_pending[smp_processor_id()] = (x))

void open_softirq(int nr, void (*action)(struct softirq_action *))
{
  softirq_vec[nr].action = action;
}

static void wakeup_softirqd(void)
{
  struct task_struct *tsk = ksoftirqd[smp_processor_id()];

  if (tsk)
    wake_up_process(tsk);
}

void __raise_softirq_irqoff(unsigned int nr)
{
  softirq_pending[smp_processor_id()] |= 1UL << nr;
}

/* In an interrupt, irq_exit will run it; anywhere else only ksoftirqd would notice it. */
void raise_softirq_irqoff(unsigned int nr)
{
  __raise_softirq_irqoff(nr);
  if (!in_interrupt())
    wakeup_softirqd();
}

void raise_softirq(unsigned int nr)
{
  raise_softirq_irqoff(nr);
}

/* Runs each pending softirq's handler, lowest number first, in softirq context. A softirq raised again
   meanwhile is left to ksoftirqd (Linux first restarts a few times, within 2 ms). */
static void __do_softirq(void)
{
  unsigned long pending = local_softirq_pending();
  int nr;

  preempt_count_add(SOFTIRQ_OFFSET);
  set_softirq_pending(0);
  for (nr = 0; nr < NR_SOFTIRQS; nr++) {
    if (pending & (1UL << nr))
      softirq_vec[nr].action(&softirq_vec[nr]);
  }
  if (local_softirq_pending())
    wakeup_softirqd();
  preempt_count_sub(SOFTIRQ_OFFSET);
}

static void invoke_softirq(void)
{
  __do_softirq();
}

void irq_enter(void)
{
  preempt_count_add(HARDIRQ_OFFSET);
}

/* The handler is done: softirqs it raised run now, unless this interrupt came in on top of one. */
void irq_exit(void)
{
  preempt_count_sub(HARDIRQ_OFFSET);
  if (!in_interrupt() && local_softirq_pending())
    invoke_softirq();
}

static int ksoftirqd_should_run(unsigned int cpu)
{
  return softirq_pending[cpu] != 0;
}

static void run_ksoftirqd(unsigned int cpu)
{
  if (local_softirq_pending())
    __do_softirq();
}

static struct smp_hotplug_thread softirq_threads = { .store = ksoftirqd, .thread_should_run = ksoftirqd_should_run, .thread_fn = run_ksoftirqd, .thread_comm = "ksoftirqd/%u" };

/* An early initcall: ksoftirqd/0 now, the other CPUs' as they come up. */
void spawn_ksoftirqd(void)
{
  smpboot_register_percpu_thread(&softirq_threads);
}
