/* A kernel thread, as the lecture writes one: module_init starts it with kthread_run, it prints with
   printk and sleeps with msleep until kthread_should_stop() says stop, and module_exit stops it with
   kthread_stop. Run it with `forkscope run kthread.c`: the output is the kernel log (dmesg). */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/kthread.h>
#include <linux/delay.h>
#include <linux/sched.h>

MODULE_LICENSE("GPL");
MODULE_AUTHOR("Forkscope");
MODULE_DESCRIPTION("A kernel thread that prints until it is stopped");

static struct task_struct *hello_task;

static int hello_thread(void *arg)
{
  int n = 0;

  while (!kthread_should_stop()) {
    printk(KERN_INFO "hello_thread: tick %d (pid %d, parent %s/%d, mm %s)\n", n++, current->pid,
           current->real_parent->comm, current->real_parent->pid, current->mm ? "set" : "NULL");
    msleep(1000);
  }
  printk(KERN_INFO "hello_thread: asked to stop after %d ticks\n", n);
  return n;
}

static int __init hello_init(void)
{
  printk(KERN_INFO "hello: loading, in the context of %s (pid %d)\n", current->comm, current->pid);
  hello_task = kthread_run(hello_thread, NULL, "hello_thread");
  if (IS_ERR(hello_task))
    return PTR_ERR(hello_task);
  /* Give the thread some time before insmod returns: msleep in process context is allowed. */
  msleep(3500);
  return 0;
}

static void __exit hello_exit(void)
{
  int ticks = kthread_stop(hello_task);
  printk(KERN_INFO "hello: unloading, in the context of %s (pid %d); the thread ticked %d times\n", current->comm,
         current->pid, ticks);
}

module_init(hello_init);
module_exit(hello_exit);
