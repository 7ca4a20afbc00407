/* kernel/fork.c: creating processes and threads. copy_process takes Linux's steps in Linux's order:
   dup_task_struct, copy_creds, sched_fork (TASK_NEW), copy_files, copy_fs, copy_sighand, copy_signal, copy_mm,
   copy_thread, alloc_pid, then the links into the parent's children and the task list. */
#include <linux/sched.h>
#include <linux/errno.h>
#include <linux/forkscope.h>
#include <linux/uaccess.h>
#include <linux/string.h>
#include <linux/kernel.h>
#include <linux/signal.h>
#include <linux/capability.h>

#define PAGE_SIZE 4096
#define INT_MAX 0x7fffffff

extern void sched_fork(unsigned long clone_flags, struct task_struct *p);
extern void wake_up_new_task(struct task_struct *p);
extern int alloc_pid(int *set_tid, int set_tid_size);

/* The simulated machine's memory, 256 MiB (what the simulator lets processes have, vm/memory.ts's
   MAX_RESIDENT_PAGES), and x86-64's 16 KiB kernel stacks. */
#define TOTALRAM_PAGES 65536
#define THREAD_SIZE (4 * PAGE_SIZE)
#define MIN_THREADS 20
#define MAX_THREADS 0x3fffffff /* FUTEX_TID_MASK */

int max_threads; /* the most tasks the machine may have (threads-max) */

/* set_max_threads: the task structures and their kernel stacks may take an eighth of the memory at
   most. For 256 MiB that is 2048 tasks. */
static void set_max_threads(unsigned int max_threads_suggested)
{
  u64 threads = (u64)TOTALRAM_PAGES * PAGE_SIZE / ((u64)THREAD_SIZE * 8);

  if (threads > max_threads_suggested)
    threads = max_threads_suggested;
  max_threads = threads < MIN_THREADS ? MIN_THREADS : threads > MAX_THREADS ? MAX_THREADS : threads;
}

/* Boot's part of fork: the default limits on a user's tasks and pending signals are half of what the
   machine can hold, 1024 each here (a machine of 24 GiB gets 96364). */
void fork_init(void)
{
  set_max_threads(MAX_THREADS);
  init_task.signal->rlim[RLIMIT_NPROC].rlim_cur = max_threads / 2;
  init_task.signal->rlim[RLIMIT_NPROC].rlim_max = max_threads / 2;
  init_task.signal->rlim[RLIMIT_SIGPENDING] = init_task.signal->rlim[RLIMIT_NPROC];
}

/* Like alloc_task_struct_node, kmalloc leaves the memory as it was: the copy fills all of it. */
static struct task_struct *dup_task_struct(struct task_struct *orig)
{
  struct task_struct *tsk = kmalloc(sizeof(struct task_struct), GFP_KERNEL);
  if (!tsk)
    return 0;
  *tsk = *orig;
  return tsk;
}

/* With CLONE_FILES (threads) the child shares the parent's descriptor table, counted; otherwise it
   gets its own copy, whose open files are shared and counted, as in Linux. */
static int copy_files(unsigned long clone_flags, struct task_struct *tsk)
{
  struct files_struct *oldf = current->files;
  struct files_struct *newf;

  if (!oldf)
    return 0; /* an exiting task's: it has closed its files */
  if (clone_flags & CLONE_FILES) {
    oldf->count++;
    return 0; /* tsk->files, copied by dup_task_struct, is the parent's */
  }
  newf = dup_fdtable(oldf);
  if (!newf)
    return -ENOMEM;
  tsk->files = newf;
  return 0;
}

/* With CLONE_FS the child shares the parent's fs_struct (its umask), counted; otherwise a copy. */
static int copy_fs(unsigned long clone_flags, struct task_struct *tsk)
{
  struct fs_struct *fs = current->fs;

  if (clone_flags & CLONE_FS) {
    fs->users++;
    return 0;
  }
  tsk->fs = copy_fs_struct(fs);
  if (!tsk->fs)
    return -ENOMEM;
  return 0;
}

/* The child starts with the parent's signal dispositions (shared with CLONE_SIGHAND), or with
   clone3's CLONE_CLEAR_SIGHAND every handler back to SIG_DFL (SIG_IGN stays). */
