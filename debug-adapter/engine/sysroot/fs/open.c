/* fs/open.c: open(2), openat(2) and creat(2). Walking the path and making the open file are host
   mechanics (do_filp_open, over the file tree of kernel/namei.ts); which flags count is decided here,
   as build_open_flags does. */
#include <linux/sched.h>
#include <linux/errno.h>
#include <linux/fcntl.h>
#include <linux/forkscope.h>

long do_sys_open(int dfd, const char *filename, int flags, unsigned int mode)
{
  /* The mode would be the new file's permissions: nothing can be created here (see namei.ts), so it
     is never used. Unknown flag bits are ignored by open(2), as Linux's compatibility demands. */
  (void)mode;
  return do_filp_open(dfd, filename, flags);
}

long sys_open(const char *filename, int flags, unsigned int mode)
{
  return do_sys_open(AT_FDCWD, filename, flags, mode);
}

long sys_openat(int dfd, const char *filename, int flags, unsigned int mode)
{
  return do_sys_open(dfd, filename, flags, mode);
}

long sys_creat(const char *pathname, unsigned int mode)
{
  return do_sys_open(AT_FDCWD, pathname, O_CREAT | O_WRONLY | O_TRUNC, mode);
}
