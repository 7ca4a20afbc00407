#ifndef _LINUX_INTERRUPT_H
#define _LINUX_INTERRUPT_H
/* Interrupt context and softirqs (include/linux/interrupt.h, linux/hardirq.h). A softirq is work an
   interrupt handler raises to be done once the handler is over: on the way out of the interrupt
   (irq_exit), with interrupts enabled again, or by the CPU's ksoftirqd/N thread when one is raised
   outside an interrupt. Linux's numbers; Forkscope raises only SCHED_SOFTIRQ (load balancing). */
#include <linux/types.h>

enum {
  HI_SOFTIRQ = 0,
  TIMER_SOFTIRQ,
  NET_TX_SOFTIRQ,
  NET_RX_SOFTIRQ,
  BLOCK_SOFTIRQ,
  IRQ_POLL_SOFTIRQ,
  TASKLET_SOFTIRQ,
  SCHED_SOFTIRQ,
  HRTIMER_SOFTIRQ,
  RCU_SOFTIRQ,
  NR_SOFTIRQS
};

struct softirq_action {
  void (*action)(struct softirq_action *);
};

void open_softirq(int nr, void (*action)(struct softirq_action *));
void raise_softirq(unsigned int nr);
void raise_softirq_irqoff(unsigned int nr);
void irq_enter(void);
void irq_exit(void);
void spawn_ksoftirqd(void);

#endif
