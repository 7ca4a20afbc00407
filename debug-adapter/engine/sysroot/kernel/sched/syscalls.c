/* kernel/sched/syscalls.c: the scheduler's system calls that this course uses — sched_yield,
   sched_setaffinity and sched_getaffinity — and getcpu (kernel/sys.c), which glibc's sched_getcpu()
   calls. A user cpumask is as many bytes as the caller says (glibc's cpu_set_t has 128); the kernel's
   is cpumask_size() bytes (8: NR_CPUS is 64). */
#include <linux/sched.h>
#include <linux/sched/rq.h>
#include <linux/cpumask.h>
#include <linux/errno.h>
#include <linux/uaccess.h>

#define BITS_PER_BYTE 8

extern struct task_struct *find_task_by_vpid(pid_t nr);
extern int set_cpus_allowed_ptr(struct task_struct *p, cpumask_t new_mask);

/* do_sched_yield: the caller stays runnable, but any other task waiting on this CPU runs first. */
long sys_sched_yield(void)
{
  struct rq *rq = this_rq();

  if (rq->nr_running > 1)
    yield_task(current);
  schedule();
  return 0;
}

static struct task_struct *find_process_by_pid(pid_t pid)
{
  return pid ? find_task_by_vpid(pid) : current;
}

/* A shorter user mask is zero-extended, a longer one cut to the kernel's size. */
static int get_user_cpu_mask(unsigned long *user_mask_ptr, unsigned int len, cpumask_t *new_mask)
{
  if (len < cpumask_size())
    *new_mask = 0;
  else if (len > cpumask_size())
    len = cpumask_size();
  return copy_from_user(new_mask, user_mask_ptr, len) ? -EFAULT : 0;
}

long sched_setaffinity(pid_t pid, cpumask_t in_mask)
{
  struct task_struct *p = find_process_by_pid(pid);

  if (!p)
    return -ESRCH;
  if (p->flags & PF_NO_SETAFFINITY)
    return -EINVAL;
  /* A mask with no online CPU is refused (-EINVAL) by set_cpus_allowed_ptr. */
  return set_cpus_allowed_ptr(p, in_mask & cpu_possible_mask);
}

long sys_sched_setaffinity(pid_t pid, unsigned int len, unsigned long *user_mask_ptr)
{
  cpumask_t new_mask;
  int retval = get_user_cpu_mask(user_mask_ptr, len, &new_mask);

  if (retval)
    return retval;
  return sched_setaffinity(pid, new_mask);
}

/* Returns the size of the kernel's mask: the C library clears the rest of the caller's. */
long sys_sched_getaffinity(pid_t pid, unsigned int len, unsigned long *user_mask_ptr)
{
  struct task_struct *p;
  cpumask_t mask;
  unsigned int retlen;

  if ((len * BITS_PER_BYTE) < nr_cpu_ids)
    return -EINVAL;
  if (len & (sizeof(unsigned long) - 1))
    return -EINVAL;
  p = find_process_by_pid(pid);
  if (!p)
    return -ESRCH;
  mask = p->cpus_allowed & cpu_active_mask;
  retlen = len < cpumask_size() ? len : cpumask_size();
  if (copy_to_user(user_mask_ptr, &mask, retlen))
    return -EFAULT;
  return retlen;
}

long sys_getcpu(unsigned int *cpup, unsigned int *nodep, void *unused)
{
  int err = 0;

  if (cpup)
    err |= put_user(raw_smp_processor_id(), cpup);
  if (nodep)
    err |= put_user(0, nodep); /* cpu_to_node: one node */
  return err ? -EFAULT : 0;
}
