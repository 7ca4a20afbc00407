/* kernel/stop_machine.c: each CPU's stopper thread, migration/N, runs the works queued for that CPU
   before any other task there (it is the CPU's stop-class task, rq->stop): waking it preempts whatever
   the CPU runs, at once. The scheduler uses it to move a task that is running (migration_cpu_stop,
   active_load_balance_cpu_stop): only the CPU a task runs on can take it off that CPU. */
#include <linux/sched.h>
#include <linux/sched/rq.h>
#include <linux/cpumask.h>
#include <linux/preempt.h>
#include <linux/smpboot.h>
#include <linux/stop_machine.h>

/* Linux's also has `enabled`, false while its CPU is offline; Forkscope's CPUs never go offline. */
struct cpu_stopper {
  struct list_head works; /* cpu_stop_work.list, run in the order queued */
};

static struct cpu_stopper cpu_stopper[NR_CPUS];
/* Each CPU's migration/N (Linux keeps it in cpu_stopper.thread). */
static struct task_struct *cpu_stopper_task[NR_CPUS];

extern int _cond_resched(void);

static void cpu_stop_init_done(struct cpu_stop_done *done, unsigned int nr_todo)
{
  done->nr_todo = nr_todo;
  done->ret = 0;
  init_completion(&done->completion);
}

/* One more work finished: the last one completes the caller's wait. */
static void cpu_stop_signal_done(struct cpu_stop_done *done)
{
  if (--done->nr_todo == 0)
    complete(&done->completion);
}

/* The work goes on the CPU's list, and migration/N is woken: being the stop class, it preempts. */
static void cpu_stop_queue_work(unsigned int cpu, struct cpu_stop_work *work)
{
  list_add_tail(&work->list, &cpu_stopper[cpu].works);
  wake_up_process(cpu_stopper_task[cpu]);
}

/* Runs fn(arg) on cpu, and waits for it to be done. On this very CPU, the stopper preempts the caller
   at cond_resched(); on another, the caller sleeps until the stopper there has run it. */
int stop_one_cpu(unsigned int cpu, cpu_stop_fn_t fn, void *arg)
{
  struct cpu_stop_done done;
  struct cpu_stop_work work = { .fn = fn, .arg = arg, .done = &done };

  cpu_stop_init_done(&done, 1);
  cpu_stop_queue_work(cpu, &work);
  _cond_resched();
  wait_for_completion(&done.completion);
  return done.ret;
}

/* The same, without waiting: work_buf must outlive the call (the balancer keeps it in the rq). */
bool stop_one_cpu_nowait(unsigned int cpu, cpu_stop_fn_t fn, void *arg, struct cpu_stop_work *work_buf)
{
  work_buf->fn = fn;
  work_buf->arg = arg;
  work_buf->done = 0;
  cpu_stop_queue_work(cpu, work_buf);
  return true;
}

static int cpu_stop_should_run(unsigned int cpu)
{
  return !list_empty(&cpu_stopper[cpu].works);
}

/* migration/N's work: each queued function in turn. They must not sleep: preemption is off. */
static void cpu_stopper_thread(unsigned int cpu)
{
  struct cpu_stopper *stopper = &cpu_stopper[cpu];
  struct cpu_stop_work *work;

  while (!list_empty(&stopper->works)) {
    cpu_stop_fn_t fn;
    void *arg;
    struct cpu_stop_done *done;
    int ret;

    work = list_first_entry(&stopper->works, struct cpu_stop_work, list);
    list_del_init(&work->list);
    fn = work->fn;
    arg = work->arg;
    done = work->done;
    preempt_count_add(1);
    ret = fn(arg);
    if (done) {
      if (ret)
        done->ret = ret;
      cpu_stop_signal_done(done);
    }
    preempt_count_sub(1);
  }
}

/* The new thread becomes its CPU's stop-class task. */
static void cpu_stop_create(unsigned int cpu)
{
  sched_set_stop_task(cpu, cpu_stopper_task[cpu]);
}

static struct smp_hotplug_thread cpu_stop_threads = {
  .store = cpu_stopper_task,
  .thread_should_run = cpu_stop_should_run,
  .thread_fn = cpu_stopper_thread,
  .create = cpu_stop_create,
  .thread_comm = "migration/%u",
};

/* An early initcall: migration/0 now, the other CPUs' as they come up. */
void cpu_stop_init(void)
{
  unsigned int cpu;

  for_each_possible_cpu(cpu)
    INIT_LIST_HEAD(&cpu_stopper[cpu].works);
  smpboot_register_percpu_thread(&cpu_stop_threads);
}
