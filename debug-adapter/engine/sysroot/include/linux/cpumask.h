#ifndef _LINUX_CPUMASK_H
#define _LINUX_CPUMASK_H
/* CPU masks (include/linux/cpumask.h). Forkscope's machine has at most NR_CPUS = 64 CPUs, so a mask is
   one unsigned long, bit n standing for CPU n (Linux's cpumask_t is an array of such words). The
   possible CPUs are 0 … nr_cpu_ids - 1, the machine's --cpus, which the host sets before boot as the
   firmware's CPU table does; a CPU is online once it has started its idle task (kernel/cpu.c). */
#include <linux/types.h>

#define NR_CPUS 64
typedef unsigned long cpumask_t;

extern unsigned int nr_cpu_ids;
extern unsigned long __cpu_possible_mask;
extern unsigned long __cpu_online_mask;

#define cpu_possible_mask __cpu_possible_mask
#define cpu_online_mask __cpu_online_mask
/* No CPU is ever taken down, so every online CPU is active (may take new tasks). */
#define cpu_active_mask __cpu_online_mask

#define cpumask_size() sizeof(cpumask_t)
#define cpumask_of(cpu) (1UL << (cpu))
#define cpumask_test_cpu(cpu, mask) ((((mask) >> (cpu)) & 1UL) != 0)
#define cpu_online(cpu) cpumask_test_cpu((cpu), cpu_online_mask)
#define cpu_possible(cpu) ((unsigned int)(cpu) < nr_cpu_ids)

/* The next CPU after n in mask, or nr_cpu_ids when there is none. */
unsigned int cpumask_next(int n, cpumask_t mask);
unsigned int cpumask_weight(cpumask_t mask);
#define cpumask_first(mask) cpumask_next(-1, (mask))

#define for_each_cpu(cpu, mask) for ((cpu) = cpumask_first(mask); (cpu) < nr_cpu_ids; (cpu) = cpumask_next((cpu), (mask)))
#define for_each_possible_cpu(cpu) for_each_cpu((cpu), cpu_possible_mask)
#define for_each_online_cpu(cpu) for_each_cpu((cpu), cpu_online_mask)

void set_cpu_online(unsigned int cpu, bool online);

/* The CPU this code runs on. */
int smp_processor_id(void);
#define raw_smp_processor_id() smp_processor_id()

#endif