static int copy_sighand(u64 clone_flags, struct task_struct *tsk)
{
  struct sighand_struct *sig;
  if (clone_flags & CLONE_SIGHAND) {
    current->sighand->count++;
    return 0;
  }
  sig = kzalloc(sizeof(struct sighand_struct), GFP_KERNEL);
  if (!sig)
    return -ENOMEM;
  *sig = *current->sighand;
  sig->count = 1;
  tsk->sighand = sig;
  /* Reset all signal handler not set to SIG_IGN to SIG_DFL. */
  if (clone_flags & CLONE_CLEAR_SIGHAND)
    flush_signal_handlers(tsk, 0);
  return 0;
}

/* rseq_fork: a new process keeps its parent's registration (the same area, in its copy of the
   memory); a thread registers its own. */
static void rseq_fork(struct task_struct *t, u64 clone_flags)
{
  if (clone_flags & CLONE_VM) {
    t->rseq = 0;
    t->rseq_len = 0;
    t->rseq_sig = 0;
  } else {
    t->rseq = current->rseq;
    t->rseq_len = current->rseq_len;
    t->rseq_sig = current->rseq_sig;
  }
}

/* Threads share one signal_struct: a group exit seen by one is seen by all. */
static int copy_signal(unsigned long clone_flags, struct task_struct *tsk)
{
  struct signal_struct *sig;
  if (clone_flags & CLONE_THREAD) {
    current->signal->sigcnt++;
    tsk->signal = current->signal;
    return 0;
  }
  sig = kzalloc(sizeof(struct signal_struct), GFP_KERNEL);
  if (!sig)
    return -ENOMEM;
  sig->sigcnt = 1;
  INIT_LIST_HEAD(&sig->shared_pending_queue);
  /* A new process is in its parent's process group and session; no alarm is armed. */
  sig->pgrp = current->signal->pgrp;
  sig->session = current->signal->session;
  /* The limits are the parent's, in one copy. */
  memcpy(sig->rlim, current->signal->rlim, sizeof sig->rlim);
  tsk->signal = sig;
  return 0;
}

static struct mm_struct *dup_mm(struct task_struct *tsk, struct mm_struct *oldmm)
{
  struct mm_struct *mm = kzalloc(sizeof(struct mm_struct), GFP_KERNEL);
  if (!mm)
    return 0;
  *mm = *oldmm;
  mm->mm_users = 1;
  mm->mm_count = 1;
  /* The page tables are copied and every page is shared copy-on-write: the first write to a page,
     by either process, copies it. */
  mm->__host_id = dup_mm_pages(oldmm->__host_id);
  return mm;
}

static int copy_mm(unsigned long clone_flags, struct task_struct *tsk)
{
  struct mm_struct *oldmm = current->mm;

  /* Faults and switches are counted from the task's start, a thread's too. */
  tsk->min_flt = tsk->maj_flt = 0;
  tsk->nvcsw = tsk->nivcsw = 0;

  tsk->mm = 0;
  tsk->active_mm = 0;
  if (!oldmm)
    return 0; /* a kernel thread has no user memory */
  if (clone_flags & CLONE_VM) {
    oldmm->mm_users++;
    tsk->mm = oldmm;
    tsk->active_mm = oldmm;
    return 0;
  }
  tsk->mm = dup_mm(tsk, oldmm);
  if (!tsk->mm)
    return -ENOMEM;
  tsk->active_mm = tsk->mm;
  return 0;
}

