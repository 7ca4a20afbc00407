#ifndef _SYS_IOCTL_H
#define _SYS_IOCTL_H
/* ioctl(2) and the requests Forkscope's files answer (asm-generic/ioctls.h): a terminal's settings, and
   how many bytes are waiting to be read. Anything else is ENOTTY, as for a file without the operation. */

#define TCGETS 0x5401
#define FIONREAD 0x541B
#define TIOCINQ FIONREAD

int ioctl(int fd, unsigned long request, ...);

#endif
