/* fs/namei.c: unlink(2) and unlinkat(2). Finding the name and removing it are host mechanics
   (do_unlinkat over the file tree of kernel/namei.ts); which flags are allowed is checked here. A file
   that is still open lives on without its name until its last close. */
#include <linux/sched.h>
#include <linux/errno.h>
#include <linux/fcntl.h>
#include <linux/forkscope.h>

long sys_unlinkat(int dfd, const char *pathname, int flag)
{
  if ((flag & ~AT_REMOVEDIR) != 0)
    return -EINVAL;
  return do_unlinkat(dfd, pathname, flag);
}

long sys_unlink(const char *pathname)
{
  return do_unlinkat(AT_FDCWD, pathname, 0);
}
