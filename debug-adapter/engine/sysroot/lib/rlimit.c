/* The C library's resource limits (glibc 2.36's sysdeps/unix/sysv/linux/getrlimit64.c, setrlimit64.c
   and prlimit.c): on x86-64 a struct rlimit is a struct rlimit64, and each call is prlimit64 on the
   caller (pid 0), or on pid for prlimit. */
#define _GNU_SOURCE
#include <errno.h>
#include <sys/resource.h>

long sys_prlimit64(pid_t pid, unsigned int resource, const struct rlimit64 *new_rlim, struct rlimit64 *old_rlim);

int prlimit64(pid_t pid, int resource, const struct rlimit64 *new_limit, struct rlimit64 *old_limit)
{
  long r = sys_prlimit64(pid, resource, new_limit, old_limit);
  if (r < 0) {
    errno = -r;
    return -1;
  }
  return 0;
}

int prlimit(pid_t pid, int resource, const struct rlimit *new_limit, struct rlimit *old_limit)
{
  return prlimit64(pid, resource, (const struct rlimit64 *)new_limit, (struct rlimit64 *)old_limit);
}

int getrlimit64(int resource, struct rlimit64 *rlim)
{
  return prlimit64(0, resource, 0, rlim);
}

int setrlimit64(int resource, const struct rlimit64 *rlim)
{
  return prlimit64(0, resource, rlim, 0);
}

int getrlimit(int resource, struct rlimit *rlim)
{
  return getrlimit64(resource, (struct rlimit64 *)rlim);
}

int setrlimit(int resource, const struct rlimit *rlim)
{
  return setrlimit64(resource, (const struct rlimit64 *)rlim);
}
