#ifndef _LINUX_SCHED_H
#define _LINUX_SCHED_H
/* The process descriptor and the scheduler's interface, with Linux's names and values
   (include/linux/sched.h). Forkscope's kernel keeps every task_struct in simulated kernel memory, so
   kernel-mode code can walk these lists exactly as the lecture writes it. */
#include <linux/types.h>
#include <linux/list.h>
#include <linux/time.h>
#include <linux/signal.h>
#include <linux/fdtable.h>
#include <linux/fs_struct.h>
#include <linux/cred.h>
#include <linux/futex.h>
#include <linux/rseq.h>
#include <uapi/linux/resource.h>

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
#define PF_NO_SETAFFINITY 0x04000000 /* a per-CPU kthread: sched_setaffinity refuses to move it */

/* Scheduling policies (include/uapi/linux/sched.h). */
#define SCHED_NORMAL 0
#define SCHED_FIFO   1
#define SCHED_RR     2
#define SCHED_BATCH  3
#define SCHED_IDLE   5
#define SCHED_DEADLINE 6
#define SCHED_RESET_ON_FORK 0x40000000
#define MAX_RT_PRIO  100

#define TASK_COMM_LEN 16
#define MAX_PRIO      140
#define DEFAULT_PRIO  120
#define MIN_NICE (-20)
#define MAX_NICE 19
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
/* clone3's flags beyond the 32 bits of clone's. */
#define CLONE_CLEAR_SIGHAND  0x100000000ULL /* the child's handlers reset to SIG_DFL */
#define CLONE_INTO_CGROUP    0x200000000ULL
#define CLONE_LEGACY_FLAGS   0xffffffffULL

#include <uapi/linux/sched.h>
/* The PID namespace levels set_tid may name (Forkscope has the first only). */
#define MAX_PID_NS_LEVEL 32

/* signal_struct flags. */
#define SIGNAL_STOP_STOPPED   0x00000001 /* job control stop in effect */
#define SIGNAL_STOP_CONTINUED 0x00000002 /* SIGCONT since WCONTINUED reap */
#define SIGNAL_GROUP_EXIT 0x00000004 /* exit_group or a fatal signal is ending every thread */
#define SIGNAL_CLD_STOPPED    0x00000010 /* the parent has yet to hear of the stop */
#define SIGNAL_CLD_CONTINUED  0x00000020 /* ... or of the continue */
#define SIGNAL_CLD_MASK (SIGNAL_CLD_STOPPED | SIGNAL_CLD_CONTINUED)

#define SIGCHLD 17

struct load_weight {
  unsigned long weight;
  u32 inv_weight;
};

struct sched_entity {
  struct load_weight load;
  int on_rq;
  struct list_head group_node; /* on its run queue's cfs_tasks while on_rq (host-maintained, see linux/sched/rq.h) */
  u64 exec_start;
  u64 sum_exec_runtime;
  u64 vruntime;
};

/* rss_stat's counters (include/linux/mm_types_task.h): resident pages by kind. Forkscope has no page
   cache (exec copies the program's segments into the new memory), so every page is MM_ANONPAGES. */
#define MM_FILEPAGES   0
#define MM_ANONPAGES   1
#define MM_SWAPENTS    2
#define MM_SHMEMPAGES  3
#define NR_MM_COUNTERS 4
struct mm_rss_stat {
  long count[NR_MM_COUNTERS];
};
#define get_mm_counter(mm, member) ((mm)->rss_stat.count[member])
#define get_mm_rss(mm) (get_mm_counter(mm, MM_FILEPAGES) + get_mm_counter(mm, MM_ANONPAGES) + get_mm_counter(mm, MM_SHMEMPAGES))

/* Forkscope's own counters, not Linux's, to show copy-on-write: resident pages that another address
   space maps too (a forked relative's, or the program image's) and those only this one maps, and the
   faults it took. The fault counts are brought up to date whenever a task using the mm leaves the
   CPU; the page counts, which take a walk of the page table, when the simulator is asked for them
   (and as the memory is torn down). */
