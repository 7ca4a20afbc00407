/* The per-CPU kernel threads a booted Linux shows under kthreadd: cpuhp/N (CPU hotplug), migration/N
   (the stopper that moves tasks between CPUs, kernel/stop_machine.c), ksoftirqd/N (softirqs raised
   outside interrupts, kernel/softirq.c) for every CPU N, and the kworkers of CPU 0's worker pools
   (kernel/workqueue.c). Each sleeps in its own loop until it has work. Nothing in Forkscope
   hot-plugs CPUs, so cpuhp/N sleeps for good; the kworker runs what schedule_work queues. The
   secondary CPUs' idle tasks are made here too (idle_threads_init). */
#include <linux/sched.h>
#include <linux/sched/rq.h>
#include <linux/cpumask.h>
#include <linux/forkscope.h>
#include <linux/kthread.h>
#include <linux/interrupt.h>
#include <linux/smpboot.h>
#include <linux/stop_machine.h>
#include <linux/spinlock.h>
#include <linux/workqueue.h>

extern void kthread_bind(struct task_struct *p, unsigned int cpu);
extern void init_idle(struct task_struct *idle, int cpu);
extern void smp_init(void);
extern void sched_init_smp(void);
extern int start_secondary(void *unused);

/* kernel/smpboot.c: a per-CPU thread's loop around its should_run/fn pair. The registered threads are
   on hotplug_threads, the last registered first (list_add), which is the order each new CPU gets them. */
struct smpboot_thread_data {
  unsigned int cpu;
  struct smp_hotplug_thread *ht;
};

static LIST_HEAD(hotplug_threads);

static int smpboot_thread_fn(void *data)
{
  struct smpboot_thread_data *td = data;
  struct smp_hotplug_thread *ht = td->ht;

  for (;;) {
    set_current_state(TASK_INTERRUPTIBLE);
    if (kthread_should_stop()) {
      __set_current_state(TASK_RUNNING);
      return 0;
    }
    if (!ht->thread_should_run(td->cpu)) {
      schedule();
    } else {
      __set_current_state(TASK_RUNNING);
      ht->thread_fn(td->cpu);
    }
  }
}

/* kthread_create_on_cpu: the thread is named after its CPU ("ksoftirqd/%u") and bound to it. */
static void __smpboot_create_thread(struct smp_hotplug_thread *ht, unsigned int cpu)
{
  struct smpboot_thread_data *td = kzalloc(sizeof(*td), GFP_KERNEL);
  struct task_struct *tsk;

  td->cpu = cpu;
  td->ht = ht;
  tsk = kthread_create(smpboot_thread_fn, td, ht->thread_comm, cpu);
  if (IS_ERR(tsk))
    return;
  kthread_bind(tsk, cpu);
  ht->store[cpu] = tsk;
  if (ht->create)
    ht->create(cpu);
  wake_up_process(tsk);
}

void smpboot_create_threads(unsigned int cpu)
{
  struct smp_hotplug_thread *ht;

  list_for_each_entry(ht, &hotplug_threads, list)
    __smpboot_create_thread(ht, cpu);
}

void smpboot_register_percpu_thread(struct smp_hotplug_thread *ht)
{
  unsigned int cpu;

  for_each_online_cpu(cpu)
    __smpboot_create_thread(ht, cpu);
  list_add(&ht->list, &hotplug_threads);
}

/* kernel/fork.c's fork_idle: a task for a CPU's idle loop. It is no process: PID 0, on no list, no
   one's child (copy_process skips all of that for PID 0). It will run start_secondary on its CPU. */
static struct task_struct *fork_idle(int cpu)
{
  struct kernel_clone_args args = { .flags = CLONE_VM, .fn = start_secondary, .kthread = 1, .idle = 1 };
  struct task_struct *idle = kzalloc(sizeof(struct task_struct), GFP_KERNEL);

