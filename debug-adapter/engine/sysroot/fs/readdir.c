/* fs/readdir.c: getdents64(2), the entries of an open directory. Walking the directory and packing
   the struct linux_dirent64 records are host mechanics (do_getdents64, over the file tree of
   kernel/namei.ts); an open directory's position counts the entries read. */
#include <linux/sched.h>
#include <linux/errno.h>
#include <linux/forkscope.h>

long sys_getdents64(unsigned int fd, void *dirent, unsigned int count)
{
  return do_getdents64(fd, dirent, count);
}
