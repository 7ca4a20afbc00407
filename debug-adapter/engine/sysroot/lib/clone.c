/* clone(): the child runs fn(arg) on `stack` and exits with fn's result. As glibc's clone.S does, fn and
   arg go on top of the new stack before the system call; the kernel starts the child there
   (copy_thread) in __clone_thread_start, which pops them and calls fn. */
#include <sched.h>
#include <errno.h>
#include <stdarg.h>
#include <sys/types.h>

long sys_clone(unsigned long clone_flags, unsigned long newsp, int *parent_tidptr, int *child_tidptr, unsigned long tls);
long sys_exit(int error_code);

/* The cloned child's first user code: only this thread ends, not the whole process. */
void __clone_thread_start(int (*fn)(void *), void *arg)
{
  sys_exit(fn(arg));
}

/* The optional arguments are read only when a flag uses them, in glibc's order: parent_tid, tls,
   child_tid. */
int clone(int (*fn)(void *), void *stack, int flags, void *arg, ...)
{
  va_list ap;
  pid_t *parent_tid = 0;
  void *tls = 0;
  pid_t *child_tid = 0;
  unsigned long *sp;
  long r;

  if (!fn || !stack) {
    errno = EINVAL;
    return -1;
  }
  if (flags & (CLONE_PARENT_SETTID | CLONE_SETTLS | CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID)) {
    va_start(ap, arg);
    parent_tid = va_arg(ap, pid_t *);
    tls = va_arg(ap, void *);
    child_tid = va_arg(ap, pid_t *);
    va_end(ap);
  }
  /* The stack grows down from its 16-byte aligned top; fn and arg are its first two words. */
  sp = (unsigned long *)(((unsigned long)stack & ~15UL) - 16);
  sp[0] = (unsigned long)fn;
  sp[1] = (unsigned long)arg;
  r = sys_clone((unsigned int)flags, (unsigned long)sp, parent_tid, child_tid, (unsigned long)tls);
  if (r < 0) {
    errno = -r;
    return -1;
  }
  return r;
}
