/* Named semaphores (glibc 2.36's nptl/sem_open.c, sem_close.c, sem_unlink.c and sem_routines.c): the
   semaphore "/name" is a 32-byte file /dev/shm/sem.name that every process using it maps
   MAP_SHARED, so its futex is a shared one. A new one is written whole under a temporary name and
   then linked to its own, so that nobody ever maps a half-made semaphore; O_EXCL makes the link fail
   if the name exists. A process maps each semaphore once: opening it again returns the same
   mapping, counted, and sem_close unmaps it when the count drops to 0. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <semaphore.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <bits/semaphoreP.h>
#include <bits/shm-directory.h>

#define __GT_NOCREATE 2

int __gen_tempname(char *tmpl, int suffixlen, int flags, int kind);

/* One semaphore this process has mapped, found by its file (sem_routines.c's inuse_sem; glibc keeps
   them in a tsearch tree, a list here). */
struct inuse_sem {
  struct inuse_sem *next;
  dev_t dev;
  ino_t ino;
  int refcnt;
  sem_t *sem;
};

static struct inuse_sem *sem_mappings;

/* __sem_check_add_mapping: the mapping of the semaphore open at fd, counted once more if this process
   has it already (and `existing`, a fresh mapping of it, unmapped), else `existing` or a new mapping,
   recorded. SEM_FAILED if fstat or mmap fails. */
static sem_t *__sem_check_add_mapping(const char *name, int fd, sem_t *existing)
{
  struct stat st;
  struct inuse_sem *p;
  sem_t *result = SEM_FAILED;

  if (strlen(name) > NAME_MAX)
    return SEM_FAILED;
  if (fstat(fd, &st) == 0) {
    for (p = sem_mappings; p; p = p->next)
      if (p->dev == st.st_dev && p->ino == st.st_ino)
        break;
    if (p) {
      result = p->sem;
      ++p->refcnt;
    } else {
      p = malloc(sizeof *p);
      if (p) {
        if (existing == SEM_FAILED)
          existing = mmap(NULL, sizeof(sem_t), PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        p->dev = st.st_dev;
        p->ino = st.st_ino;
        p->refcnt = 1;
        p->sem = existing;
        if (existing != MAP_FAILED) {
          p->next = sem_mappings;
          sem_mappings = p;
          result = existing;
        } else
          free(p);
      }
    }
  }
  if (result != existing && existing != SEM_FAILED && existing != MAP_FAILED) {
    int save = errno;
    munmap(existing, sizeof(sem_t));
    errno = save;
  }
  return result;
}

sem_t *sem_open(const char *name, int oflag, ...)
{
  struct shmdir_name dirname;
  char tmpfname[sizeof(SHMDIR "sem.XXXXXX")];
  struct new_sem initsem;
  va_list ap;
  mode_t mode;
  unsigned int value;
  int retries;
  int fd = -1;
  sem_t *result = SEM_FAILED;
  int ret = __shm_get_name(&dirname, name, 1);

  if (ret != 0) {
    errno = ret;
    return SEM_FAILED;
  }
  /* Unless it must be new, the semaphore may exist: open it. */
  if ((oflag & O_CREAT) == 0 || (oflag & O_EXCL) == 0) {
  try_again:
    fd = open(dirname.name, (oflag & ~(O_CREAT | O_ACCMODE)) | O_NOFOLLOW | O_RDWR);
    if (fd == -1) {
      if ((oflag & O_CREAT) != 0 && errno == ENOENT)
        goto try_create;
    } else
      result = __sem_check_add_mapping(name, fd, SEM_FAILED);
  } else {
  try_create:
    va_start(ap, oflag);
    mode = va_arg(ap, mode_t);
    value = va_arg(ap, unsigned int);
    va_end(ap);
    if (value > SEM_VALUE_MAX) {
      errno = EINVAL;
      return SEM_FAILED;
    }
    /* __new_sem_open_init: a shared semaphore at value. */
    initsem.data = value;
    initsem.private = FUTEX_SHARED;
    initsem.pad = 0;
    memcpy(tmpfname, SHMDIR "sem.XXXXXX", sizeof tmpfname);
    retries = 0;
    for (;;) {
      /* mktemp, not mkstemp: the file must be made with the caller's mode, less the umask. */
      if (__gen_tempname(tmpfname, 0, 0, __GT_NOCREATE) < 0)
        return SEM_FAILED;
      fd = open(tmpfname, O_RDWR | O_CREAT | O_EXCL, mode);
      if (fd != -1)
        break;
      if (errno != EEXIST)
        return SEM_FAILED;
      if (++retries >= 50) {
        errno = EAGAIN;
        return SEM_FAILED;
      }
      memcpy(tmpfname + sizeof(tmpfname) - 7, "XXXXXX", 6);
    }
    if (write(fd, &initsem, sizeof(sem_t)) == sizeof(sem_t)
        && (result = mmap(NULL, sizeof(sem_t), PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0)) != MAP_FAILED) {
      /* The name appears with the semaphore whole; an existing one is not overwritten. */
      if (link(tmpfname, dirname.name) != 0) {
        munmap(result, sizeof(sem_t));
        result = SEM_FAILED;
        if (errno == EEXIST && (oflag & O_EXCL) == 0) {
          /* Someone made it meanwhile: open theirs. */
          close(fd);
          goto try_again;
        }
      } else
        result = __sem_check_add_mapping(name, fd, result);
    }
    unlink(tmpfname);
  }
  if (result == MAP_FAILED)
    result = SEM_FAILED;
  if (fd != -1) {
    int save = errno;
    close(fd);
    errno = save;
  }
  return result;
}

/* __sem_remove_mapping: one use of the mapping fewer; the last unmaps it. EINVAL for a semaphore
   sem_open did not give. */
int sem_close(sem_t *sem)
{
  struct inuse_sem **pp;
  struct inuse_sem *rec;
  int ret = -1;

  for (pp = &sem_mappings; *pp; pp = &(*pp)->next)
    if ((*pp)->sem == sem)
      break;
  rec = *pp;
  if (rec) {
    if (--rec->refcnt == 0) {
      *pp = rec->next;
      if (munmap(rec->sem, sizeof(sem_t)) == 0)
        ret = 0;
      free(rec);
    } else
      ret = 0;
  }
  if (ret != 0)
    errno = EINVAL;
  return ret;
}

int sem_unlink(const char *name)
{
  struct shmdir_name dirname;
  int ret;

  if (__shm_get_name(&dirname, name, 1) != 0) {
    errno = ENOENT;
    return -1;
  }
  ret = unlink(dirname.name);
  if (ret < 0 && errno == EPERM)
    errno = EACCES;
  return ret;
}
