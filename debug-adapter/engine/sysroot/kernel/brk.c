/* mm/mmap.c's brk(2): moves the end of the process's data segment, the program break, which the
   [heap] mapping follows page by page. A request it cannot grant (below start_brk, past the heap
   limit, or into the next mapping) leaves the break where it was, and the call returns the break
   either way: the C library compares it with what it asked for (glibc's brk fails with ENOMEM then). */
#include <linux/sched.h>
#include <linux/forkscope.h>

long sys_brk(unsigned long brk)
{
  struct mm_struct *mm = current->mm;
  unsigned long origbrk = mm->brk;

  if (brk < mm->start_brk)
    return origbrk;
  if (set_heap_brk(brk) < 0)
    return origbrk;
  mm->brk = brk;
  return brk;
}