/* Creates the new task; on success stores it in *out and returns 0, otherwise returns -errno. */
static int copy_process(struct kernel_clone_args *args, struct task_struct **out)
{
  u64 clone_flags = args->flags;
  struct task_struct *p;
  int retval;
  int pid;

  if ((clone_flags & (CLONE_NEWNS | CLONE_FS)) == (CLONE_NEWNS | CLONE_FS))
    return -EINVAL;
  if ((clone_flags & (CLONE_NEWUSER | CLONE_FS)) == (CLONE_NEWUSER | CLONE_FS))
    return -EINVAL;
  if ((clone_flags & CLONE_THREAD) && !(clone_flags & CLONE_SIGHAND))
    return -EINVAL;
  if ((clone_flags & CLONE_SIGHAND) && !(clone_flags & CLONE_VM))
    return -EINVAL;

  p = dup_task_struct(current);
  if (!p)
    return -ENOMEM;
  retval = copy_creds(p, clone_flags);
  if (retval < 0)
    goto bad_fork_free;
  /* One task more than RLIMIT_NPROC allows the user is refused, but never to root or to a task that
     may raise the limit itself. */
  retval = -EAGAIN;
  if (is_rlimit_overlimit(task_ucounts(p), UCOUNT_RLIMIT_NPROC, rlimit(RLIMIT_NPROC))) {
    if (p->cred->uid != 0 && !capable(CAP_SYS_RESOURCE) && !capable(CAP_SYS_ADMIN))
      goto bad_fork_cleanup_count;
  }
  p->set_child_tid = (clone_flags & CLONE_CHILD_SETTID) ? args->child_tid : 0;
  p->clear_child_tid = (clone_flags & CLONE_CHILD_CLEARTID) ? args->child_tid : 0;
  if (clone_flags & CLONE_SETTLS)
    p->thread.fsbase = args->tls;
  p->flags &= ~(PF_SUPERPRIV | PF_IDLE);
  p->flags |= PF_FORKNOEXEC;
  if (args->kthread)
    p->flags |= PF_KTHREAD;
  if (args->name)
    strncpy(p->comm, args->name, TASK_COMM_LEN - 1);
  INIT_LIST_HEAD(&p->children);
  INIT_LIST_HEAD(&p->sibling);
  INIT_LIST_HEAD(&p->thread_group);
  p->signal = 0; /* copy_signal's: shared or new */
  p->vfork_done = 0;
  /* Signals pending for the parent are not the child's; its blocked mask and dispositions are. */
  p->pending = 0;
  INIT_LIST_HEAD(&p->pending_queue);
  p->restore_sigmask = 0;
  p->restart_block.fn = do_no_restart_syscall;
  p->utime = 0;
  p->stime = 0;
  p->exit_state = 0;
  p->exit_code = 0;
  p->is_child_subreaper = 0;
  p->has_child_subreaper = current->has_child_subreaper || current->is_child_subreaper;
  rseq_fork(p, clone_flags);

  sched_fork(clone_flags, p);

  /* A failing step jumps to the undoing of the step before it: each label below undoes one step and
     falls through to the next, as in Linux. */
  retval = copy_files(clone_flags, p);
  if (retval)
    goto bad_fork_cleanup_count;
  retval = copy_fs(clone_flags, p);
  if (retval)
    goto bad_fork_cleanup_files;
  retval = copy_sighand(clone_flags, p);
  if (retval)
    goto bad_fork_cleanup_fs;
  retval = copy_signal(clone_flags, p);
  if (retval)
    goto bad_fork_cleanup_sighand;
  retval = copy_mm(clone_flags, p);
  if (retval)
    goto bad_fork_cleanup_signal;
  retval = copy_thread(p, args);
  if (retval)
    goto bad_fork_cleanup_mm;

  pid = alloc_pid(args->set_tid, args->set_tid_size);
  if (pid < 0) {
    retval = pid;
    goto bad_fork_cleanup_thread;
  }
  p->pid = pid;
  if (clone_flags & CLONE_THREAD) {
    p->group_leader = current->group_leader;
    p->tgid = current->tgid;
  } else {
    p->group_leader = p;
    p->tgid = p->pid;
  }
  /* futex_init_task: no robust futexes yet. */
  p->robust_list = 0;
  p->pdeath_signal = 0;
  p->start_time = ktime_get_ns();

  if (clone_flags & (CLONE_PARENT | CLONE_THREAD)) {
    p->real_parent = current->real_parent;
    p->exit_signal = (clone_flags & CLONE_THREAD) ? -1 : current->group_leader->exit_signal;
  } else {
    p->real_parent = current;
    p->exit_signal = args->exit_signal;
  }
  p->parent = p->real_parent;

  if (thread_group_leader(p)) {
    list_add_tail(&p->sibling, &p->real_parent->children);
    list_add_tail(&p->tasks, &init_task.tasks);
  } else {
    /* A thread is no child of anyone: it joins its process's ring of threads. */
    list_add_tail(&p->thread_group, &p->group_leader->thread_group);
  }
  *out = p;
  return 0;

bad_fork_cleanup_thread:
  /* No PID left: pid_max reached (a fork bomb ends here with EAGAIN). Every copy_* step succeeded. */
bad_fork_cleanup_mm:
  if (p->mm && --p->mm->mm_users == 0) {
    exit_mm_pages(p->mm->__host_id);
    kfree(p->mm);
  }
bad_fork_cleanup_signal:
  if (!(clone_flags & CLONE_THREAD))
    kfree(p->signal);
  else
    p->signal->sigcnt--;
bad_fork_cleanup_sighand:
  if (--p->sighand->count == 0)
    kfree(p->sighand);
bad_fork_cleanup_fs:
  exit_fs(p);
bad_fork_cleanup_files:
  exit_files(p);
bad_fork_cleanup_count:
  dec_rlimit_ucounts(task_ucounts(p), UCOUNT_RLIMIT_NPROC, 1);
  exit_creds(p);
bad_fork_free:
  /* The task's thread, if copy_thread made one, its kernel stack and the task_struct itself. */
  release_thread(p);
  return retval;
}

