/* The C library's nice levels: getpriority, setpriority and nice (glibc's, over the system calls). */
#include <errno.h>
#include <sys/resource.h>
#include <unistd.h>

long sys_getpriority(int which, int who);
long sys_setpriority(int which, int who, int niceval);

int getpriority(int which, id_t who)
{
  long r = sys_getpriority(which, who);
  if (r < 0) {
    errno = -r;
    return -1;
  }
  return 20 - r;
}

int setpriority(int which, id_t who, int prio)
{
  long r = sys_setpriority(which, who, prio);
  if (r < 0) {
    errno = -r;
    return -1;
  }
  return 0;
}

/* The new nice level; -1 is also a valid level, so callers that care clear errno first. */
int nice(int inc)
{
  int prio;
  errno = 0;
  prio = getpriority(PRIO_PROCESS, 0);
  if (prio == -1 && errno != 0)
    return -1;
  if (setpriority(PRIO_PROCESS, 0, prio + inc) < 0)
    return -1;
  return getpriority(PRIO_PROCESS, 0);
}
