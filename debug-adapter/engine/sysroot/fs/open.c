/* fs/open.c: open(2), openat(2), creat(2) and ftruncate(2). Walking the path, making the file and the
   open file are host mechanics (do_filp_open, over the file tree of kernel/namei.ts); which flags and
   mode bits count is decided here, as build_open_flags and the create path do. */
#include <linux/sched.h>
#include <linux/errno.h>
#include <linux/fcntl.h>
#include <linux/fs_struct.h>
#include <linux/forkscope.h>

/* The permission bits a file can have: set-user-ID, set-group-ID, sticky, and rwx for all three. */
#define S_IALLUGO 07777

long do_sys_open(int dfd, const char *filename, int flags, unsigned int mode)
{
  /* build_open_flags: a directory cannot be created by open (Linux 6.4 on). Unknown flag bits are
     ignored by open(2), as Linux's compatibility demands. */
  if ((flags & (O_CREAT | O_DIRECTORY)) == (O_CREAT | O_DIRECTORY))
    return -EINVAL;
  /* A new file's permissions are the mode less the process's umask (vfs_prepare_mode); without
     O_CREAT the mode means nothing. */
  if (flags & O_CREAT)
    mode = (mode & S_IALLUGO) & ~current->fs->umask;
  else
    mode = 0;
  return do_filp_open(dfd, filename, flags, mode);
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

/* chdir(2): the task's working directory, in its fs_struct (shared by CLONE_FS threads), becomes the
   directory at filename. */
long sys_chdir(const char *filename)
{
  long dir = lookup_dir(AT_FDCWD, filename);
  if (dir < 0)
    return dir;
  set_fs_pwd(current->fs, dir);
  return 0;
}

long sys_fchdir(unsigned int fd)
{
  long dir = fd_dir(fd);
  if (dir < 0)
    return dir;
  set_fs_pwd(current->fs, dir);
  return 0;
}

/* do_sys_ftruncate: a negative length is refused before the file is looked at. */
long sys_ftruncate(unsigned int fd, long length)
{
  if (length < 0)
    return -EINVAL;
  return do_ftruncate(fd, length);
}
