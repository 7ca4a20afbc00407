/* kernel/sched/fair.c's load balancing: a busy CPU's tick looks, every so often, for a busier CPU and
   pulls waiting tasks from it until the two have about as many runnable tasks (periodic balancing).
   Linux weighs CPU load (PELT averages of each task's running time); Forkscope's tasks have no such
   history, so load here is nr_running, as in Linux's migrate_task imbalance type. When the busiest
   CPU's only movable task is the one it is running, its stopper pushes that task over (active
   balancing). An idle CPU pulls as it goes idle (newidle_balance) or when the busy CPU's tick kicks
   it (the nohz kick): both are host mechanics (kernel/cpus.ts), as a tick never comes to an idle CPU. */
#include <linux/sched.h>
#include <linux/sched/rq.h>
#include <linux/sched/topology.h>
#include <linux/cpumask.h>
#include <linux/forkscope.h>
#include <linux/interrupt.h>
#include <linux/list.h>
#include <linux/stop_machine.h>

/* Each CPU's MC domain (Linux builds them in kernel/sched/topology.c). */
static struct sched_domain sched_domains[NR_CPUS];

#define LBF_ALL_PINNED 0x01

/* What one balancing run works with: pull from src to dst, `imbalance` tasks. */
struct lb_env {
  struct sched_domain *sd;
  int src_cpu;
  struct rq *src_rq;
  int dst_cpu;
  struct rq *dst_rq;
  cpumask_t cpus; /* the CPUs still worth looking at */
  unsigned int flags;
  long imbalance;
  unsigned int loop;
  unsigned int loop_max;
  struct list_head tasks; /* the detached tasks, until attached to dst */
};

/* How often a busy CPU balances, in ticks: Linux's sd_init gives an MC domain balance_interval =
   span_weight ms and busy_factor 16, and takes one off so that the levels of a hierarchy do not
   balance in step. */
static unsigned long get_sd_balance_interval(struct sched_domain *sd)
{
  unsigned long interval = sd->balance_interval * sd->busy_factor - 1;

  return interval < 1 ? 1 : interval;
}

/* can_migrate_task: p may run on dst, and is not running (a running task only its own CPU's stopper can
   move). A task dst may run clears LBF_ALL_PINNED, even if it is running. */
static int can_migrate_task(struct task_struct *p, struct lb_env *env)
{
  if (!cpumask_test_cpu(env->dst_cpu, p->cpus_allowed))
    return 0;
  env->flags &= ~LBF_ALL_PINNED;
  if (task_running(env->src_rq, p))
    return 0;
  return 1;
}

static void detach_task(struct task_struct *p, struct lb_env *env)
{
  dequeue_task(p);
  /* set_task_cpu: Linux's calls the class's migrate_task_rq itself. */
  migrate_task_rq(p, env->dst_cpu);
  set_task_cpu(p, env->dst_cpu);
}

/* Takes up to env->imbalance tasks off the busiest queue, the longest queued first (the tail of
   cfs_tasks: the least likely to still have its data in that CPU's cache). A task that cannot go is
   moved to the head, so that the next one is looked at. */
static int detach_tasks(struct lb_env *env)
{
  struct list_head *tasks = &env->src_rq->cfs_tasks;
  struct task_struct *p;
  int detached = 0;

  while (!list_empty(tasks) && env->imbalance > 0) {
    if (++env->loop > env->loop_max)
      break;
    p = list_last_entry(tasks, struct task_struct, se.group_node);
    if (!can_migrate_task(p, env)) {
      list_move(&p->se.group_node, tasks);
      continue;
    }
    detach_task(p, env);
    list_add(&p->se.group_node, &env->tasks);
    detached++;
    env->imbalance--;
  }
  return detached;
}

static void attach_task(struct rq *rq, struct task_struct *p)
{
  enqueue_task(p);
  wakeup_preempt(rq, p);
}

static void attach_tasks(struct lb_env *env)
{
  struct task_struct *p;

  while (!list_empty(&env->tasks)) {
    p = list_first_entry(&env->tasks, struct task_struct, se.group_node);
    list_del_init(&p->se.group_node);
    attach_task(env->dst_rq, p);
  }
}

/* find_busiest_group and find_busiest_queue in one, each group being one CPU: the other CPU with the
   most runnable tasks, the lowest number on ties. */
static struct rq *find_busiest_queue(struct lb_env *env)
{
  struct rq *busiest = 0;
  unsigned int busiest_nr = 0;
  int i;

  for_each_cpu(i, env->cpus) {
    struct rq *rq = cpu_rq(i);

    if (i != env->dst_cpu && rq->nr_running > busiest_nr) {
      busiest_nr = rq->nr_running;
      busiest = rq;
    }
  }
  return busiest;
}

/* calculate_imbalance: half the difference, so that both end with about as many. */
static void calculate_imbalance(struct lb_env *env, struct rq *busiest)
{
  env->imbalance = ((long)busiest->nr_running - (long)env->dst_rq->nr_running) / 2;
}

/* Linux's classic test: balancing has failed more often than the domain tolerates. */
static int need_active_balance(struct lb_env *env)
{
  return env->sd->nr_balance_failed > env->sd->cache_nice_tries + 2;
}

/* detach_one_task: the first task on the queue that may go to the target (the one that was running
   waits on the queue now that the stopper runs). */
static struct task_struct *detach_one_task(struct lb_env *env)
{
  struct task_struct *p;

