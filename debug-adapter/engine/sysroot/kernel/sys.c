/* kernel/sys.c: prctl, a process's settings about itself. */
#include <linux/sched.h>
#include <linux/errno.h>
#include <linux/string.h>

#define PR_SET_NAME 15
#define PR_GET_NAME 16
#define PR_SET_CHILD_SUBREAPER 36
#define PR_GET_CHILD_SUBREAPER 37

long sys_prctl(int option, unsigned long arg2, unsigned long arg3, unsigned long arg4, unsigned long arg5)
{
  switch (option) {
  case PR_SET_CHILD_SUBREAPER:
    /* Orphaned descendants will be reparented here rather than to init (find_new_reaper). */
    current->is_child_subreaper = !!arg2;
    if (arg2)
      current->has_child_subreaper = 1;
    return 0;
  case PR_GET_CHILD_SUBREAPER:
    *(int *)arg2 = current->is_child_subreaper;
    return 0;
  case PR_SET_NAME:
    strncpy(current->comm, (const char *)arg2, TASK_COMM_LEN - 1);
    current->comm[TASK_COMM_LEN - 1] = 0;
    return 0;
  case PR_GET_NAME:
    strncpy((char *)arg2, current->comm, TASK_COMM_LEN);
    return 0;
  default:
    return -EINVAL;
  }
}
