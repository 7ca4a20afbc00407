/* linux/uaccess.h's single values and strings from and to user memory, made of copy_to_user and
   copy_from_user (linux/forkscope.h): a system call touches the caller's memory only through these, so
   that a bad pointer is an error it returns (-EFAULT), never a fault inside the kernel. */
#ifndef _LINUX_UACCESS_H
#define _LINUX_UACCESS_H

#include <linux/errno.h>
#include <linux/forkscope.h>

/* x86's __put_user_N: stores the low `size` bytes of x at the user's ptr, straight from a register;
   0 or -EFAULT (a host builtin, as the instruction and its exception-table entry are). */
long __put_user_size(unsigned long x, void *ptr, unsigned long size);

/* put_user: stores x, as *ptr's type, at the user's ptr; 0 or -EFAULT. Unlike a copy_to_user of a
   local, it needs no room on the kernel stack. */
#define put_user(x, ptr) __put_user_size((unsigned long)(__typeof__(*(ptr)))(x), (ptr), sizeof(*(ptr)))

/* strncpy_from_user: copies the user's string at src into dst, at most count bytes; returns its length
   (count when no NUL came within count bytes, dst then not terminated), or -EFAULT when a byte before
   its end could not be read. */
static inline long strncpy_from_user(char *dst, const char *src, long count)
{
  long i;

  for (i = 0; i < count; i++) {
    if (copy_from_user(&dst[i], src + i, 1))
      return -EFAULT;
    if (!dst[i])
      return i;
  }
  return count;
}

#endif
