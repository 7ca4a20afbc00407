/* kernel/cpu.c and kernel/smp.c: the CPUs and bringing them up. The boot CPU (0) runs start_kernel;
   smp_init, called by init (PID 1) during boot, gives every other CPU an idle task (swapper/N, PID 0,
   fork_idle in smpboot.c) and starts it: that CPU runs start_secondary as its idle task, says it is
   online and enters the idle loop. Then the CPU's per-CPU kernel threads are created and bound to it. */
#include <linux/sched.h>
#include <linux/sched/rq.h>
#include <linux/cpumask.h>
#include <linux/completion.h>
#include <linux/forkscope.h>

/* Set by the host before boot: the machine's CPUs (--cpus). */
unsigned int nr_cpu_ids;
unsigned long __cpu_possible_mask;
unsigned long __cpu_online_mask;

extern void cpu_startup_entry(void);
extern struct task_struct *idle_thread_get(unsigned int cpu);
extern void idle_threads_init(void);
extern void cpuhp_threads_init(void);
extern void smpboot_create_threads(unsigned int cpu);

unsigned int cpumask_next(int n, cpumask_t mask)
{
  unsigned int cpu;
  for (cpu = n + 1; cpu < nr_cpu_ids; cpu++)
    if (cpumask_test_cpu(cpu, mask))
      return cpu;
  return nr_cpu_ids;
}

unsigned int cpumask_weight(cpumask_t mask)
{
  unsigned int n = 0;
  while (mask) {
    mask &= mask - 1;
    n++;
  }
  return n;
}

void set_cpu_online(unsigned int cpu, bool online)
{
  if (online)
    __cpu_online_mask |= cpumask_of(cpu);
  else
    __cpu_online_mask &= ~cpumask_of(cpu);
}

/* start_kernel's first step on the boot CPU. */
void boot_cpu_init(void)
{
  set_cpu_online(smp_processor_id(), true);
}

/* The AP's "I am up" to the CPU that started it (arch/x86's cpu_callin). */
static struct completion cpu_online_done;

/* arch/x86/kernel/smpboot.c: where a secondary CPU starts, running its idle task. */
int start_secondary(void *unused)
{
  set_cpu_online(smp_processor_id(), true);
  complete(&cpu_online_done);
  cpu_startup_entry();
  return 0;
}

static int cpu_up(unsigned int cpu)
{
  init_completion(&cpu_online_done);
  __cpu_up(cpu, idle_thread_get(cpu));
  wait_for_completion(&cpu_online_done);
  /* CPUHP_CREATE_THREADS: cpuhp/N, migration/N and ksoftirqd/N, bound to the new CPU. */
  smpboot_create_threads(cpu);
  return 0;
}

void smp_init(void)
{
  unsigned int cpu;

  idle_threads_init();
  cpuhp_threads_init();
  /* bringup_nonboot_cpus */
  for_each_possible_cpu(cpu) {
    if (!cpu_online(cpu))
      cpu_up(cpu);
  }
}
