#ifndef _ASM_GENERIC_MMAN_COMMON_H
#define _ASM_GENERIC_MMAN_COMMON_H
/* mmap's protections and flags, shared by the C library's <sys/mman.h> and the kernel's
   <linux/mman.h>, as Linux's uapi/asm-generic/mman-common.h and x86's asm/mman.h are. */

#define PROT_NONE 0x0
#define PROT_READ 0x1
#define PROT_WRITE 0x2
#define PROT_EXEC 0x4

#define MAP_SHARED 0x01
#define MAP_PRIVATE 0x02
#define MAP_SHARED_VALIDATE 0x03 /* MAP_SHARED, refusing flags the kernel does not know */
#define MAP_TYPE 0x0f
#define MAP_FIXED 0x10
#define MAP_ANONYMOUS 0x20
#define MAP_ANON MAP_ANONYMOUS
#define MAP_32BIT 0x40
#define MAP_GROWSDOWN 0x0100
#define MAP_DENYWRITE 0x0800
#define MAP_EXECUTABLE 0x1000
#define MAP_LOCKED 0x2000
#define MAP_NORESERVE 0x4000
#define MAP_POPULATE 0x8000
#define MAP_NONBLOCK 0x10000
#define MAP_STACK 0x20000
#define MAP_HUGETLB 0x40000
#define MAP_SYNC 0x80000
#define MAP_FIXED_NOREPLACE 0x100000

/* msync's flags. */
#define MS_ASYNC 1      /* sync memory asynchronously */
#define MS_INVALIDATE 2 /* invalidate the caches */
#define MS_SYNC 4       /* synchronous memory sync */

/* madvise's advice. */
#define MADV_NORMAL 0     /* no further special treatment */
#define MADV_RANDOM 1     /* expect random page references */
#define MADV_SEQUENTIAL 2 /* expect sequential page references */
#define MADV_WILLNEED 3   /* will need these pages */
#define MADV_DONTNEED 4   /* don't need these pages: they go, and read as zeros (private anonymous memory) */
#define MADV_FREE 8       /* free pages only if memory pressure */
#define MADV_REMOVE 9     /* remove these pages & resources */
#define MADV_DONTFORK 10  /* don't inherit across fork */
#define MADV_DOFORK 11    /* do inherit across fork */
#define MADV_MERGEABLE 12
#define MADV_UNMERGEABLE 13
#define MADV_HUGEPAGE 14
#define MADV_NOHUGEPAGE 15
#define MADV_DONTDUMP 16
#define MADV_DODUMP 17
#define MADV_WIPEONFORK 18
#define MADV_KEEPONFORK 19
#define MADV_COLD 20
#define MADV_PAGEOUT 21
#define MADV_POPULATE_READ 22
#define MADV_POPULATE_WRITE 23
#define MADV_DONTNEED_LOCKED 24
#define MADV_HWPOISON 100

#endif
