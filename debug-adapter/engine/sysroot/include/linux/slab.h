#ifndef _LINUX_SLAB_H
#define _LINUX_SLAB_H
/* Kernel memory allocation: kmalloc, kzalloc and kfree are the kernel's allocator (linux/forkscope.h,
   kernel/slab.ts behind it). kmalloc's memory holds whatever was there before, as in Linux. */
#include <linux/types.h>
#include <linux/forkscope.h>

#define GFP_ATOMIC 0

static inline void *kcalloc(size_t n, size_t size, gfp_t flags)
{
  return kzalloc(n * size, flags);
}

#endif