struct forkscope_mm_stat {
  unsigned long shared_pages;
  unsigned long private_pages;
  unsigned long cow_faults;
  unsigned long demand_zero_faults;
};

/* The memory of a process. Its pages live in the simulator's address space for the task; these are
   the counters a teacher wants to see. */
struct mm_struct {
  int mm_users;   /* tasks sharing this address space (threads) */
  int mm_count;   /* references, users counting as one */
  unsigned long total_vm;
  unsigned long start_brk, brk, start_stack;
  unsigned long arg_start, arg_end; /* where exec put the arguments' strings, one after another */
  unsigned long __host_id; /* which simulated address space this is */
  struct mm_rss_stat rss_stat;
  struct forkscope_mm_stat forkscope;
};

/* What each signal does for a process: SIG_DFL (0), SIG_IGN (1), or a handler's address, with its
   SA_* flags, the signals blocked while it runs, and sa_restorer, the C library's code the handler
   returns through (x86-64's kernel struct sigaction, named as glibc names it so that it cannot clash with
   <signal.h>'s; a sigset is one word for 64 signals). */
#define SIG_DFL_HANDLER 0UL
#define SIG_IGN_HANDLER 1UL
struct kernel_sigaction {
  unsigned long sa_handler;
  unsigned long sa_flags;
  unsigned long sa_restorer;
  unsigned long sa_mask;
};
struct k_sigaction {
  struct kernel_sigaction sa;
};
struct sighand_struct {
  int count;
  struct k_sigaction action[64];
};
/* A signal get_signal took for its handler: what handle_signal needs to start it. */
struct ksignal {
  struct k_sigaction ka;
  struct kernel_siginfo info;
  int sig;
};

/* A system call to go on with after a signal that ran no handler (sys_restart_syscall calls fn):
   a sleep's deadline, on CLOCK_MONOTONIC or on the CPU clock `clockid`, and where to write the time left. */
struct restart_block {
  long (*fn)(struct restart_block *);
  struct {
    int clockid;
    u64 expires;
    struct __kernel_timespec *rmtp;
  } nanosleep;
};
long do_no_restart_syscall(struct restart_block *parm);

/* What the threads of one process share (CLONE_THREAD): how the whole group is ending. */
struct signal_struct {
  int sigcnt;          /* task_structs pointing here; the last one to go frees it */
  unsigned int flags;  /* SIGNAL_GROUP_EXIT */
  int group_exit_code; /* every thread's exit code once SIGNAL_GROUP_EXIT is set; the stop signal while stopped */
  /* exec from a multithreaded process (de_thread): the exec'ing thread, and how many of the others it
     still waits for (-1: it waits for the old leader to become a zombie). */
  struct task_struct *group_exec_task;
  int notify_count;
  /* The process group and session (Linux keeps struct pids in signal->pids[PIDTYPE_PGID/SID]). */
  pid_t pgrp;
  pid_t session;
  u64 it_real_expires; /* alarm(): when SIGALRM is due (ktime_get_ns's clock), 0 when not armed */
  /* Signals sent to the whole process (kill, SIGCHLD, SIGALRM): any thread that does not block one
     takes it; each thread's own (tgkill, faults) are in its task_struct's pending. */
  unsigned long shared_pending;
  struct list_head shared_pending_queue; /* their struct sigqueues (Linux: shared_pending.list) */
  /* CPU time of the threads that have gone (__exit_signal) and of the children waited for (wait_task_zombie). */
  u64 utime, stime, cutime, cstime;
  /* The same for the other figures getrusage reports: context switches, minor and major faults, and the
     most memory resident (pages; hiwater_rss, taken as the process's memory goes at exit or exec). */
  unsigned long nvcsw, nivcsw, cnvcsw, cnivcsw;
  unsigned long min_flt, maj_flt, cmin_flt, cmaj_flt;
  unsigned long maxrss, cmaxrss;
  unsigned long long sum_sched_runtime;
  /* The resource limits (getrlimit, setrlimit, prlimit64): the process's, shared by its threads,
     copied by fork, kept across exec. */
  struct rlimit rlim[RLIM_NLIMITS];
};

