/* kernel/sched/cputime.c: how much CPU a task and a process have had. The machine charges the steps
   each task runs to its se.sum_exec_runtime as each time slice ends (update_curr's job), and to utime or
   stime by the mode the slice ended in (the tick's sample); a thread that has gone left its share in
   its signal_struct (__exit_signal). */
#include <linux/sched.h>
#include <linux/sched/cputime.h>

/* Linux adds the running task's not yet charged time here; Forkscope charges each slice as it ends, so
   the sum is up to date at the start of the caller's slice. */
unsigned long long task_sched_runtime(struct task_struct *p)
{
  return p->se.sum_exec_runtime;
}

/* The CPU time of a whole process: its live threads, and those that have gone. */
void thread_group_cputime(struct task_struct *tsk, struct task_cputime *times)
{
  struct signal_struct *sig = tsk->signal;
  struct task_struct *t;

  times->utime = sig->utime;
  times->stime = sig->stime;
  times->sum_exec_runtime = sig->sum_sched_runtime;
  for_each_thread(tsk->group_leader, t) {
    times->utime += t->utime;
    times->stime += t->stime;
    times->sum_exec_runtime += task_sched_runtime(t);
  }
}
