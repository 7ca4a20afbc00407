/* getrusage: glibc's is the system call and nothing more. */
#include <sys/resource.h>

long sys_getrusage(int who, struct rusage *ru);
long __syscall_result(long r);

int getrusage(int who, struct rusage *usage)
{
  return __syscall_result(sys_getrusage(who, usage));
}
