#ifndef _LINUX_SPRINTF_H
#define _LINUX_SPRINTF_H
/* lib/vsprintf.c: the kernel formats with its own printf; Forkscope's kernel uses the C library's. */
#include <linux/types.h>
#include <stdarg.h>
int snprintf(char *buf, size_t size, const char *fmt, ...);
int vsnprintf(char *buf, size_t size, const char *fmt, va_list args);
#endif
