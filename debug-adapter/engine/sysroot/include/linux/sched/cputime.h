#ifndef _LINUX_SCHED_CPUTIME_H
#define _LINUX_SCHED_CPUTIME_H
/* CPU time (kernel/sched/cputime.c). The machine charges each time slice a task runs to its
   se.sum_exec_runtime (one VM step is one nanosecond), and to utime or stime by the mode the timer tick
   finds it in, as Linux's tick-based accounting does. */
#include <linux/types.h>

struct task_struct;

struct task_cputime {
  u64 stime;
  u64 utime;
  unsigned long long sum_exec_runtime;
};

unsigned long long task_sched_runtime(struct task_struct *p);
void thread_group_cputime(struct task_struct *tsk, struct task_cputime *times);

#endif
