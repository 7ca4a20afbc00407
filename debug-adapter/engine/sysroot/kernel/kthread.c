/* kernel/kthread.c: kernel threads. kthread_create does not create the thread itself: it queues a
   request on kthread_create_list, wakes kthreadd (PID 2) and waits on a completion; kthreadd creates
   the thread with kernel_thread, so every kernel thread is kthreadd's child. The new thread starts in
   kthread(), which says it is there and sleeps TASK_UNINTERRUPTIBLE until someone wakes it
   (kthread_run does); then it runs its function, and exits with the result. */
#include <linux/sched.h>
#include <linux/forkscope.h>
#include <linux/errno.h>
#include <linux/completion.h>
#include <linux/kthread.h>
#include <linux/cpumask.h>
#include <linux/signal.h>
#include <linux/spinlock.h>
#include <linux/sprintf.h>
#include <stdarg.h>

#define KTHREAD_SHOULD_STOP 0

/* A request to kthreadd, on the creator's side of the wait. */
struct kthread_create_info {
  int (*threadfn)(void *data);
  void *data;
  char full_name[TASK_COMM_LEN];
  struct task_struct *result; /* the new thread, or ERR_PTR(-errno) */
  struct completion *done;
  struct list_head list;
};

/* What a kernel thread carries beside its task_struct (task->worker_private). */
struct kthread {
  unsigned long flags; /* KTHREAD_SHOULD_STOP */
  void *data;
  int result;               /* what threadfn returned, for kthread_stop */
  struct completion exited; /* completed by do_exit (it is the thread's vfork_done) */
};

static DEFINE_SPINLOCK(kthread_create_lock);
static LIST_HEAD(kthread_create_list);
struct task_struct *kthreadd_task;
extern int set_cpus_allowed_ptr(struct task_struct *p, cpumask_t new_mask);

static struct kthread *to_kthread(struct task_struct *k)
{
  return k->worker_private;
}

bool kthread_should_stop(void)
{
  return (to_kthread(current)->flags >> KTHREAD_SHOULD_STOP) & 1;
}

void *kthread_data(struct task_struct *task)
{
  return to_kthread(task)->data;
}

void kthread_exit(long result)
{
  to_kthread(current)->result = result;
  do_exit(0);
}

static int kthread(void *_create)
{
  struct kthread_create_info *create = _create;
  int (*threadfn)(void *data) = create->threadfn;
  void *data = create->data;
  struct completion *done = create->done;
  struct kthread *self;
  int ret;

  self = kzalloc(sizeof(*self), GFP_KERNEL);
  current->worker_private = self;
  self->data = data;
  init_completion(&self->exited);
  current->vfork_done = &self->exited;

  /* OK, tell user we're spawned, wait for stop or wakeup. The creator frees `create` once woken. */
  __set_current_state(TASK_UNINTERRUPTIBLE);
  create->result = current;
  complete(done);
  schedule();

  ret = -EINTR;
  if (!kthread_should_stop())
    ret = threadfn(data);
  kthread_exit(ret);
  return 0;
}

static void create_kthread(struct kthread_create_info *create)
{
  int pid = kernel_thread(kthread, create, create->full_name, CLONE_FS | CLONE_FILES | SIGCHLD);
  if (pid < 0) {
    create->result = ERR_PTR(pid);
    complete(create->done);
  }
}

struct task_struct *kthread_create_on_node(int (*threadfn)(void *data), void *data, int node, const char namefmt[], ...)
{
  DECLARE_COMPLETION(done);
  struct kthread_create_info *create = kzalloc(sizeof(*create), GFP_KERNEL);
  struct task_struct *task;
  va_list args;

  if (!create)
    return ERR_PTR(-ENOMEM);
  create->threadfn = threadfn;
  create->data = data;
  create->done = &done;
  va_start(args, namefmt);
  vsnprintf(create->full_name, sizeof(create->full_name), namefmt, args);
  va_end(args);

  spin_lock(&kthread_create_lock);
  list_add_tail(&create->list, &kthread_create_list);
  spin_unlock(&kthread_create_lock);

  wake_up_process(kthreadd_task);
  wait_for_completion(&done);
  task = create->result;
  kfree(create);
  return task;
}

/* Sets kthread_should_stop() for k, wakes it and waits for it to exit. k's struct kthread goes here:
   Forkscope has no task_struct reference counts yet, so a thread that ends by itself keeps it. */
int kthread_stop(struct task_struct *k)
{
  struct kthread *kthread = to_kthread(k);
  int ret;

  kthread->flags |= 1UL << KTHREAD_SHOULD_STOP;
  wake_up_process(k);
  wait_for_completion(&kthread->exited);
  ret = kthread->result;
  kfree(kthread);
  return ret;
}

/* Kernel threads take no signals: their children (every kthread) are reaped as they exit. */
static void ignore_signals(struct task_struct *t)
{
  int i;
  for (i = 0; i < _NSIG; i++)
    t->sighand->action[i].sa.sa_handler = SIG_IGN_HANDLER;
}

int kthreadd(void *unused)
{
  struct task_struct *tsk = current;

  ignore_signals(tsk);
  /* Started by the boot CPU's idle task, bound to it: kernel threads may run on every CPU. */
  set_cpus_allowed_ptr(tsk, cpu_possible_mask);
  for (;;) {
    set_current_state(TASK_INTERRUPTIBLE);
    if (list_empty(&kthread_create_list))
      schedule();
    __set_current_state(TASK_RUNNING);

    spin_lock(&kthread_create_lock);
    while (!list_empty(&kthread_create_list)) {
      struct kthread_create_info *create;

      create = list_entry(kthread_create_list.next, struct kthread_create_info, list);
      list_del_init(&create->list);
      spin_unlock(&kthread_create_lock);

      create_kthread(create);

      spin_lock(&kthread_create_lock);
    }
    spin_unlock(&kthread_create_lock);
  }
  return 0;
}
