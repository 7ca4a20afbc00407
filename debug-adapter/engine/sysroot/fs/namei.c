/* fs/namei.c: mkdir(2), mkdirat(2), rmdir(2), unlink(2), unlinkat(2), link(2) and linkat(2). Finding the name and making or
   removing the entry are host mechanics (over the file tree of kernel/namei.ts); which flags are allowed,
   and the umask, are applied here. A file that is still open lives on without its name until its last
   close. */
#include <linux/sched.h>
#include <linux/errno.h>
#include <linux/fcntl.h>
#include <linux/fs_struct.h>
#include <linux/forkscope.h>

long do_mkdirat(int dfd, const char *pathname, unsigned int mode)
{
  /* The new directory's permissions are the mode less the umask, as for a file (vfs_prepare_mode). */
  mode &= 07777 & ~current->fs->umask;
  return vfs_mkdir(dfd, pathname, mode);
}

long sys_mkdirat(int dfd, const char *pathname, unsigned int mode)
{
  return do_mkdirat(dfd, pathname, mode);
}

long sys_mkdir(const char *pathname, unsigned int mode)
{
  return do_mkdirat(AT_FDCWD, pathname, mode);
}

long sys_rmdir(const char *pathname)
{
  return do_rmdir(AT_FDCWD, pathname);
}

long sys_unlinkat(int dfd, const char *pathname, int flag)
{
  if ((flag & ~AT_REMOVEDIR) != 0)
    return -EINVAL;
  if (flag & AT_REMOVEDIR)
    return do_rmdir(dfd, pathname);
  return do_unlinkat(dfd, pathname);
}

long sys_unlink(const char *pathname)
{
  return do_unlinkat(AT_FDCWD, pathname);
}

/* A second name for a file. AT_SYMLINK_FOLLOW changes nothing where there are no symbolic links; an
   empty old name with AT_EMPTY_PATH would name the file open at olddfd, which Forkscope does not do
   (ENOENT, as for an empty name without it). */
long do_linkat(int olddfd, const char *oldname, int newdfd, const char *newname, int flags)
{
  if ((flags & ~(AT_SYMLINK_FOLLOW | AT_EMPTY_PATH)) != 0)
    return -EINVAL;
  return vfs_link(olddfd, oldname, newdfd, newname);
}

long sys_linkat(int olddfd, const char *oldname, int newdfd, const char *newname, int flags)
{
  return do_linkat(olddfd, oldname, newdfd, newname, flags);
}

long sys_link(const char *oldname, const char *newname)
{
  return do_linkat(AT_FDCWD, oldname, AT_FDCWD, newname, 0);
}
