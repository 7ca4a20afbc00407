/* mm/msync.c: msync(2) asks that a file mapping's changes be written back to the file. Forkscope's
   files live on the tmpfs, whose mappings are the file's own pages: there is nothing to write back
   (shmem's fsync is noop_fsync), so what msync does here is check its arguments and walk the range's
   mappings as Linux does, failing with ENOMEM where part of the range is unmapped. */
#include <linux/sched.h>
#include <linux/errno.h>
#include <linux/mman.h>
#include <linux/forkscope.h>

#define PAGE_SIZE 4096UL
#define PAGE_MASK (~(PAGE_SIZE - 1))
#define offset_in_page(p) ((unsigned long)(p) & ~PAGE_MASK)

long sys_msync(unsigned long start, size_t len, int flags)
{
  unsigned long end, vm_start, vm_end;
  int unmapped_error = 0;
  int error = -EINVAL;

  if (flags & ~(MS_ASYNC | MS_INVALIDATE | MS_SYNC))
    goto out;
  if (offset_in_page(start))
    goto out;
  if ((flags & MS_ASYNC) && (flags & MS_SYNC))
    goto out;
  error = -ENOMEM;
  len = (len + ~PAGE_MASK) & PAGE_MASK;
  end = start + len;
  if (end < start)
    goto out;
  error = 0;
  if (end == start)
    goto out;
  /* If the interval [start,end) covers some unmapped address ranges, just ignore them, but return
     -ENOMEM at the end. Besides, if the flag is MS_ASYNC (w/o MS_INVALIDATE) the result would be
     -ENOMEM anyway and there is nothing left to do, so return immediately. */
  for (;;) {
    /* Still start < end. */
    error = -ENOMEM;
    if (!find_vma(start, &vm_start, &vm_end))
      goto out;
    /* Here start < vm_end. */
    if (start < vm_start) {
      if (flags == MS_ASYNC)
        goto out;
      start = vm_start;
      if (start >= end)
        goto out;
      unmapped_error = -ENOMEM;
    }
    /* Here vm_start <= start < vm_end. No mapping is VM_LOCKED (there is no mlock), so MS_INVALIDATE
       never fails with EBUSY; MS_SYNC of a MAP_SHARED file mapping is vfs_fsync_range, which the
       tmpfs's noop_fsync answers with 0 at once. */
    start = vm_end;
    if (start >= end) {
      error = 0;
      goto out;
    }
  }
out:
  return error ? error : unmapped_error;
}
