#ifndef _BITS_SEMAPHOREP_H
#define _BITS_SEMAPHOREP_H
/* The C library's own view of a semaphore (glibc's nptl/semaphoreP.h and sysdeps/nptl/internaltypes.h),
   shared by lib/semaphore.c and lib/sem_open.c. Programs use sem_t. */

/* What a semaphore's `private` holds: glibc's FUTEX_PRIVATE (0), or FUTEX_SHARED (FUTEX_PRIVATE_FLAG,
   128) for one in memory processes share; __lll_private_flag turns it into the futex operation's
   flag, FUTEX_PRIVATE_FLAG for a private one and none for a shared one. */
#define FUTEX_PRIVATE 0
#define FUTEX_SHARED 128

/* sem_t's inside: on x86-64 one 64-bit word holds the value (low 32 bits) and the number of threads
   that may be waiting (high 32 bits). */
struct new_sem {
  unsigned long data;
  int private;
  int pad;
};

#endif
