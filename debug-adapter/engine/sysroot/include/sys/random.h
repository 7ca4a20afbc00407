#ifndef _SYS_RANDOM_H
#define _SYS_RANDOM_H

#include <sys/types.h>
#include <linux/random.h>

/* Fills buffer with length random bytes; returns how many, or -1 with errno (EINVAL, EFAULT, EINTR). */
ssize_t getrandom(void *buffer, size_t length, unsigned int flags);

#endif