  list_for_each_entry_reverse(p, &env->src_rq->cfs_tasks, se.group_node) {
    if (!can_migrate_task(p, env))
      continue;
    detach_task(p, env);
    return p;
  }
  return 0;
}

/* Run by the busiest CPU's stopper, which has taken the CPU from the task it was running: pushes one
   task to push_cpu. */
static int active_load_balance_cpu_stop(void *data)
{
  struct rq *busiest_rq = data;
  int busiest_cpu = cpu_of(busiest_rq);
  int target_cpu = busiest_rq->push_cpu;
  struct rq *target_rq = cpu_rq(target_cpu);
  struct sched_domain *sd;
  struct task_struct *p = 0;

  /* Is there any task to move? */
  if (busiest_rq->active_balance && busiest_rq->nr_running > 1) {
    for_each_domain(target_cpu, sd) {
      if (cpumask_test_cpu(busiest_cpu, sched_domain_span(sd)))
        break;
    }
    if (sd) {
      struct lb_env env = { .sd = sd, .dst_cpu = target_cpu, .dst_rq = target_rq, .src_cpu = busiest_cpu, .src_rq = busiest_rq };

      p = detach_one_task(&env);
    }
  }
  busiest_rq->active_balance = 0;
  if (p)
    attach_task(target_rq, p);
  return 0;
}

/* Pulls tasks from the busiest CPU of the domain to this one; returns how many. */
static int load_balance(int this_cpu, struct rq *this_rq, struct sched_domain *sd)
{
  struct lb_env env = { .sd = sd, .dst_cpu = this_cpu, .dst_rq = this_rq };
  struct rq *busiest;
  int ld_moved = 0;

  INIT_LIST_HEAD(&env.tasks);
  env.cpus = sched_domain_span(sd) & cpu_active_mask;
redo:
  busiest = find_busiest_queue(&env);
  if (!busiest)
    goto out_balanced;
  calculate_imbalance(&env, busiest);
  if (env.imbalance <= 0)
    goto out_balanced;
  env.src_cpu = cpu_of(busiest);
  env.src_rq = busiest;
  env.flags = LBF_ALL_PINNED;
  env.loop = 0;
  env.loop_max = busiest->nr_running;
  ld_moved = detach_tasks(&env);
  if (ld_moved)
    attach_tasks(&env);
  /* Every task there is pinned away from this CPU: look at the next busiest. */
  if (env.flags & LBF_ALL_PINNED) {
    env.cpus &= ~cpumask_of(env.src_cpu);
    if (env.cpus & ~cpumask_of(this_cpu))
      goto redo;
    return 0;
  }
  if (ld_moved) {
    sd->nr_balance_failed = 0;
    return ld_moved;
  }
  sd->nr_balance_failed++;
  if (need_active_balance(&env)) {
    /* Don't kick the stopper if the task it would push cannot run here. */
    if (!cpumask_test_cpu(this_cpu, busiest->curr->cpus_allowed))
      return 0;
    if (!busiest->active_balance) {
      busiest->active_balance = 1;
      busiest->push_cpu = this_cpu;
      stop_one_cpu_nowait(cpu_of(busiest), active_load_balance_cpu_stop, busiest, &busiest->active_balance_work);
    }
    /* Active balancing was kicked: start counting failures again, short of the limit. */
    sd->nr_balance_failed = sd->cache_nice_tries + 1;
  }
  return 0;

out_balanced:
  sd->nr_balance_failed = 0;
  return 0;
}

/* Balances each of the CPU's domains whose interval has passed, and notes when to come back. */
static void rebalance_domains(struct rq *rq)
{
  int cpu = cpu_of(rq);
  unsigned long now = sched_ticks();
  unsigned long next_balance = ~0UL;
  unsigned long interval;
  struct sched_domain *sd;

  for_each_domain(cpu, sd) {
    interval = get_sd_balance_interval(sd);
    if (now >= sd->last_balance + interval) {
      load_balance(cpu, rq, sd);
      sd->last_balance = now;
    }
    if (next_balance > sd->last_balance + interval)
      next_balance = sd->last_balance + interval;
  }
  rq->next_balance = next_balance;
}

/* SCHED_SOFTIRQ's handler. (Linux's also balances for idle CPUs whose tick is stopped: the nohz kick.) */
static void run_rebalance_domains(struct softirq_action *h)
{
  rebalance_domains(this_rq());
}

/* From scheduler_tick: raise SCHED_SOFTIRQ once the CPU's next balance is due. A CPU in no domain (the
   only CPU of its machine) has nothing to balance with. */
void trigger_load_balance(struct rq *rq)
{
  if (!rq->sd)
    return;
  if (sched_ticks() >= rq->next_balance)
    raise_softirq(SCHED_SOFTIRQ);
}

/* build_sched_domains: one MC domain over cpu_map for each of its CPUs, sd_init's values. A domain of
   one CPU degenerates and is dropped (Linux's sd_degenerate): a lone CPU balances with no one. */
void sched_init_domains(cpumask_t cpu_map)
{
  unsigned int weight = cpumask_weight(cpu_map);
  unsigned int cpu;

  open_softirq(SCHED_SOFTIRQ, run_rebalance_domains);
  if (weight < 2)
    return;
  for_each_cpu(cpu, cpu_map) {
    struct sched_domain *sd = &sched_domains[cpu];

    sd->span = cpu_map;
    sd->balance_interval = weight;
    sd->busy_factor = 16;
    sd->cache_nice_tries = 1;
    sd->last_balance = sched_ticks();
    cpu_rq(cpu)->sd = sd;
  }
}
