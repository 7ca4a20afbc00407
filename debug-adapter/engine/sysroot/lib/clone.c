/* clone(): the child runs fn(arg) on `stack` and exits with fn's result. As glibc's clone.S does, fn and
   arg go on top of the new stack before the system call; the kernel starts the child there
   (copy_thread) in __clone_thread_start, which pops them and calls fn. __clone3 does the same with
   clone3(2), which pthread_create and posix_spawn use. */
#include <sched.h>
#include <errno.h>
#include <stdarg.h>
#include <sys/types.h>
#include <uapi/linux/sched.h>

long sys_clone(unsigned long clone_flags, unsigned long newsp, int *parent_tidptr, int *child_tidptr, unsigned long tls);
long sys_exit(int error_code);

long sys_clone3(struct clone_args *uargs, size_t size);

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

/* glibc's __clone3 (clone3.S): the child runs fn(arg) and exits with its result; returns the child's
   TID, or -1 with errno. glibc keeps fn and arg in registers the child inherits; Forkscope's parent and
   child share no registers, so they go into the top two words of the child's stack, where the kernel
   finds them (copy_thread). A child without a stack of its own goes on from here, as a forked one does. */
int __clone3(struct clone_args *cl_args, size_t size, int (*func)(void *), void *arg)
{
  unsigned long *top;
  long r;

  if (!cl_args || !func) {
    errno = EINVAL;
    return -1;
  }
  if (cl_args->stack) {
    top = (unsigned long *)(cl_args->stack + cl_args->stack_size);
    top[-2] = (unsigned long)func;
    top[-1] = (unsigned long)arg;
  }
  r = sys_clone3(cl_args, size);
  if (r == 0)
    sys_exit(func(arg));
  if (r < 0) {
    errno = -r;
    return -1;
  }
  return r;
}

/* glibc's __clone_internal: clone3, which every kernel Forkscope models has (glibc falls back to clone
   on one that answers ENOSYS). */
int __clone_internal(struct clone_args *cl_args, int (*func)(void *), void *arg)
{
  return __clone3(cl_args, sizeof(struct clone_args), func, arg);
}
