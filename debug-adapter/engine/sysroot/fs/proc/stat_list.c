/* The system call that stands in for reading /proc (see linux/proc_stat.h). Linux's proc_pid_readdir
   lists /proc's processes, do_task_stat (fs/proc/array.c) prints each one's stat line and
   proc_pid_cmdline_read its arguments (get_cmdline); here the same fields are copied into the
   caller's array instead of printed as text for ps to parse. */
#include <linux/sched.h>
#include <linux/errno.h>
#include <linux/sched/cputime.h>
#include <linux/sched/task_state.h>
#include <linux/proc_stat.h>
#include <linux/string.h>
#include <linux/time.h>
#include <linux/forkscope.h>

/* USER_HZ: /proc counts CPU time in the same clock ticks as times(). */
#define USER_HZ 100

static unsigned long nsec_to_clock_t(u64 ns)
{
  return ns / (NSEC_PER_SEC / USER_HZ);
}

/* get_cmdline (mm/util.c): the task's arguments as its exec laid them out, between mm->arg_start and
   mm->arg_end in its memory; a task with no memory has none. Returns the bytes copied. */
static int get_cmdline(struct task_struct *task, char *buffer, int buflen)
{
  struct mm_struct *mm = task->mm;
  int len;

  if (!mm || !mm->arg_end)
    return 0;
  len = mm->arg_end - mm->arg_start;
  if (len > buflen)
    len = buflen;
  len = access_remote_vm(mm, mm->arg_start, buffer, len);
  /* Cut short, the last argument still ends in a NUL. */
  if (len > 0)
    buffer[len - 1] = 0;
  return len;
}

static int count_threads(struct task_struct *leader)
{
  struct task_struct *t;
  int n = 0;

  for_each_thread(leader, t)
    n++;
  return n;
}

/* do_task_stat's fields for `task`; `whole` for /proc/PID/stat, whose times are the whole process's. */
static void do_task_stat(struct proc_stat *st, struct task_struct *task, int whole)
{
  struct task_cputime ct;

  memset(st, 0, sizeof(*st));
  st->pid = task->pid;
  st->tgid = task->tgid;
  strncpy(st->comm, task->comm, TASK_COMM_LEN);
  st->state = task_state_to_char(task);
  st->ppid = task->real_parent->tgid;
  if (task->signal) {
    st->pgrp = task->signal->pgrp;
    st->session = task->signal->session;
  }
  st->flags = task->flags;
  if (whole) {
    thread_group_cputime(task, &ct);
  } else {
    ct.utime = task->utime;
    ct.stime = task->stime;
  }
  st->utime = nsec_to_clock_t(ct.utime);
  st->stime = nsec_to_clock_t(ct.stime);
  st->nice = task->static_prio - DEFAULT_PRIO;
  st->num_threads = count_threads(task->group_leader);
  st->start_time = nsec_to_clock_t(task->start_time);
  get_cmdline(task, st->cmdline, PROC_CMDLINE_MAX);
}

/* Each entry is filled in the kernel and copied out, as /proc's read copies its text: a bad buffer is
   -EFAULT. */
long sys_proc_stat_list(struct proc_stat *buf, int max)
{
  struct task_struct *p, *t;
  struct proc_stat st;
  int n = 0;

  for_each_process(p) {
    for_each_thread(p, t) {
      /* Being released (EXIT_DEAD): gone from /proc already. */
      if (t->exit_state & EXIT_DEAD)
        continue;
      if (n < max) {
        do_task_stat(&st, t, t == p);
        if (copy_to_user(&buf[n], &st, sizeof(st)))
          return -EFAULT;
      }
      n++;
    }
  }
  return n;
}
