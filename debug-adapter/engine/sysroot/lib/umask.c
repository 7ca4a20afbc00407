/* umask(2)'s wrapper (sys/stat.h). The mask lives in the task's fs_struct: threads share it. */
#include <sys/stat.h>

long sys_umask(int mask);

mode_t umask(mode_t mask)
{
  return sys_umask(mask);
}
