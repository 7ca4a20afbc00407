#ifndef _SYS_MMAN_H
#define _SYS_MMAN_H

#include <sys/types.h>
#include <asm-generic/mman-common.h>

#define MAP_FAILED ((void *)-1)

/* Maps length bytes of memory (anonymous: zeroed, private to the process or, with MAP_SHARED, shared
   with the children it forks), or of the file open at fd from offset on (MAP_SHARED: the file's own
   pages; MAP_PRIVATE: copied on the first write). Returns the address, or MAP_FAILED with errno. */
void *mmap(void *addr, size_t length, int prot, int flags, int fd, off_t offset);
int munmap(void *addr, size_t length);
int mprotect(void *addr, size_t len, int prot);
/* Writes a file mapping's changes back to the file (the tmpfs has nothing to write back). */
int msync(void *addr, size_t length, int flags);
/* Advice about the pages of a range: MADV_DONTNEED drops them (private anonymous ones read as zeros
   after it). */
int madvise(void *addr, size_t length, int advice);

/* POSIX shared memory: the object "/name" is the file /dev/shm/name, opened as open(2) would (O_CREAT
   makes it, empty: size it with ftruncate), and mapped with mmap(MAP_SHARED). */
int shm_open(const char *name, int oflag, mode_t mode);
int shm_unlink(const char *name);

#endif
