#ifndef _LINUX_FCNTL_H
#define _LINUX_FCNTL_H
#include <asm-generic/fcntl.h>

/* force_o_largefile(): on a 64-bit kernel every open file has it, so F_GETFL shows it. */
#define O_LARGEFILE 0100000

/* Flags of the *at calls that only the kernel looks at. */
#define AT_NO_AUTOMOUNT 0x800
#define AT_STATX_SYNC_TYPE 0x6000

/* The status flags F_SETFL may change (fs/fcntl.c); the access mode and the rest stay as opened. */
#define SETFL_MASK (O_APPEND | O_NONBLOCK | O_NDELAY | O_DIRECT | O_NOATIME)

#endif
