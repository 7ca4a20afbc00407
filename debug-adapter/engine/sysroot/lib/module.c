/* The module system calls: glibc has no wrappers for them (kmod calls syscall(2)); Forkscope's C
   library calls the kernel's entry points as its other wrappers do. */
#include <errno.h>

long sys_init_module(void *umod, unsigned long len, const char *uargs);
long sys_delete_module(const char *name_user, unsigned int flags);

int init_module(void *module_image, unsigned long len, const char *param_values)
{
  long r = sys_init_module(module_image, len, param_values);
  if (r < 0) {
    errno = -r;
    return -1;
  }
  return 0;
}

int delete_module(const char *name, unsigned int flags)
{
  long r = sys_delete_module(name, flags);
  if (r < 0) {
    errno = -r;
    return -1;
  }
  return 0;
}
