/* The per-CPU kernel threads a booted Linux shows under kthreadd: cpuhp/0 (CPU hotplug), migration/0
   (the stopper that moves tasks between CPUs), ksoftirqd/0 (softirqs raised faster than interrupts
   exit can run them) and the kworkers of CPU 0's worker pools (kernel/workqueue.c). Each sleeps in
   its own loop until it has work. On Forkscope's one CPU nothing raises softirqs, moves tasks or
   hot-plugs CPUs, so the first three sleep for good; the kworker runs what schedule_work queues. */
#include <linux/sched.h>
#include <linux/kthread.h>
#include <linux/spinlock.h>
#include <linux/workqueue.h>

/* kernel/smpboot.c: a per-CPU thread's loop around its should_run/fn pair. */
struct smp_hotplug_thread {
  int (*thread_should_run)(unsigned int cpu);
  void (*thread_fn)(unsigned int cpu);
  const char *thread_comm;
};

static int smpboot_thread_fn(void *data)
{
  struct smp_hotplug_thread *ht = data;

  for (;;) {
    set_current_state(TASK_INTERRUPTIBLE);
    if (kthread_should_stop()) {
      __set_current_state(TASK_RUNNING);
      return 0;
    }
    if (!ht->thread_should_run(0)) {
      schedule();
    } else {
      __set_current_state(TASK_RUNNING);
      ht->thread_fn(0);
    }
  }
}

static void smpboot_register_percpu_thread(struct smp_hotplug_thread *ht)
{
  kthread_run(smpboot_thread_fn, ht, ht->thread_comm, 0);
}

/* kernel/cpu.c: the hotplug state machine's steps still to run on this CPU. */
static int cpuhp_pending;

static int cpuhp_should_run(unsigned int cpu)
{
  return cpuhp_pending != 0;
}

static void cpuhp_thread_fun(unsigned int cpu)
{
  cpuhp_pending = 0;
}

/* kernel/stop_machine.c: functions to run on this CPU with everything else stopped. */
static LIST_HEAD(cpu_stop_works);

static int cpu_stop_should_run(unsigned int cpu)
{
  return !list_empty(&cpu_stop_works);
}

static void cpu_stopper_thread(unsigned int cpu)
{
  list_del_init(cpu_stop_works.next);
}

/* kernel/softirq.c: the softirqs raised on this CPU (one bit each). */
static unsigned long softirq_pending;

static int ksoftirqd_should_run(unsigned int cpu)
{
  return softirq_pending != 0;
}

static void run_ksoftirqd(unsigned int cpu)
{
  softirq_pending = 0;
}

static struct smp_hotplug_thread cpuhp_threads = { .thread_should_run = cpuhp_should_run, .thread_fn = cpuhp_thread_fun, .thread_comm = "cpuhp/%u" };
static struct smp_hotplug_thread cpu_stop_threads = { .thread_should_run = cpu_stop_should_run, .thread_fn = cpu_stopper_thread, .thread_comm = "migration/%u" };
static struct smp_hotplug_thread softirq_threads = { .thread_should_run = ksoftirqd_should_run, .thread_fn = run_ksoftirqd, .thread_comm = "ksoftirqd/%u" };

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

static void create_worker(struct worker_pool *pool, const char *name)
{
  spin_lock_init(&pool->lock);
  INIT_LIST_HEAD(&pool->worklist);
  pool->worker = kthread_run(worker_thread, pool, name);
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

/* kernel_init's early steps (do_pre_smp_initcalls, smp_init, workqueue_init), in Linux's order. */
void spawn_boot_kthreads(void)
{
  create_worker(&cpu0_pool, "kworker/0:0");
  create_worker(&cpu0_highpri_pool, "kworker/0:0H");
  smpboot_register_percpu_thread(&softirq_threads);
  smpboot_register_percpu_thread(&cpu_stop_threads);
  smpboot_register_percpu_thread(&cpuhp_threads);
}
