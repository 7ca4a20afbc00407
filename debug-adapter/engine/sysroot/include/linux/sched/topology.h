#ifndef _LINUX_SCHED_TOPOLOGY_H
#define _LINUX_SCHED_TOPOLOGY_H
/* Scheduling domains (include/linux/sched/topology.h): the sets of CPUs load balancing evens out. Linux
   builds a hierarchy (SMT siblings, cores of a package, NUMA nodes); Forkscope's CPUs are alike and
   share everything, so there is one level, the MC domain, spanning every active CPU, each of its
   groups one CPU. A machine of one CPU has no domain at all (the rq's sd is NULL). */
#include <linux/types.h>
#include <linux/cpumask.h>

struct sched_domain {
  cpumask_t span;                /* the CPUs it balances */
  unsigned long last_balance;    /* when it was last balanced, in ticks (see SCHED_TICK_NSEC) */
  unsigned int balance_interval; /* ticks between balancing runs while the CPU is idle */
  unsigned int busy_factor;      /* ... and this many times longer while it is busy */
  unsigned int nr_balance_failed;
  unsigned int cache_nice_tries; /* failures tolerated before the running task is pushed (active balance) */
};

#define for_each_domain(cpu, __sd) for ((__sd) = cpu_rq(cpu)->sd; (__sd); (__sd) = 0)
#define sched_domain_span(sd) ((sd)->span)

void sched_init_domains(cpumask_t cpu_map);

#endif
