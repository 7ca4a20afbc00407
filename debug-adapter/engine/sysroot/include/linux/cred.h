#ifndef _LINUX_CRED_H
#define _LINUX_CRED_H
/* A task's credentials (include/linux/cred.h): who it runs as. Linux treats a cred as read-only once
   published: a task that changes its IDs builds a new one (prepare_creds, commit_creds) and the old
   one is shared by whoever still points at it, counted in usage. Forkscope has no call that changes
   IDs (every process runs as root), so every task shares init_cred and none is ever built or freed;
   fork counts the new reference (copy_creds) and release_task drops it, as Linux does. */
#include <linux/types.h>

#ifndef __uid_t_defined
typedef unsigned int uid_t;
#define __uid_t_defined
#endif
#ifndef __gid_t_defined
typedef unsigned int gid_t;
#define __gid_t_defined
#endif

/* What Linux counts per user (struct ucounts, kernel/ucount.c): RLIMIT_NPROC's count is the user's
   tasks, threads included, which copy_creds adds to and release_task takes from. Every task is root's,
   so there is one, init_ucounts. */
#define UCOUNT_RLIMIT_NPROC 0
#define UCOUNT_RLIMIT_COUNTS 1
struct ucounts {
  long rlimit[UCOUNT_RLIMIT_COUNTS];
};
extern struct ucounts init_ucounts;
long inc_rlimit_ucounts(struct ucounts *ucounts, int type, long v);
void dec_rlimit_ucounts(struct ucounts *ucounts, int type, long v);
int is_rlimit_overlimit(struct ucounts *ucounts, int type, unsigned long rlimit);

struct cred {
  int usage;
  uid_t uid;  /* real UID */
  gid_t gid;  /* real GID */
  uid_t euid; /* effective UID: what permission checks use */
  gid_t egid; /* effective GID */
  struct ucounts *ucounts; /* the user's counts */
};

extern struct cred init_cred;

#define get_cred(cred) ((cred)->usage++, (cred))
#define put_cred(cred) ((cred)->usage--)

struct task_struct;
int copy_creds(struct task_struct *p, unsigned long clone_flags);
void exit_creds(struct task_struct *tsk);

#define current_cred() (current->cred)
#define current_uid() (current_cred()->uid)
#define current_gid() (current_cred()->gid)
#define current_euid() (current_cred()->euid)
#define current_egid() (current_cred()->egid)
#define task_ucounts(task) ((task)->cred->ucounts)

#endif
