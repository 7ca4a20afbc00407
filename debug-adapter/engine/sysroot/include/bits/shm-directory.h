#ifndef _BITS_SHM_DIRECTORY_H
#define _BITS_SHM_DIRECTORY_H
/* Where POSIX shared memory objects and named semaphores live (glibc's posix/shm-directory.h), shared
   by lib/shm.c and lib/sem_open.c. */
#include <limits.h>

#define SHMDIR "/dev/shm/"

/* The file of an object: /dev/shm/, "sem." for a semaphore, and a name of NAME_MAX bytes at most. */
struct shmdir_name {
  char name[sizeof SHMDIR + sizeof "sem." - 1 + NAME_MAX];
};

/* Fills result with the file of the object `name`: 0, or EINVAL for a name that is no object's. */
int __shm_get_name(struct shmdir_name *result, const char *name, int sem_prefix);

#endif