/* The vfork parent sleeps until its child execs or exits (mm_release completes vfork_done). */
static void wait_for_vfork_done(struct task_struct *child, struct completion *vfork)
{
  wait_for_completion(vfork);
}

pid_t kernel_clone(struct kernel_clone_args *args)
{
  u64 clone_flags = args->flags;
  struct completion vfork;
  struct task_struct *p;
  int err = copy_process(args, &p);
  pid_t nr;

  if (err < 0)
    return err;
  nr = p->pid;
  if (clone_flags & CLONE_PARENT_SETTID)
    put_user(nr, args->parent_tid); /* as Linux, a bad address is not an error of clone */
  if (clone_flags & CLONE_VFORK) {
    p->vfork_done = &vfork;
    init_completion(&vfork);
  }
  wake_up_new_task(p);
  if (clone_flags & CLONE_VFORK)
    wait_for_vfork_done(p, &vfork);
  return nr;
}

long sys_vfork(void)
{
  struct kernel_clone_args args = { .flags = CLONE_VFORK | CLONE_VM, .exit_signal = SIGCHLD };
  return kernel_clone(&args);
}

/* clone(2): the low byte of the flags is the signal the parent gets when the child ends. The C
   library's clone() puts fn and arg on the new stack; the child starts on it (copy_thread). */
long sys_clone(unsigned long clone_flags, unsigned long newsp, int *parent_tidptr, int *child_tidptr, unsigned long tls)
{
  struct kernel_clone_args args = {
    .flags = clone_flags & ~CSIGNAL,
    .exit_signal = clone_flags & CSIGNAL,
    .parent_tid = parent_tidptr,
    .child_tid = child_tidptr,
    .stack = newsp,
    .tls = tls,
  };
  return kernel_clone(&args);
}

/* copy_struct_from_user: a struct the kernel knows as ksize bytes, from user space's usize. A shorter
   one is the older version, the fields it lacks zero; a longer one may have more only if they are
   all zero (a newer program on an older kernel), else E2BIG. */
static int copy_struct_from_user(void *dst, size_t ksize, const void *src, size_t usize)
{
  size_t size = usize < ksize ? usize : ksize;
  size_t i;
  char c;

  if (usize < ksize) {
    memset((char *)dst + size, 0, ksize - size);
  } else if (usize > ksize) {
    /* check_zeroed_user */
    for (i = size; i < usize; i++) {
      if (copy_from_user(&c, (const char *)src + i, 1))
        return -EFAULT;
      if (c)
        return -E2BIG;
    }
  }
  if (copy_from_user(dst, src, size))
    return -EFAULT;
  return 0;
}

