#ifndef _SYS_SYSMACROS_H
#define _SYS_SYSMACROS_H
/* Device numbers in a dev_t, as glibc encodes them: the major in bits 8-19 and 44-63, the minor in
   bits 0-7 and 20-43. */
#define major(dev) ((unsigned int)((((dev) >> 32) & 0xfffff000) | (((dev) >> 8) & 0x00000fff)))
#define minor(dev) ((unsigned int)((((dev) >> 12) & 0xffffff00) | ((dev) & 0x000000ff)))
#define makedev(maj, min)                                                                              \
  ((((unsigned long)(maj) & 0x00000fffUL) << 8) | (((unsigned long)(maj) & 0xfffff000UL) << 32) |     \
   ((unsigned long)(min) & 0x000000ffUL) | (((unsigned long)(min) & 0xffffff00UL) << 12))

#endif
