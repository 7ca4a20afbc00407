#ifndef _LINUX_ERRNO_H
#define _LINUX_ERRNO_H
/* Error numbers as the kernel returns them (negated) from system calls. */
#define EPERM   1
#define ENOENT  2
#define ESRCH   3
#define EINTR   4
#define E2BIG   7
#define ENOEXEC 8
#define EBADF   9
#define ECHILD  10
#define EAGAIN  11
#define ENOMEM  12
#define EACCES  13
#define EFAULT  14
#define EBUSY   16
#define EEXIST  17
#define ENODEV  19
#define EINVAL  22
/* Never seen by a user program: a system call a signal interrupted returns one of these, and the
   signal code turns it into a restart or EINTR (include/linux/errno.h). */
#define ERESTARTSYS           512 /* restart if the handler has SA_RESTART, else EINTR */
#define ERESTARTNOINTR        513 /* always restart */
#define ERESTARTNOHAND        514 /* restart only if no handler ran */
#define ERESTART_RESTARTBLOCK 516 /* restart with current->restart_block (the time left to sleep) */
#define ENOSYS  38
#define EOVERFLOW 75
#define EOPNOTSUPP 95
#define ETIMEDOUT 110
#endif
