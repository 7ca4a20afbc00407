#ifndef _LINUX_SCHED_H
#define _LINUX_SCHED_H
/* The process descriptor and the scheduler's interface, with Linux's names and values
   (include/linux/sched.h). Forkscope's kernel keeps every task_struct in simulated kernel memory, so
   kernel-mode code can walk these lists exactly as the lecture writes it. */
#include <linux/types.h>
#include <linux/list.h>

/* Task states (__state) and exit states (exit_state). */
#define TASK_RUNNING         0x00000000
#define TASK_INTERRUPTIBLE   0x00000001
#define TASK_UNINTERRUPTIBLE 0x00000002
#define __TASK_STOPPED       0x00000004
#define __TASK_TRACED        0x00000008
#define EXIT_DEAD            0x00000010
#define EXIT_ZOMBIE          0x00000020
#define EXIT_TRACE           (EXIT_ZOMBIE | EXIT_DEAD)
#define TASK_PARKED          0x00000040
#define TASK_DEAD            0x00000080
#define TASK_WAKEKILL        0x00000100
#define TASK_WAKING          0x00000200
#define TASK_NOLOAD          0x00000400
#define TASK_NEW             0x00000800
#define TASK_KILLABLE        (TASK_WAKEKILL | TASK_UNINTERRUPTIBLE)
#define TASK_STOPPED         (TASK_WAKEKILL | __TASK_STOPPED)
#define TASK_TRACED          (TASK_WAKEKILL | __TASK_TRACED)
#define TASK_IDLE            (TASK_UNINTERRUPTIBLE | TASK_NOLOAD)
#define TASK_NORMAL          (TASK_INTERRUPTIBLE | TASK_UNINTERRUPTIBLE)

/* Per-task flags (flags). */
#define PF_IDLE       0x00000002
#define PF_EXITING    0x00000004
#define PF_FORKNOEXEC 0x00000040
#define PF_SUPERPRIV  0x00000100
#define PF_KTHREAD    0x00200000

#define TASK_COMM_LEN 16
#define MAX_PRIO      140
#define DEFAULT_PRIO  120
#define NICE_TO_PRIO(nice) ((nice) + DEFAULT_PRIO)

/* Clone flags (include/uapi/linux/sched.h). */
#define CSIGNAL              0x000000ff
#define CLONE_VM             0x00000100
#define CLONE_FS             0x00000200
#define CLONE_FILES          0x00000400
#define CLONE_SIGHAND        0x00000800
#define CLONE_PIDFD          0x00001000
#define CLONE_PTRACE         0x00002000
#define CLONE_VFORK          0x00004000
#define CLONE_PARENT         0x00008000
#define CLONE_THREAD         0x00010000
#define CLONE_NEWNS          0x00020000
#define CLONE_SYSVSEM        0x00040000
#define CLONE_SETTLS         0x00080000
#define CLONE_PARENT_SETTID  0x00100000
#define CLONE_CHILD_CLEARTID 0x00200000
#define CLONE_DETACHED       0x00400000
#define CLONE_UNTRACED       0x00800000
#define CLONE_CHILD_SETTID   0x01000000
#define CLONE_NEWUSER        0x10000000

#define SIGCHLD 17

struct load_weight {
  unsigned long weight;
  u32 inv_weight;
};

struct sched_entity {
  struct load_weight load;
  int on_rq;
  u64 exec_start;
  u64 sum_exec_runtime;
  u64 vruntime;
};

/* The memory of a process. Its pages live in the simulator's address space for the task; these are
   the counters a teacher wants to see. */
struct mm_struct {
  int mm_users;   /* tasks sharing this address space (threads) */
  int mm_count;   /* references, users counting as one */
  unsigned long total_vm;
  unsigned long start_brk, brk, start_stack;
  unsigned long __host_id; /* which simulated address space this is */
};

/* What each signal does for a process: SIG_DFL (0), SIG_IGN (1), or a handler's address. */
#define SIG_DFL_HANDLER 0UL
#define SIG_IGN_HANDLER 1UL
#define SA_NOCLDWAIT 2
struct sighand_struct {
  int count;
  unsigned long handler[64];
  unsigned long flags[64];
};

struct completion {
  unsigned int done;
  struct task_struct *waiter;
};

struct task_struct {
  union {
    unsigned int __state; /* TASK_RUNNING, TASK_INTERRUPTIBLE, ... */
    unsigned int state;   /* the lecture's (older) name for the same field */
  };
  void *stack;
  unsigned int flags;
  int on_cpu;
  int cpu;
  int prio;
  int static_prio;
  int normal_prio;
  struct sched_entity se;
  unsigned long cpus_allowed;

  struct list_head tasks;

  struct mm_struct *mm;
  struct mm_struct *active_mm;

  int exit_state;
  int exit_code;
  int exit_signal;
  int pdeath_signal;

  pid_t pid;
  pid_t tgid;

  struct task_struct *real_parent; /* who forked us */
  struct task_struct *parent;      /* who gets SIGCHLD and wait()s for us */
  struct list_head children;       /* our children: their sibling fields */
  struct list_head sibling;        /* our place in the parent's children */
  struct task_struct *group_leader;
  struct list_head thread_group;

  struct completion *vfork_done;

  u64 start_time;
  u64 utime;
  u64 stime;
  unsigned long nvcsw;  /* voluntary context switches */
  unsigned long nivcsw; /* involuntary ones */

  char comm[TASK_COMM_LEN];

  void *fs;
  void *files;
  void *signal;
  struct sighand_struct *sighand;
  unsigned long blocked;
  unsigned long pending;

  int has_child_subreaper;
  int is_child_subreaper;
};

extern struct task_struct init_task;
struct task_struct *get_current(void);
#define current get_current()

#define next_task(p) list_entry((p)->tasks.next, struct task_struct, tasks)
#define for_each_process(p) for (p = &init_task; (p = next_task(p)) != &init_task; )

#define __set_current_state(state_value) (current->__state = (state_value))
#define set_current_state(state_value) (current->__state = (state_value))

void schedule(void);
int wake_up_process(struct task_struct *p);
int wake_up_state(struct task_struct *p, unsigned int state);
int try_to_wake_up(struct task_struct *p, unsigned int state, int wake_flags);

struct kernel_clone_args {
  u64 flags;
  int exit_signal;
  int (*fn)(void *);
  void *fn_arg;
  const char *name; /* comm of a new kernel thread */
  int kthread;
  int idle;
};
pid_t kernel_clone(struct kernel_clone_args *args);
pid_t kernel_thread(int (*fn)(void *), void *arg, const char *name, unsigned long flags);

void init_completion(struct completion *x);
void wait_for_completion(struct completion *x);
void complete(struct completion *x);

void do_exit(long code) __attribute__((noreturn));
void do_group_exit(int exit_code) __attribute__((noreturn));

#endif
