/* mm/mmap.c: mmap(2) and munmap(2) for anonymous memory (and for /dev/zero, whose mapping is the same)
   and for regular files, which live on the tmpfs (mm/shmem.c's shmem_mmap). A mapping is a VMA of the
   process's address space. Its pages come at the first touch: anonymous memory's zeroed, a file's
   from the file's page cache; after a fork a private mapping's pages are shared copy-on-write, as all
   of a process's memory is, while a MAP_SHARED mapping's stay the same pages in parent and child, so
   that one sees what the other writes. A MAP_SHARED file mapping maps the file's own pages: read(2)
   and every other mapping of the file see its writes, which outlive the mapping. A MAP_PRIVATE one
   reads them until its first write to a page copies it. A page past the file's end is SIGBUS to touch
   (shmem_fault). Finding room for a mapping (the top-down search below mmap_base) and changing the
   VMAs are the page tables' mechanics, host code behind get_unmapped_area, mmap_region and do_munmap. */
#include <linux/sched.h>
#include <linux/errno.h>
#include <linux/fcntl.h>
#include <linux/mman.h>
#include <linux/forkscope.h>

#define PAGE_SHIFT 12
#define PAGE_SIZE (1UL << PAGE_SHIFT)
#define PAGE_ALIGN(x) (((x) + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1))
#define offset_in_page(p) ((unsigned long)(p) & (PAGE_SIZE - 1))
/* x86-64's TASK_SIZE_MAX: the end of user addresses. */
#define TASK_SIZE 0x7ffffffff000UL
/* The flags a MAP_SHARED_VALIDATE file mapping may carry. */
#define MAP_SHARED_VALIDATE_MASK (LEGACY_MAP_MASK | MAP_SYNC | MAP_FIXED_NOREPLACE)

/* Whether pgoff and len stay within the largest offset the file may be mapped to. */
static int file_mmap_ok(int file, unsigned long pgoff, unsigned long len)
{
  unsigned long maxsize = file_mmap_size_max(file - 1);

  if (maxsize && len > maxsize)
    return 0;
  maxsize -= len;
  if (pgoff > maxsize >> PAGE_SHIFT)
    return 0;
  return 1;
}

static long do_mmap(int file, unsigned long addr, unsigned long len, unsigned long prot, unsigned long flags,
                    unsigned long pgoff)
{
  long area;

  if (!len)
    return -EINVAL;
  if (flags & MAP_FIXED_NOREPLACE)
    flags |= MAP_FIXED;
  /* Careful about overflows. */
  len = PAGE_ALIGN(len);
  if (!len)
    return -ENOMEM;
  if (pgoff + (len >> PAGE_SHIFT) < pgoff)
    return -EOVERFLOW;
  area = get_unmapped_area(addr, len, flags & MAP_FIXED);
  if (area < 0)
    return area;
  addr = area;
  if ((flags & MAP_FIXED_NOREPLACE) && find_vma_intersection(addr, addr + len))
    return -EEXIST;

  if (file) {
    long f_flags = file_flags(file - 1);

    if (!file_mmap_ok(file, pgoff, len))
      return -EOVERFLOW;

    switch (flags & MAP_TYPE) {
    case MAP_SHARED_VALIDATE:
      if (flags & ~MAP_SHARED_VALIDATE_MASK)
        return -EOPNOTSUPP;
      /* fallthrough */
    case MAP_SHARED:
      if ((prot & PROT_WRITE) && (f_flags & O_ACCMODE) != O_RDWR)
        return -EACCES;
      /* fallthrough */
    case MAP_PRIVATE:
      if ((f_flags & O_ACCMODE) == O_WRONLY)
        return -EACCES;
      if (!file_can_mmap(file - 1))
        return -ENODEV;
      break;
    default:
      return -EINVAL;
    }
  } else {
    switch (flags & MAP_TYPE) {
    case MAP_SHARED:
      if (flags & MAP_GROWSDOWN)
        return -EINVAL;
      pgoff = 0;
      break;
    case MAP_PRIVATE:
      pgoff = addr >> PAGE_SHIFT;
      break;
    default:
      return -EINVAL;
    }
  }
  return mmap_region(file, addr, len, prot, (flags & MAP_TYPE) != MAP_PRIVATE, pgoff);
}

/* `file` is the descriptor plus one, or 0 for anonymous memory. */
static long ksys_mmap_pgoff(unsigned long addr, unsigned long len, unsigned long prot, unsigned long flags,
                            unsigned long fd, unsigned long pgoff)
{
  int file = 0;

  if (!(flags & MAP_ANONYMOUS)) {
    if (file_flags(fd) < 0) /* fget */
      return -EBADF;
    if (flags & MAP_HUGETLB)
      return -EINVAL;
    file = fd + 1;
  } else if (flags & MAP_HUGETLB) {
    /* hugetlbfs with no huge pages reserved, as on a default system. */
    return -ENOMEM;
  }
  return do_mmap(file, addr, len, prot, flags, pgoff);
}

long sys_mmap(unsigned long addr, unsigned long len, unsigned long prot, unsigned long flags, unsigned long fd,
              unsigned long off)
{
  if (offset_in_page(off))
    return -EINVAL;
  return ksys_mmap_pgoff(addr, len, prot, flags, fd, off >> PAGE_SHIFT);
}

long sys_munmap(unsigned long addr, unsigned long len)
{
  if (offset_in_page(addr) || addr > TASK_SIZE || len > TASK_SIZE - addr)
    return -EINVAL;
  len = PAGE_ALIGN(len);
  if (!len)
    return -EINVAL;
  do_munmap(addr, len);
  return 0;
}
