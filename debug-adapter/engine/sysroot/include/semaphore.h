#ifndef _SEMAPHORE_H
#define _SEMAPHORE_H
/* POSIX semaphores (glibc 2.36's nptl/sem_*.c). A semaphore is a 64-bit word, its value in the
   low half and the number of threads waiting in the high half, and whether it is shared between
   processes; waiters sleep on the value's futex, private or shared as the semaphore is. */
#include <sys/types.h>
#include <time.h>

typedef union {
  char __size[32];
  long int __align;
} sem_t;

#define SEM_FAILED ((sem_t *)0)

int sem_init(sem_t *sem, int pshared, unsigned int value);
int sem_destroy(sem_t *sem);
int sem_wait(sem_t *sem);
int sem_trywait(sem_t *sem);
int sem_timedwait(sem_t *sem, const struct timespec *abstime);
#ifdef _GNU_SOURCE
int sem_clockwait(sem_t *sem, clockid_t clockid, const struct timespec *abstime);
#endif
int sem_post(sem_t *sem);
int sem_getvalue(sem_t *sem, int *sval);

/* Named semaphores, files in /dev/shm that every process using one maps: oflag O_CREAT (then a mode
   and an initial value follow) and O_EXCL. */
sem_t *sem_open(const char *name, int oflag, ...);
int sem_close(sem_t *sem);
int sem_unlink(const char *name);

#endif
