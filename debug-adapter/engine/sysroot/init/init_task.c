/* init/init_task.c: the first task, PID 0, which boots the kernel and then idles (swapper/0). */
#include <linux/sched.h>
#include <linux/cred.h>
#include <asm-generic/resource.h>

static struct sighand_struct init_sighand = { .count = 1 };
/* Process group 0 and session 0: the kernel threads' (init's setsid gives it a session of its own). */
static struct signal_struct init_signals = {
  .sigcnt = 1,
  .shared_pending_queue = LIST_HEAD_INIT(init_signals.shared_pending_queue),
  .rlim = INIT_RLIMITS,
};

struct task_struct init_task = {
  .__state = TASK_RUNNING,
  .flags = PF_KTHREAD | PF_IDLE,
  .prio = MAX_PRIO - 20,
  .static_prio = MAX_PRIO - 20,
  .normal_prio = MAX_PRIO - 20,
  /* The boot CPU's idle task, bound to CPU 0 like every swapper/N to its own CPU (init_idle). */
  .cpus_allowed = 1,
  .nr_cpus_allowed = 1,
  .cpu = 0,
  .on_cpu = 1,
  .pid = 0,
  .tgid = 0,
  .real_parent = &init_task,
  .parent = &init_task,
  .group_leader = &init_task,
  .comm = "swapper/0",
  .sighand = &init_sighand,
  .signal = &init_signals,
  .pending_queue = LIST_HEAD_INIT(init_task.pending_queue),
  .files = &init_files,
  .fs = &init_fs,
  .cred = &init_cred,
};
