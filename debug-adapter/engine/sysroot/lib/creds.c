/* The C library's ID getters: system calls that cannot fail (glibc sets no errno for them). */
#include <unistd.h>

long sys_getuid(void);
long sys_geteuid(void);
long sys_getgid(void);
long sys_getegid(void);

uid_t getuid(void)
{
  return sys_getuid();
}

uid_t geteuid(void)
{
  return sys_geteuid();
}

gid_t getgid(void)
{
  return sys_getgid();
}

gid_t getegid(void)
{
  return sys_getegid();
}
