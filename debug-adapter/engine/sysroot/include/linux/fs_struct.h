#ifndef _LINUX_FS_STRUCT_H
#define _LINUX_FS_STRUCT_H
/* A task's filesystem context (include/linux/fs_struct.h): Forkscope has no directories, so of Linux's
   root, pwd and umask only the umask is kept. CLONE_FS shares one fs_struct (threads always do), so a
   umask() by one is seen by the others; without it the child gets a copy. */

struct fs_struct {
  int users; /* tasks sharing it; the last one to go frees it */
  int umask;
};

extern struct fs_struct init_fs;

struct fs_struct *copy_fs_struct(struct fs_struct *old);
void free_fs_struct(struct fs_struct *fs);

#endif
