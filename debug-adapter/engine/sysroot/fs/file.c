/* fs/file.c: the files_struct's life. Copying and closing the descriptor array are host mechanics
   (files_dup, files_exit); sharing and counting the table is here, as in Linux. */
#include <linux/sched.h>
#include <linux/fdtable.h>
#include <linux/forkscope.h>

/* The table of the first task: boot's console (descriptors 0, 1 and 2), which init and every process
   after it inherit. */
struct files_struct init_files = { .count = 1 };

/* The most descriptors a process may be allowed (/proc/sys/fs/nr_open): RLIMIT_NOFILE's ceiling. */
unsigned int sysctl_nr_open = 1024 * 1024;

/* copy_files without CLONE_FILES: a new table holding the same open files, each counted once more.
   oldf is always the current task's table, which files_dup copies. */
struct files_struct *dup_fdtable(struct files_struct *oldf)
{
  struct files_struct *newf = kzalloc(sizeof(struct files_struct), GFP_KERNEL);
  if (!newf)
    return 0;
  newf->count = 1;
  files_dup(newf);
  return newf;
}

/* The last task using the table closes every descriptor in it (a pipe whose last writer goes gives its
   readers end of file) and frees it. */
void put_files_struct(struct files_struct *files)
{
  if (--files->count == 0) {
    files_exit(files);
    if (files != &init_files)
      kfree(files);
  }
}

void exit_files(struct task_struct *tsk)
{
  struct files_struct *files = tsk->files;
  if (files) {
    tsk->files = 0;
    put_files_struct(files);
  }
}
