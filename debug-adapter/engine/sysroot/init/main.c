/* init/main.c: boot. The boot CPU runs start_kernel as the idle task (PID 0, swapper/0); rest_init
   starts init first, so that it gets PID 1, then kthreadd (PID 2), and the boot task becomes the
   idle loop. */
#include <linux/sched.h>
#include <linux/forkscope.h>
#include <linux/futex.h>
#include <linux/completion.h>
#include <linux/kthread.h>
#include <linux/timekeeping.h>

struct task_struct *child_reaper;
static DECLARE_COMPLETION(kthreadd_done);
extern void spawn_boot_kthreads(void);
extern struct task_struct *find_task_by_vpid(pid_t nr);
extern void schedule(void);

/* Runs a new kernel thread's function, then exits with its result. */
void kernel_thread_entry(int (*fn)(void *), void *arg)
{
  do_exit(fn(arg));
}

/* The first user process: the kernel thread that will be PID 1 execs /sbin/init, which starts the
   shell that runs the user's program and reaps every orphan (sysroot/sbin/init.c). */
static int kernel_init(void *unused)
{
  /* Kernel threads are created through kthreadd: wait until rest_init has told where it is. */
  wait_for_completion(&kthreadd_done);
  child_reaper = current;
  spawn_boot_kthreads();
  return run_init_process("/sbin/init");
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
  int pid;

  kernel_thread(kernel_init, 0, "init", 0);
  pid = kernel_thread(kthreadd, 0, "kthreadd", CLONE_FS | CLONE_FILES);
  kthreadd_task = find_task_by_vpid(pid);
  complete(&kthreadd_done);
  cpu_startup_entry();
}

extern void boot_cpu_init(void);
extern void fork_init(void);

void start_kernel(void)
{
  boot_cpu_init();
  INIT_LIST_HEAD(&init_task.tasks);
  INIT_LIST_HEAD(&init_task.children);
  INIT_LIST_HEAD(&init_task.sibling);
  INIT_LIST_HEAD(&init_task.thread_group);
  fork_init();
  futex_init();
  timekeeping_init();
  rest_init();
}
