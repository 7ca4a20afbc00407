/* kernel/pid.c: process identifiers. The bitmap search is host code (alloc_pid_nr); a PID stays taken
   until release_task frees it, so a zombie keeps its number. */
#include <linux/sched.h>
#include <linux/errno.h>
#include <linux/forkscope.h>

/* clone3's set_tid asks for a given number: one level, as there is one PID namespace; it must be free
   (a caller with CAP_CHECKPOINT_RESTORE, which root has, may ask). */
int alloc_pid(int *set_tid, int set_tid_size)
{
  if (set_tid_size > 1) /* ns->level + 1 */
    return -EINVAL;
  if (set_tid_size == 1)
    return alloc_pid_nr_at(set_tid[0]);
  return alloc_pid_nr();
}

void free_pid(int nr)
{
  free_pid_nr(nr);
}

long sys_getpid(void)
{
  return current->tgid;
}

long sys_getppid(void)
{
  return current->real_parent->tgid;
}

long sys_gettid(void)
{
  return current->pid;
}

/* The task with PID nr, a thread's TID too, or NULL (Linux looks it up in the PID hash; Forkscope
   walks the task list and each process's threads). */
struct task_struct *find_task_by_vpid(pid_t nr)
{
  struct task_struct *p, *t;

  if (nr == 0)
    return &init_task;
  for_each_process_thread(p, t) {
    if (t->pid == nr)
      return t;
  }
  return 0;
}
