#ifndef _FCNTL_H
#define _FCNTL_H

#include <sys/types.h>
#include <asm-generic/fcntl.h>
#include <bits/stat-modes.h>

/* glibc's value on x86-64, where every file is large: the kernel sets its own O_LARGEFILE bit anyway. */
#ifdef _GNU_SOURCE
#define O_LARGEFILE 0
#endif

int open(const char *pathname, int flags, ...);
int openat(int dirfd, const char *pathname, int flags, ...);
int creat(const char *pathname, mode_t mode);
int fcntl(int fd, int cmd, ...);

#endif
