/* fs/stat.c: stat(2)'s family, as the newfstatat system call that glibc makes for all of them (fstat
   is newfstatat(fd, "", buf, AT_EMPTY_PATH)). Finding the file and filling in struct stat
   (cp_new_stat) are host mechanics over the file tree of kernel/namei.ts. */
#include <linux/sched.h>
#include <linux/errno.h>
#include <linux/fcntl.h>
#include <linux/forkscope.h>

long sys_newfstatat(int dfd, const char *filename, struct stat *statbuf, int flag)
{
  /* vfs_fstatat's check: symbolic links (there are none here), automounts and statx's sync types
     (nothing to sync) and the empty path are all it takes. */
  if (flag & ~(AT_SYMLINK_NOFOLLOW | AT_NO_AUTOMOUNT | AT_EMPTY_PATH | AT_STATX_SYNC_TYPE))
    return -EINVAL;
  return vfs_fstatat(dfd, filename, flag, statbuf);
}
