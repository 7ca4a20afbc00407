/* The program break (glibc's misc/brk.c and misc/sbrk.c, over the brk system call, which returns the
   break it left, moved or not). */
#include <unistd.h>
#include <errno.h>
#include <stdint.h>

long sys_brk(unsigned long brk);

/* The break as last seen: sbrk trusts it, as malloc moves the break through sbrk too, and asks the
   kernel only the first time (strace's brk(NULL)). */
void *__curbrk;

int brk(void *addr)
{
  __curbrk = (void *)sys_brk((unsigned long)addr);
  if ((unsigned long)__curbrk < (unsigned long)addr) {
    errno = ENOMEM;
    return -1;
  }
  return 0;
}

/* The old break, the start of `increment` new bytes; (void *)-1 with ENOMEM when they cannot be had. */
void *sbrk(long increment)
{
  void *oldbrk;

  if (__curbrk == NULL && brk(0) < 0)
    return (void *)-1;
  if (increment == 0)
    return __curbrk;
  oldbrk = __curbrk;
  if (increment > 0 ? (uintptr_t)oldbrk + (uintptr_t)increment < (uintptr_t)oldbrk
                    : (uintptr_t)oldbrk < (uintptr_t)-increment) {
    errno = ENOMEM;
    return (void *)-1;
  }
  if (brk((char *)oldbrk + increment) < 0)
    return (void *)-1;
  return oldbrk;
}
