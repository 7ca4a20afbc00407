/* init/main.c: boot. The boot CPU runs start_kernel as the idle task (PID 0, swapper/0); rest_init
   starts init first, so that it gets PID 1, then kthreadd (PID 2), and the boot task becomes the
   idle loop. */
#include <linux/sched.h>
#include <linux/forkscope.h>

struct task_struct *child_reaper;
extern void schedule(void);
extern long do_wait(pid_t upid, int *stat_addr, int options);

#define ECHILD 10

/* Runs a new kernel thread's function, then exits with its result. */
void kernel_thread_entry(int (*fn)(void *), void *arg)
{
  do_exit(fn(arg));
}

/* The first user process: Linux execs /sbin/init here, which starts a shell. Forkscope's init starts
   the user's program as its child, then reaps every child that ends, orphans included, as init does. */
static int user_program(void *unused)
{
  return exec_user_program();
}

static int kernel_init(void *unused)
{
  int status;
  child_reaper = current;
  kernel_thread(user_program, 0, "prog", SIGCHLD);
  for (;;) {
    if (do_wait(-1, &status, 0) == -ECHILD) {
      set_current_state(TASK_INTERRUPTIBLE);
      schedule();
    }
  }
  return 0;
}

/* Linux's kthreadd creates kernel threads on request; it sleeps until asked. */
static int kthreadd(void *unused)
{
  for (;;) {
    set_current_state(TASK_INTERRUPTIBLE);
    schedule();
  }
  return 0;
}

static void do_idle(void)
{
  schedule();
}

void cpu_startup_entry(void)
{
  for (;;)
    do_idle();
}

static void rest_init(void)
{
  kernel_thread(kernel_init, 0, "init", 0);
  kernel_thread(kthreadd, 0, "kthreadd", 0);
  cpu_startup_entry();
}

void start_kernel(void)
{
  INIT_LIST_HEAD(&init_task.tasks);
  INIT_LIST_HEAD(&init_task.children);
  INIT_LIST_HEAD(&init_task.sibling);
  rest_init();
}
