/* fs/d_path.c: getcwd(2), the path of the task's working directory. Building the path from the
   directory up to the root is host mechanics (d_path, over the file tree of kernel/namei.ts). */
#include <linux/sched.h>
#include <linux/errno.h>
#include <linux/fs_struct.h>
#include <linux/forkscope.h>

long sys_getcwd(char *buf, unsigned long size)
{
  return do_getcwd(buf, size, current->fs->pwd);
}
