#ifndef _LINUX_MMAN_H
#define _LINUX_MMAN_H
#include <asm-generic/mman-common.h>

/* The flags a MAP_SHARED_VALIDATE mapping may carry (LEGACY_MAP_MASK and the newer ones). */
#define LEGACY_MAP_MASK (MAP_SHARED | MAP_PRIVATE | MAP_FIXED | MAP_ANONYMOUS | MAP_DENYWRITE | MAP_EXECUTABLE | \
                         MAP_GROWSDOWN | MAP_LOCKED | MAP_NORESERVE | MAP_POPULATE | MAP_NONBLOCK | \
                         MAP_STACK | MAP_HUGETLB)

#endif
