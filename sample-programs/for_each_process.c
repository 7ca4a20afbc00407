/* Walks the kernel's task list as the lecture does: for_each_process over every task, and a task's
   children with list_for_each_entry over its `children` list (each child's `sibling` is the link). */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/list.h>

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("List every task and the family tree under init and kthreadd");

static char state_letter(struct task_struct *p)
{
  if (p->exit_state == EXIT_ZOMBIE)
    return 'Z';
  if (p->__state == TASK_RUNNING)
    return 'R';
  if ((p->__state & TASK_IDLE) == TASK_IDLE)
    return 'I';
  if (p->__state & TASK_INTERRUPTIBLE)
    return 'S';
  if (p->__state & TASK_UNINTERRUPTIBLE)
    return 'D';
  return '?';
}

static void list_children(struct task_struct *parent)
{
  struct task_struct *child;

  printk(KERN_INFO "children of %s (pid %d):\n", parent->comm, parent->pid);
  list_for_each_entry(child, &parent->children, sibling)
    printk(KERN_INFO "  %d %s\n", child->pid, child->comm);
}

static int __init tasks_init(void)
{
  struct task_struct *p = &init_task;

  printk(KERN_INFO "%5s %-16s %s %5s\n", "PID", "COMM", "S", "PPID");
  printk(KERN_INFO "%5d %-16s %c %5d\n", p->pid, p->comm, state_letter(p), p->real_parent->pid);
  for_each_process(p)
    printk(KERN_INFO "%5d %-16s %c %5d\n", p->pid, p->comm, state_letter(p), p->real_parent->pid);

  list_children(&init_task);
  for_each_process(p) {
    if (p->pid == 2)
      list_children(p);
  }
  return 0;
}

static void __exit tasks_exit(void)
{
  printk(KERN_INFO "tasks: bye from %s (pid %d)\n", current->comm, current->pid);
}

module_init(tasks_init);
module_exit(tasks_exit);
