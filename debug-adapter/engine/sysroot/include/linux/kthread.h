#ifndef _LINUX_KTHREAD_H
#define _LINUX_KTHREAD_H
/* Kernel threads (kernel/kthread.c). kthread_create asks kthreadd (PID 2) to create the thread, which
   is therefore kthreadd's child, has no user memory (mm == NULL) and sleeps until woken: kthread_run is
   kthread_create followed by wake_up_process. kthread_stop asks it to stop, wakes it, waits for it to
   exit and returns what its function returned. */
#include <linux/err.h>
#include <linux/sched.h>

#define NUMA_NO_NODE (-1)

struct task_struct *kthread_create_on_node(int (*threadfn)(void *data), void *data, int node, const char namefmt[], ...);

#define kthread_create(threadfn, data, namefmt, arg...) \
  kthread_create_on_node(threadfn, data, NUMA_NO_NODE, namefmt, ##arg)

#define kthread_run(threadfn, data, namefmt, ...) ({ \
  struct task_struct *__k = kthread_create(threadfn, data, namefmt, ##__VA_ARGS__); \
  if (!IS_ERR(__k)) \
    wake_up_process(__k); \
  __k; })

int kthread_stop(struct task_struct *k);
bool kthread_should_stop(void);
void *kthread_data(struct task_struct *k);
void kthread_exit(long result) __attribute__((noreturn));

int kthreadd(void *unused);
extern struct task_struct *kthreadd_task;

#endif
