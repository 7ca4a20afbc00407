/* proc_stat_list(): the C library's wrapper of the system call that stands in for reading /proc
   (see linux/proc_stat.h). */
#include <errno.h>
#include <linux/proc_stat.h>

long sys_proc_stat_list(struct proc_stat *buf, int max);

int proc_stat_list(struct proc_stat *buf, int max)
{
  long r = sys_proc_stat_list(buf, max);
  if (r < 0) {
    errno = -r;
    return -1;
  }
  return r;
}
