/* arch/x86/kernel/process_64.c's arch_prctl: a thread's TLS base (the %fs register). The C library's
   threads point it at their descriptor, which is how pthread_self() and errno find their own. */
#include <linux/sched.h>
#include <linux/errno.h>
#include <linux/uaccess.h>

#define ARCH_SET_FS 0x1002
#define ARCH_GET_FS 0x1003

long sys_arch_prctl(int option, unsigned long arg2)
{
  switch (option) {
  case ARCH_SET_FS:
    current->thread.fsbase = arg2;
    return 0;
  case ARCH_GET_FS:
    return put_user(current->thread.fsbase, (unsigned long *)arg2);
  default:
    return -EINVAL;
  }
}
