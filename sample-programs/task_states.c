/* Each task's state as ps shows it: for_each_process, and task_state_to_char (fs/proc/array.c) to turn
   a task's __state and exit_state into ps's STAT letter — R running, S sleeping, D uninterruptible,
   T stopped, t traced, Z zombie, X dead, P parked, I an idle kernel thread. */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/sched/task_state.h>

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Print every task's pid, ps state letter and name");

static int __init task_states_init(void)
{
  struct task_struct *p;

  printk(KERN_INFO "%5s %s %s\n", "PID", "S", "COMMAND");
  for_each_process(p)
    printk(KERN_INFO "%5d %c %s\n", p->pid, task_state_to_char(p), p->comm);
  return 0;
}

static void __exit task_states_exit(void)
{
  printk(KERN_INFO "task_states: %s is %s\n", current->comm, get_task_state(current));
}

module_init(task_states_init);
module_exit(task_states_exit);
