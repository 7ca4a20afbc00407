#ifndef _LINUX_FDTABLE_H
#define _LINUX_FDTABLE_H
/* The open-file table of a task (include/linux/fdtable.h). The descriptor array itself is host data,
   kept by the address of its files_struct: tasks cloned with CLONE_FILES point at the same
   files_struct, so a descriptor one of them opens, closes or dup2s is the others' too. */

struct files_struct {
  int count; /* tasks using this table (atomic_t in Linux); the last one to go closes every file */
};

extern struct files_struct init_files;

struct files_struct *dup_fdtable(struct files_struct *oldf);
void put_files_struct(struct files_struct *files);

#endif
