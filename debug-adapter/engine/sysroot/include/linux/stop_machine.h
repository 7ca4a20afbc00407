#ifndef _LINUX_STOP_MACHINE_H
#define _LINUX_STOP_MACHINE_H
/* Stopping a CPU to run a function on it (kernel/stop_machine.c): the work is queued on the CPU's
   stopper thread, migration/N, which the scheduler runs before any other task on that CPU (the stop
   class). This is how a task running on one CPU is moved to another. */
#include <linux/sched.h>
#include <linux/list.h>

typedef int (*cpu_stop_fn_t)(void *arg);

/* How many works a caller still waits for, and their result. */
struct cpu_stop_done {
  int nr_todo;
  int ret;
  struct completion completion;
};

struct cpu_stop_work {
  struct list_head list; /* on the stopper's works */
  cpu_stop_fn_t fn;
  void *arg;
  struct cpu_stop_done *done; /* NULL: no one waits (stop_one_cpu_nowait) */
};

int stop_one_cpu(unsigned int cpu, cpu_stop_fn_t fn, void *arg);
bool stop_one_cpu_nowait(unsigned int cpu, cpu_stop_fn_t fn, void *arg, struct cpu_stop_work *work_buf);
void cpu_stop_init(void);

#endif
