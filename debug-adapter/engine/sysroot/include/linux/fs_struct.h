#ifndef _LINUX_FS_STRUCT_H
#define _LINUX_FS_STRUCT_H
/* A task's filesystem context (include/linux/fs_struct.h): its umask and working directory (the root
   is the same for all). CLONE_FS shares one fs_struct (threads always do), so a umask() or chdir() by
   one is seen by the others; without it the child gets a copy. */

struct fs_struct {
  int users; /* tasks sharing it; the last one to go frees it */
  int umask;
  /* The working directory: a directory's number in the host's file tree (kernel/namei.ts), where
     Linux keeps a struct path; 0 is the root. */
  unsigned long pwd;
};

/* chdir's and fchdir's store (set_fs_pwd). */
void set_fs_pwd(struct fs_struct *fs, unsigned long pwd);

extern struct fs_struct init_fs;

struct fs_struct *copy_fs_struct(struct fs_struct *old);
void free_fs_struct(struct fs_struct *fs);

#endif