static int copy_clone_args_from_user(struct kernel_clone_args *kargs, struct clone_args *uargs, size_t usize)
{
  int err;
  struct clone_args args;
  int *kset_tid = kargs->set_tid;

  if (usize > PAGE_SIZE)
    return -E2BIG;
  if (usize < CLONE_ARGS_SIZE_VER0)
    return -EINVAL;
  err = copy_struct_from_user(&args, sizeof(args), uargs, usize);
  if (err)
    return err;
  if (args.set_tid_size > MAX_PID_NS_LEVEL)
    return -EINVAL;
  if (!args.set_tid && args.set_tid_size > 0)
    return -EINVAL;
  if (args.set_tid && args.set_tid_size == 0)
    return -EINVAL;
  /* Verify that higher 32bits of exit_signal are unset and that it is a valid signal. */
  if ((args.exit_signal & ~((u64)CSIGNAL)) || !valid_signal(args.exit_signal))
    return -EINVAL;
  if ((args.flags & CLONE_INTO_CGROUP) && (args.cgroup > INT_MAX || usize < CLONE_ARGS_SIZE_VER2))
    return -EINVAL;

  memset(kargs, 0, sizeof(*kargs));
  kargs->flags = args.flags;
  kargs->child_tid = (int *)args.child_tid;
  kargs->parent_tid = (int *)args.parent_tid;
  kargs->exit_signal = args.exit_signal;
  kargs->stack = args.stack;
  kargs->stack_size = args.stack_size;
  kargs->tls = args.tls;
  kargs->set_tid_size = args.set_tid_size;
  if (args.set_tid && copy_from_user(kset_tid, (const void *)args.set_tid, kargs->set_tid_size * sizeof(int)))
    return -EFAULT;
  kargs->set_tid = kset_tid;
  return 0;
}

/* The stack is given as its lowest address and its size (both or neither); the child starts at its
   top, as a stack grows down. */
static int clone3_stack_valid(struct kernel_clone_args *kargs)
{
  if (kargs->stack == 0) {
    if (kargs->stack_size > 0)
      return 0;
  } else {
    if (kargs->stack_size == 0)
      return 0;
    if (!access_ok((void *)kargs->stack, kargs->stack_size))
      return 0;
    kargs->stack += kargs->stack_size;
  }
  return 1;
}

static int clone3_args_valid(struct kernel_clone_args *kargs)
{
  /* All lower bits of the flag word are taken. Verify that no other unknown flags are passed along. */
  if (kargs->flags & ~(CLONE_LEGACY_FLAGS | CLONE_CLEAR_SIGHAND | CLONE_INTO_CGROUP))
    return 0;
  /* Sharing the handlers and resetting them to their default cannot go together. */
  if ((kargs->flags & (CLONE_SIGHAND | CLONE_CLEAR_SIGHAND)) == (CLONE_SIGHAND | CLONE_CLEAR_SIGHAND))
    return 0;
  /* A thread, or a sibling of its parent's, signals nobody at its end. */
  if ((kargs->flags & (CLONE_THREAD | CLONE_PARENT)) && kargs->exit_signal)
    return 0;
  if (!clone3_stack_valid(kargs))
    return 0;
  return 1;
}

/* clone3(2): clone's arguments in a struct that can grow, the exit signal a field of its own, the stack
   given by its bounds. glibc 2.34 and later create threads and posix_spawn's child with it. */
long sys_clone3(struct clone_args *uargs, size_t size)
{
  int err;
  struct kernel_clone_args kargs;
  int set_tid[MAX_PID_NS_LEVEL];

  kargs.set_tid = set_tid;
  err = copy_clone_args_from_user(&kargs, uargs, size);
  if (err)
    return err;
  if (!clone3_args_valid(&kargs))
    return -EINVAL;
  return kernel_clone(&kargs);
}

long sys_fork(void)
{
  struct kernel_clone_args args = { .exit_signal = SIGCHLD };
  return kernel_clone(&args);
}

pid_t kernel_thread(int (*fn)(void *), void *arg, const char *name, unsigned long flags)
{
  struct kernel_clone_args args = {
    .flags = (flags | CLONE_VM | CLONE_UNTRACED) & ~CSIGNAL,
    .exit_signal = flags & CSIGNAL,
    .fn = fn,
    .fn_arg = arg,
    .name = name,
    .kthread = 1,
  };
  return kernel_clone(&args);
}

/* set_tid_address(2): where the kernel clears the caller's TID, with a futex wake, when it leaves its
   memory (as CLONE_CHILD_CLEARTID sets it for a thread). Returns the TID: the C library's start calls
   it with its main thread descriptor's tid field, and stores the result there (glibc's __tls_init_tp),
   so that the main thread learns its TID as the threads clone makes learn theirs. */
long sys_set_tid_address(int *tidptr)
{
  current->clear_child_tid = tidptr;
  return current->pid;
}
