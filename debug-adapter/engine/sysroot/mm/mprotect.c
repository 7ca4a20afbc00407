/* mm/mprotect.c: mprotect(2) changes the protection of whole pages of mappings. Every page of the
   range must be mapped (-ENOMEM otherwise, and nothing changes); a VMA the range covers only partly is
   split. A write to a page without PROT_WRITE, or any access to one with PROT_NONE, is then a
   segmentation fault (SEGV_ACCERR). */
#include <linux/sched.h>
#include <linux/errno.h>
#include <linux/mman.h>
#include <linux/forkscope.h>

#define PAGE_SIZE 4096UL
#define PAGE_ALIGN(x) (((x) + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1))
#define PROT_SEM 0x8
#define PROT_GROWSDOWN 0x01000000
#define PROT_GROWSUP 0x02000000

long sys_mprotect(unsigned long start, unsigned long len, unsigned long prot)
{
  unsigned long end;
  const int grows = prot & (PROT_GROWSDOWN | PROT_GROWSUP);

  prot &= ~(PROT_GROWSDOWN | PROT_GROWSUP);
  if (grows == (PROT_GROWSDOWN | PROT_GROWSUP)) /* can't be both */
    return -EINVAL;
  if (start & (PAGE_SIZE - 1))
    return -EINVAL;
  if (!len)
    return 0;
  len = PAGE_ALIGN(len);
  end = start + len;
  if (end <= start)
    return -ENOMEM;
  /* x86's arch_validate_prot */
  if (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC | PROT_SEM))
    return -EINVAL;
  return mprotect_fixup(start, end, prot);
}
