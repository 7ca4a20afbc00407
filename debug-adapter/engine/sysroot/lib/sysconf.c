/* sysconf and getdtablesize (glibc 2.36's sysdeps/unix/sysv/linux/sysconf.c and getdtsz.c): the
   figures that come from the caller's resource limits are read with getrlimit, so each is a prlimit64. */
#include <errno.h>
#include <limits.h>
#include <sys/resource.h>
#include <unistd.h>

/* The arguments' room before Linux 2.6.23 tied it to the stack: still the least sysconf reports. */
#define legacy_ARG_MAX 131072
#define CLK_TCK 100
#define PAGE_SIZE 4096

/* The descriptor table's size: RLIMIT_NOFILE's soft limit. */
int getdtablesize(void)
{
  struct rlimit ru;
  return getrlimit(RLIMIT_NOFILE, &ru) < 0 ? OPEN_MAX : ru.rlim_cur;
}

/* A limit's soft value; RLIM_INFINITY reads as -1, "no limit". */
static long soft_limit(int resource)
{
  struct rlimit rlimit;
  if (getrlimit(resource, &rlimit) < 0)
    return -1;
  return rlimit.rlim_cur;
}

long sysconf(int name)
{
  struct rlimit rlimit;

  switch (name) {
  case _SC_ARG_MAX:
    if (getrlimit(RLIMIT_STACK, &rlimit) == 0)
      return rlimit.rlim_cur / 4 > legacy_ARG_MAX ? rlimit.rlim_cur / 4 : legacy_ARG_MAX;
    return legacy_ARG_MAX;
  case _SC_CHILD_MAX:
    return soft_limit(RLIMIT_NPROC);
  case _SC_CLK_TCK:
    return CLK_TCK;
  case _SC_OPEN_MAX:
    return getdtablesize();
  case _SC_PAGESIZE:
    return PAGE_SIZE;
  case _SC_SIGQUEUE_MAX:
    return soft_limit(RLIMIT_SIGPENDING);
  default:
    errno = EINVAL;
    return -1;
  }
}
