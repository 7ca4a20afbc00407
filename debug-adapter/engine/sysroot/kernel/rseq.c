/* kernel/rseq.c: restartable sequences. A thread registers a struct rseq in its own memory, where the
   kernel keeps telling it which CPU it runs on (cpu_id), so that per-CPU data needs no system call;
   glibc registers one for every thread, in its descriptor. Forkscope writes the CPU when the thread
   registers (Linux's notify-resume on the way back to user mode) and runs no critical sections. */
#include <linux/sched.h>
#include <linux/errno.h>
#include <linux/signal.h>
#include <linux/forkscope.h>
#include <linux/rseq.h>

#define RSEQ_FLAG_UNREGISTER 1
/* The size of the first struct rseq (Linux 4.18): cpu_id_start, cpu_id, rseq_cs, flags, and padding. */
#define ORIG_RSEQ_SIZE 32
/* A larger area must be aligned as struct rseq is, and hold every field up to its end: node_id and
   mm_cid came with Linux 6.3. */
#define RSEQ_ALIGN 32
#define RSEQ_FIELDS_END 28
/* cpu_id of an area not registered (RSEQ_CPU_ID_UNINITIALIZED). */
#define RSEQ_CPU_ID_UNINITIALIZED 0xffffffff

/* rseq_update_cpu_node_id: the CPU the thread is on, in its area (one NUMA node; the concurrency ID is
   the CPU's, as with one process per CPU). -EFAULT if the area cannot be written. */
static int rseq_update_cpu_node_id(struct task_struct *t)
{
  u32 ids[2];

  ids[0] = t->cpu;
  ids[1] = t->cpu;
  if (copy_to_user(&t->rseq->cpu_id_start, ids, sizeof(ids)))
    return -EFAULT;
  return 0;
}

static int rseq_reset_rseq_cpu_id(struct task_struct *t)
{
  u32 ids[2];

  ids[0] = 0;
  ids[1] = RSEQ_CPU_ID_UNINITIALIZED;
  if (copy_to_user(&t->rseq->cpu_id_start, ids, sizeof(ids)))
    return -EFAULT;
  return 0;
}

long sys_rseq(struct rseq *rseq, u32 rseq_len, int flags, u32 sig)
{
  int ret;

  if (flags & RSEQ_FLAG_UNREGISTER) {
    if (flags & ~RSEQ_FLAG_UNREGISTER)
      return -EINVAL;
    /* Unregister rseq for current thread. */
    if (current->rseq != rseq || !current->rseq)
      return -EINVAL;
    if (rseq_len != current->rseq_len)
      return -EINVAL;
    if (current->rseq_sig != sig)
      return -EPERM;
    ret = rseq_reset_rseq_cpu_id(current);
    if (ret)
      return ret;
    current->rseq = 0;
    current->rseq_sig = 0;
    current->rseq_len = 0;
    return 0;
  }

  if (flags)
    return -EINVAL;

  if (current->rseq) {
    /* If rseq is already registered, check whether the provided address differs from the prior one. */
    if (current->rseq != rseq || rseq_len != current->rseq_len)
      return -EINVAL;
    if (current->rseq_sig != sig)
      return -EPERM;
    /* Already registered. */
    return -EBUSY;
  }

  /* The original size must be aligned to itself; a larger one to struct rseq, and hold all its fields. */
  if (rseq_len < ORIG_RSEQ_SIZE
      || (rseq_len == ORIG_RSEQ_SIZE && ((unsigned long)rseq % ORIG_RSEQ_SIZE))
      || (rseq_len != ORIG_RSEQ_SIZE && (((unsigned long)rseq % RSEQ_ALIGN) || rseq_len < RSEQ_FIELDS_END)))
    return -EINVAL;
  if (!access_ok(rseq, rseq_len))
    return -EFAULT;
  current->rseq = rseq;
  current->rseq_len = rseq_len;
  current->rseq_sig = sig;
  /* Linux fills in the CPU on the return to user mode (rseq_set_notify_resume), killing the thread
     with SIGSEGV if the area cannot be written; here the return is now. */
  if (rseq_update_cpu_node_id(current))
    force_sigsegv(0);
  return 0;
}

/* rseq_execve: the new program has not registered an area. */
void rseq_execve(struct task_struct *t)
{
  t->rseq = 0;
  t->rseq_len = 0;
  t->rseq_sig = 0;
}
