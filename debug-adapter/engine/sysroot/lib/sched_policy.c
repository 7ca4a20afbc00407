/* The C library's scheduling policy calls (glibc's are bare system calls): the kernel's sys_* in
   kernel/sched/policy.c, a negative result turned into errno. */
#include <sched.h>

long sys_sched_setscheduler(pid_t pid, int policy, const struct sched_param *param);
long sys_sched_getscheduler(pid_t pid);
long sys_sched_setparam(pid_t pid, const struct sched_param *param);
long sys_sched_getparam(pid_t pid, struct sched_param *param);
long sys_sched_get_priority_max(int policy);
long sys_sched_get_priority_min(int policy);

/* A system call's result: -errno becomes errno and -1 (lib/syscalls.c). */
long __syscall_result(long r);

int sched_setscheduler(pid_t pid, int policy, const struct sched_param *param)
{
  return __syscall_result(sys_sched_setscheduler(pid, policy, param));
}

int sched_getscheduler(pid_t pid)
{
  return __syscall_result(sys_sched_getscheduler(pid));
}

int sched_setparam(pid_t pid, const struct sched_param *param)
{
  return __syscall_result(sys_sched_setparam(pid, param));
}

int sched_getparam(pid_t pid, struct sched_param *param)
{
  return __syscall_result(sys_sched_getparam(pid, param));
}

int sched_get_priority_max(int policy)
{
  return __syscall_result(sys_sched_get_priority_max(policy));
}

int sched_get_priority_min(int policy)
{
  return __syscall_result(sys_sched_get_priority_min(policy));
}
