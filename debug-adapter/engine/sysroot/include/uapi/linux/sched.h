#ifndef _UAPI_LINUX_SCHED_H
#define _UAPI_LINUX_SCHED_H

/* clone3(2)'s argument, shared by the kernel (linux/sched.h) and the C library (clone.c, pthread.c,
   spawni.c) as Linux's include/uapi/linux/sched.h shares it: every field 64 bits, whatever it holds.
   Each version of the struct adds fields; the kernel takes any size from the first. */
struct clone_args {
  unsigned long long flags;
  unsigned long long pidfd;
  unsigned long long child_tid;
  unsigned long long parent_tid;
  unsigned long long exit_signal;
  unsigned long long stack;        /* the lowest address of the child's stack ... */
  unsigned long long stack_size;   /* ... and its size: the kernel starts the child at stack + stack_size */
  unsigned long long tls;
  unsigned long long set_tid;      /* an array of set_tid_size PIDs the child is to have, one per PID namespace level */
  unsigned long long set_tid_size;
  unsigned long long cgroup;
};
#define CLONE_ARGS_SIZE_VER0 64 /* sizeof first published struct */
#define CLONE_ARGS_SIZE_VER1 80 /* sizeof second published struct */
#define CLONE_ARGS_SIZE_VER2 88 /* sizeof third published struct */

#endif
