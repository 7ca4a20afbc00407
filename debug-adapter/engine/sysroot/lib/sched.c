/* The C library's scheduler calls (glibc's sysdeps/unix/sysv/linux/sched_*.c): thin wrappers around
   the kernel's sys_* functions, with glibc's adjustments. */
#include <sched.h>
#include <string.h>

long sys_sched_yield(void);
long sys_sched_setaffinity(pid_t pid, unsigned int len, unsigned long *user_mask_ptr);
long sys_sched_getaffinity(pid_t pid, unsigned int len, unsigned long *user_mask_ptr);
long sys_getcpu(unsigned int *cpup, unsigned int *nodep, void *unused);

/* A system call's result: -errno becomes errno and -1 (lib/syscalls.c). */
long __syscall_result(long r);

int sched_yield(void)
{
  return __syscall_result(sys_sched_yield());
}

int sched_setaffinity(pid_t pid, size_t cpusetsize, const cpu_set_t *cpuset)
{
  return __syscall_result(sys_sched_setaffinity(pid, cpusetsize, (unsigned long *)cpuset));
}

/* The kernel fills as many bytes as its own mask has and returns that size; the rest of the caller's
   set is cleared here, and success is 0. */
int sched_getaffinity(pid_t pid, size_t cpusetsize, cpu_set_t *cpuset)
{
  long r = sys_sched_getaffinity(pid, cpusetsize > 0x7fffffff ? 0x7fffffff : cpusetsize, (unsigned long *)cpuset);
  if (r < 0)
    return __syscall_result(r);
  memset((char *)cpuset + r, 0, cpusetsize - r);
  return 0;
}

int sched_getcpu(void)
{
  unsigned int cpu;
  long r = sys_getcpu(&cpu, 0, 0);
  return r < 0 ? __syscall_result(r) : (int)cpu;
}

int __sched_cpucount(size_t setsize, const cpu_set_t *setp)
{
  int count = 0;
  size_t i;
  const __cpu_mask *bits = setp->__bits;

  for (i = 0; i < setsize / sizeof(__cpu_mask); i++) {
    __cpu_mask word = bits[i];
    while (word) {
      word &= word - 1;
      count++;
    }
  }
  return count;
}
