/* kernel/cred.c: the credentials every task starts from (init_cred: root), and what fork does with
   them. Threads and processes alike share their parent's cred here: Linux gives a new process a copy
   only so that it may change it, and nothing in Forkscope changes a task's IDs. */
#include <linux/sched.h>
#include <linux/cred.h>

struct cred init_cred = {
  .usage = 1, /* init_task's */
  .uid = 0,
  .gid = 0,
  .euid = 0,
  .egid = 0,
  .ucounts = &init_ucounts,
};

/* The child points at its parent's cred (dup_task_struct copied the pointer); one more reference,
   and one more task of its user's. */
int copy_creds(struct task_struct *p, unsigned long clone_flags)
{
  get_cred(p->cred);
  inc_rlimit_ucounts(task_ucounts(p), UCOUNT_RLIMIT_NPROC, 1);
  return 0;
}

/* The task is gone (release_task): its reference goes. init_cred is never freed: init_task holds it. */
void exit_creds(struct task_struct *tsk)
{
  put_cred(tsk->cred);
}

/* kernel/sys.c's ID getters: the calling task's real and effective IDs. */
long sys_getuid(void)
{
  return current_uid();
}

long sys_geteuid(void)
{
  return current_euid();
}

long sys_getgid(void)
{
  return current_gid();
}

long sys_getegid(void)
{
  return current_egid();
}