/* A task's soft and hard limits, and the current task's (include/linux/sched/signal.h). */
#define task_rlimit(task, limit) ((task)->signal->rlim[limit].rlim_cur)
#define task_rlimit_max(task, limit) ((task)->signal->rlim[limit].rlim_max)
#define rlimit(limit) task_rlimit(current, limit)
#define rlimit_max(limit) task_rlimit_max(current, limit)

/* The registers a task's user mode keeps (arch/x86's thread_struct): its TLS base, set by CLONE_SETTLS
   or arch_prctl(ARCH_SET_FS). */
struct thread_struct {
  unsigned long fsbase;
};

struct completion {
  unsigned int done;
  struct task_struct *waiter;
};

/* The flags the entry code tests on its way out of an interrupt or a system call (arch/x86's
   thread_info, which Linux keeps at the start of the task_struct). TIF_NEED_RESCHED: the task should
   give up the CPU at the next chance (resched_curr sets it; __schedule clears it). */
#define TIF_NEED_RESCHED 3
struct thread_info {
  unsigned long flags;
};

struct task_struct {
  union {
    unsigned int __state; /* TASK_RUNNING, TASK_INTERRUPTIBLE, ... */
    unsigned int state;   /* the lecture's (older) name for the same field */
  };
  void *stack;
  unsigned int flags;
  unsigned int ptrace; /* PT_PTRACED while --trace follows the task; dup_task_struct's copy passes it on, as strace -f's options do */
  int preempt_count;    /* spinlocks held and the like: nonzero means the task must not sleep (linux/preempt.h) */
  struct thread_info thread_info;
  void *worker_private; /* a kernel thread's struct kthread (kernel/kthread.c) */
  int on_cpu;
  int cpu;
  int prio;
  int static_prio;
  int normal_prio;
  unsigned int rt_priority; /* 1 … 99 under SCHED_FIFO/SCHED_RR; 0 for the other policies */
  unsigned int policy;      /* SCHED_NORMAL, SCHED_BATCH, SCHED_IDLE (sched_setscheduler) */
  unsigned int sched_reset_on_fork; /* SCHED_RESET_ON_FORK: a child starts with the default policy and nice 0 at most */
  struct sched_entity se;
  unsigned long cpus_allowed; /* the CPUs it may run on, a cpumask (linux/cpumask.h): sched_setaffinity */
  int nr_cpus_allowed;        /* how many bits cpus_allowed has */

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
  struct list_head thread_group;   /* ring of every thread of the process, leader included */

  int *set_child_tid;   /* CLONE_CHILD_SETTID: the new task writes its TID here when it first runs */
  int *clear_child_tid; /* CLONE_CHILD_CLEARTID: zeroed, with a futex wake, when it leaves its mm */
  struct robust_list_head *robust_list; /* set_robust_list: the robust futexes it holds, for its exit */
  struct rseq *rseq;    /* rseq(2)'s area, where the kernel tells the thread which CPU it is on */
  u32 rseq_len;
  u32 rseq_sig;         /* the signature an abort handler must carry */

  struct completion *vfork_done;

  u64 start_time;
  u64 utime;
  u64 stime;
  unsigned long nvcsw;  /* voluntary context switches */
  unsigned long nivcsw; /* involuntary ones */
  /* Page faults the task took (mm_account_fault): minor ones, and major ones, which needed a read
     (never, in Forkscope: it has no disk or swap). */
  unsigned long min_flt;
  unsigned long maj_flt;

  char comm[TASK_COMM_LEN];

