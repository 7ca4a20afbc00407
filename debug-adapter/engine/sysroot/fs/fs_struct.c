/* fs/fs_struct.c: the fs_struct's life (shared with CLONE_FS, copied without), the working directory's
   store, and umask(2). */
#include <linux/sched.h>
#include <linux/fs_struct.h>
#include <linux/forkscope.h>

/* The first task's: umask 022, as init_fs and every login shell have it. */
struct fs_struct init_fs = { .users = 1, .umask = 0022 };

struct fs_struct *copy_fs_struct(struct fs_struct *old)
{
  struct fs_struct *fs = kzalloc(sizeof(struct fs_struct), GFP_KERNEL);
  if (!fs)
    return 0;
  fs->users = 1;
  fs->umask = old->umask;
  fs->pwd = old->pwd;
  return fs;
}

void set_fs_pwd(struct fs_struct *fs, unsigned long pwd)
{
  fs->pwd = pwd;
}

void free_fs_struct(struct fs_struct *fs)
{
  if (fs != &init_fs)
    kfree(fs);
}

void exit_fs(struct task_struct *tsk)
{
  struct fs_struct *fs = tsk->fs;
  if (fs) {
    tsk->fs = 0;
    if (--fs->users == 0)
      free_fs_struct(fs);
  }
}

/* umask(2): sets the mask and returns the old one (kernel/sys.c). */
long sys_umask(int mask)
{
  int old = current->fs->umask;
  current->fs->umask = mask & 0777;
  return old;
}
