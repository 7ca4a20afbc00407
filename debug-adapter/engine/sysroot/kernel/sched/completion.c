/* kernel/sched/completion.c: waiting for something to be done, the sleep pattern wrapped up. */
#include <linux/sched.h>

void init_completion(struct completion *x)
{
  x->done = 0;
  x->waiter = 0;
}

void wait_for_completion(struct completion *x)
{
  while (!x->done) {
    x->waiter = current;
    set_current_state(TASK_UNINTERRUPTIBLE);
    if (!x->done)
      schedule();
  }
  __set_current_state(TASK_RUNNING);
}

void complete(struct completion *x)
{
  x->done = 1;
  if (x->waiter)
    wake_up_process(x->waiter);
}
