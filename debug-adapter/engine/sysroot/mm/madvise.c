/* mm/madvise.c: madvise(2), advice about a range of memory. Of the advice, MADV_DONTNEED acts: the
   range's pages are dropped (zap_page_range), so that a private anonymous page reads as zeros on its
   next touch and costs no memory until then, while a MAP_SHARED mapping's pages stay in the shared
   memory, where the next touch finds them again. glibc gives a thread's stack this advice as the
   thread ends. The advice that tunes only the kernel's own choices (readahead, swapping, huge pages,
   merging, core dumps) is accepted and changes nothing here; so does MADV_FREE, whose pages go only
   under memory pressure. What Forkscope does not model is refused as a kernel built without it
   refuses it (EINVAL): MADV_REMOVE (shmem's hole punching), the fork-time advice (MADV_DONTFORK,
   MADV_WIPEONFORK), populating, and poisoning (CONFIG_MEMORY_FAILURE). A range with unmapped parts is
   advised where it is mapped and fails with ENOMEM, as on Linux. The walk over the VMAs is host code,
   behind madvise_vmas. */
#include <linux/sched.h>
#include <linux/errno.h>
#include <linux/mman.h>
#include <linux/forkscope.h>

#define PAGE_SIZE 4096UL
#define PAGE_ALIGN(x) (((x) + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1))

/* madvise_behavior_valid, for the advice Forkscope models. */
static int madvise_behavior_valid(int behavior)
{
  switch (behavior) {
  case MADV_NORMAL:
  case MADV_SEQUENTIAL:
  case MADV_RANDOM:
  case MADV_WILLNEED:
  case MADV_DONTNEED:
  case MADV_DONTNEED_LOCKED:
  case MADV_FREE:
  case MADV_COLD:
  case MADV_PAGEOUT:
  case MADV_MERGEABLE:
  case MADV_UNMERGEABLE:
  case MADV_HUGEPAGE:
  case MADV_NOHUGEPAGE:
  case MADV_DONTDUMP:
  case MADV_DODUMP:
    return 1;
  default:
    return 0;
  }
}

long sys_madvise(unsigned long start, size_t len_in, int behavior)
{
  unsigned long end;
  size_t len;

  if (!madvise_behavior_valid(behavior))
    return -EINVAL;
  if (start & (PAGE_SIZE - 1))
    return -EINVAL;
  len = PAGE_ALIGN(len_in);
  /* Check to see whether len was rounded up from small -ve to zero */
  if (len_in && !len)
    return -EINVAL;
  end = start + len;
  if (end < start)
    return -EINVAL;
  if (end == start)
    return 0;
  return madvise_vmas(start, end, behavior == MADV_DONTNEED || behavior == MADV_DONTNEED_LOCKED);
}
