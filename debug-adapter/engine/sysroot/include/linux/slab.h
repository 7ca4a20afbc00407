#ifndef _LINUX_SLAB_H
#define _LINUX_SLAB_H
/* Kernel memory allocation. kzalloc and kfree are the kernel's allocator (linux/forkscope.h); kmalloc
   uses it too, so its memory comes zeroed where Linux's holds whatever was there before. */
#include <linux/types.h>
#include <linux/forkscope.h>

#define GFP_ATOMIC 0

static inline void *kmalloc(size_t size, gfp_t flags)
{
  return kzalloc(size, flags);
}

static inline void *kcalloc(size_t n, size_t size, gfp_t flags)
{
  return kzalloc(n * size, flags);
}

#endif