  struct cred *cred;          /* who the task runs as (linux/cred.h); init_cred, shared by all */

  struct fs_struct *fs;       /* umask and working directory (linux/fs_struct.h); shared with CLONE_FS */
  struct files_struct *files; /* the descriptor table (linux/fdtable.h); shared with CLONE_FILES */
  struct signal_struct *signal;
  struct sighand_struct *sighand;
  unsigned long blocked;
  unsigned long real_blocked; /* the mask before sigtimedwait unblocked the signals it waits for */
  unsigned long pending;
  struct list_head pending_queue; /* each pending signal's struct sigqueue: who sent it (Linux: pending.list) */
  unsigned long saved_sigmask;            /* sigsuspend's caller's mask, restored after the handler */
  int restore_sigmask;
  struct restart_block restart_block;

  int has_child_subreaper;
  int is_child_subreaper;

  struct thread_struct thread;
};

extern struct task_struct init_task;
struct task_struct *get_current(void);
#define current get_current()

#define next_task(p) list_entry((p)->tasks.next, struct task_struct, tasks)
#define for_each_process(p) for (p = &init_task; (p = next_task(p)) != &init_task; )

/* Threads: every task of a process is on its leader's thread_group ring. */
#define thread_group_leader(p) ((p) == (p)->group_leader)
#define thread_group_empty(p) list_empty(&(p)->thread_group)
#define PT_PTRACED 0x00000001

#define next_thread(p) list_entry((p)->thread_group.next, struct task_struct, thread_group)
#define same_thread_group(p1, p2) ((p1)->tgid == (p2)->tgid)
/* A zombie leader is not reaped while other threads of its process still run. */
#define delay_group_leader(p) (thread_group_leader(p) && !thread_group_empty(p))
#define for_each_thread(p, t) for (t = (p); t; t = (next_thread(t) == (p) ? 0 : next_thread(t)))
#define for_each_process_thread(p, t) for_each_process(p) for_each_thread(p, t)

#define set_tsk_need_resched(tsk) ((tsk)->thread_info.flags |= 1UL << TIF_NEED_RESCHED)
#define clear_tsk_need_resched(tsk) ((tsk)->thread_info.flags &= ~(1UL << TIF_NEED_RESCHED))
#define test_tsk_need_resched(tsk) ((((tsk)->thread_info.flags) >> TIF_NEED_RESCHED) & 1UL)
#define need_resched() test_tsk_need_resched(current)

#define __set_current_state(state_value) (current->__state = (state_value))
#define set_current_state(state_value) (current->__state = (state_value))

void schedule(void);
int wake_up_process(struct task_struct *p);
void set_user_nice(struct task_struct *p, long nice);
int wake_up_state(struct task_struct *p, unsigned int state);
int try_to_wake_up(struct task_struct *p, unsigned int state, int wake_flags);

struct kernel_clone_args {
  u64 flags;
  int exit_signal;
  int (*fn)(void *);
  void *fn_arg;
  int *parent_tid;     /* CLONE_PARENT_SETTID: where the parent gets the child's TID */
  int *child_tid;      /* CLONE_CHILD_SETTID / CLONE_CHILD_CLEARTID */
  unsigned long stack; /* the child's user stack pointer (0: the parent's, as fork) */
  unsigned long stack_size; /* clone3's: the stack's size (stack is then its top); 0 for clone */
  unsigned long tls;   /* CLONE_SETTLS */
  int *set_tid;        /* clone3's set_tid, copied into the kernel */
  int set_tid_size;
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
void exit_files(struct task_struct *tsk); /* fs/file.c */
void exit_fs(struct task_struct *tsk);    /* fs/fs_struct.c */
void do_group_exit(int exit_code) __attribute__((noreturn));
void flush_signal_handlers(struct task_struct *t, int force_default); /* fs/exec.c */
void rseq_execve(struct task_struct *t);                              /* kernel/rseq.c */

#endif