  *idle = init_task;
  INIT_LIST_HEAD(&idle->tasks);
  INIT_LIST_HEAD(&idle->children);
  INIT_LIST_HEAD(&idle->sibling);
  INIT_LIST_HEAD(&idle->thread_group);
  idle->group_leader = idle;
  copy_thread(idle, &args);
  init_idle(idle, cpu);
  return idle;
}

static struct task_struct *idle_threads[NR_CPUS];

struct task_struct *idle_thread_get(unsigned int cpu)
{
  return idle_threads[cpu];
}

void idle_threads_init(void)
{
  unsigned int cpu;

  idle_threads[smp_processor_id()] = &init_task;
  for_each_possible_cpu(cpu) {
    if (cpu != smp_processor_id())
      idle_threads[cpu] = fork_idle(cpu);
  }
}

/* kernel/cpu.c: the hotplug state machine's steps still to run on each CPU. */
static int cpuhp_pending[NR_CPUS];

static int cpuhp_should_run(unsigned int cpu)
{
  return cpuhp_pending[cpu] != 0;
}

static void cpuhp_thread_fun(unsigned int cpu)
{
  cpuhp_pending[cpu] = 0;
}

static struct task_struct *cpuhp_threads_task[NR_CPUS];
static struct smp_hotplug_thread cpuhp_threads = { .store = cpuhp_threads_task, .thread_should_run = cpuhp_should_run, .thread_fn = cpuhp_thread_fun, .thread_comm = "cpuhp/%u" };

/* kernel/workqueue.c: a worker pool's queue of work, and its kworker's loop. An idle worker sleeps in
   TASK_IDLE, which ps shows as I. */
struct worker_pool {
  spinlock_t lock;
  struct list_head worklist;
  struct task_struct *worker;
};

static struct worker_pool cpu0_pool;
static struct worker_pool cpu0_highpri_pool;

static int worker_thread(void *__pool)
{
  struct worker_pool *pool = __pool;

  for (;;) {
    struct work_struct *work;

    set_current_state(TASK_IDLE);
    if (kthread_should_stop())
      break;
    spin_lock(&pool->lock);
    if (list_empty(&pool->worklist)) {
      spin_unlock(&pool->lock);
      schedule();
      continue;
    }
    __set_current_state(TASK_RUNNING);
    work = list_first_entry(&pool->worklist, struct work_struct, entry);
    list_del_init(&work->entry);
    work->pending = 0;
    spin_unlock(&pool->lock);
    work->func(work);
  }
  __set_current_state(TASK_RUNNING);
  return 0;
}

/* A pool's worker; the highpri pools' run at HIGHPRI_NICE_LEVEL (nice -20: ps shows I<). */
static void create_worker(struct worker_pool *pool, const char *name, long nice)
{
  spin_lock_init(&pool->lock);
  INIT_LIST_HEAD(&pool->worklist);
  pool->worker = kthread_create(worker_thread, pool, name);
  set_user_nice(pool->worker, nice);
  wake_up_process(pool->worker);
}

/* Queues work on CPU 0's normal pool; false when it is queued already. */
bool schedule_work(struct work_struct *work)
{
  struct worker_pool *pool = &cpu0_pool;

  if (work->pending)
    return false;
  work->pending = 1;
  spin_lock(&pool->lock);
  list_add_tail(&work->entry, &pool->worklist);
  spin_unlock(&pool->lock);
  wake_up_process(pool->worker);
  return true;
}

/* kernel/cpu.c: cpuhp/0 comes with smp_init, just before the other CPUs are brought up. */
void cpuhp_threads_init(void)
{
  smpboot_register_percpu_thread(&cpuhp_threads);
}

/* kernel_init's early steps (do_pre_smp_initcalls, smp_init, sched_init_smp), in Linux's order. */
void spawn_boot_kthreads(void)
{
  create_worker(&cpu0_pool, "kworker/0:0", 0);
  create_worker(&cpu0_highpri_pool, "kworker/0:0H", MIN_NICE);
  spawn_ksoftirqd();
  cpu_stop_init();
  smp_init();
  sched_init_smp();
}
