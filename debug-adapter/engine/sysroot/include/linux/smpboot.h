#ifndef _LINUX_SMPBOOT_H
#define _LINUX_SMPBOOT_H
/* Per-CPU kernel threads (kernel/smpboot.c): a subsystem registers a thread kind, and every CPU gets
   one of them, named after it ("ksoftirqd/%u") and bound to it, looping around should_run/fn. */
#include <linux/sched.h>
#include <linux/list.h>

struct smp_hotplug_thread {
  struct task_struct **store; /* per-CPU: where each CPU's thread is kept (store[cpu]) */
  struct list_head list;
  int (*thread_should_run)(unsigned int cpu);
  void (*thread_fn)(unsigned int cpu);
  void (*create)(unsigned int cpu); /* called once the CPU's thread exists, before it first runs */
  const char *thread_comm;
};

void smpboot_register_percpu_thread(struct smp_hotplug_thread *plug_thread);

#endif
