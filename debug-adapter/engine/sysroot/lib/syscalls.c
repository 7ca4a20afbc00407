/* The C library's system call wrappers. Each calls the kernel's sys_* function directly, so stepping
   into fork() goes on into kernel/fork.c; a negative result is -errno, as from the syscall instruction. */
#include <unistd.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <errno.h>

long sys_fork(void);
long sys_getpid(void);
long sys_getppid(void);
long sys_gettid(void);
long sys_wait4(pid_t upid, int *stat_addr, int options, void *rusage);
long sys_exit_group(int error_code);

static long syscall_result(long r)
{
  if (r < 0) {
    errno = -r;
    return -1;
  }
  return r;
}

pid_t fork(void)
{
  return syscall_result(sys_fork());
}

pid_t getpid(void)
{
  return sys_getpid();
}

pid_t getppid(void)
{
  return sys_getppid();
}

pid_t gettid(void)
{
  return sys_gettid();
}

pid_t wait(int *wstatus)
{
  return syscall_result(sys_wait4(-1, wstatus, 0, 0));
}

pid_t waitpid(pid_t pid, int *wstatus, int options)
{
  return syscall_result(sys_wait4(pid, wstatus, options, 0));
}

void _exit(int status)
{
  sys_exit_group(status);
  for (;;)
    ;
}
