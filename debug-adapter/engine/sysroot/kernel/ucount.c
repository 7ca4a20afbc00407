/* kernel/ucount.c: what each user has, counted against its resource limits. Linux keeps a struct
   ucounts per user and namespace; Forkscope's tasks are all root's, counted in init_ucounts. */
#include <linux/sched.h>

struct ucounts init_ucounts;

long inc_rlimit_ucounts(struct ucounts *ucounts, int type, long v)
{
  ucounts->rlimit[type] += v;
  return ucounts->rlimit[type];
}

void dec_rlimit_ucounts(struct ucounts *ucounts, int type, long v)
{
  ucounts->rlimit[type] -= v;
}

/* Whether the user has more than rlimit of the counted thing (RLIM_INFINITY: never). */
int is_rlimit_overlimit(struct ucounts *ucounts, int type, unsigned long rlimit)
{
  if (rlimit == ~0UL)
    return 0;
  return (unsigned long)ucounts->rlimit[type] > rlimit;
}
