/* posix_spawn's attributes, glibc 2.36's posix/spawnattr_*.c: plain fields of posix_spawnattr_t, which
   __spawni's child reads. Only setflags and setschedpolicy check what they are given. */
#define _GNU_SOURCE
#include <errno.h>
#include <spawn.h>
#include <string.h>

/* Every flag glibc knows; setflags refuses any other bit. */
#define ALL_FLAGS                                                                                  \
  (POSIX_SPAWN_RESETIDS | POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK | \
   POSIX_SPAWN_SETSCHEDPARAM | POSIX_SPAWN_SETSCHEDULER | POSIX_SPAWN_SETSID | POSIX_SPAWN_USEVFORK)

/* Every field's default is zero: no flags, so nothing else applies. */
int posix_spawnattr_init(posix_spawnattr_t *attr)
{
  memset(attr, 0, sizeof(*attr));
  return 0;
}

/* Nothing was allocated. */
int posix_spawnattr_destroy(posix_spawnattr_t *attr)
{
  return 0;
}

int posix_spawnattr_getflags(const posix_spawnattr_t *attr, short *flags)
{
  *flags = attr->__flags;
  return 0;
}

int posix_spawnattr_setflags(posix_spawnattr_t *attr, short flags)
{
  if (flags & ~ALL_FLAGS)
    return EINVAL;
  attr->__flags = flags;
  return 0;
}

int posix_spawnattr_getsigdefault(const posix_spawnattr_t *attr, sigset_t *sigdefault)
{
  memcpy(sigdefault, &attr->__sd, sizeof(sigset_t));
  return 0;
}

int posix_spawnattr_setsigdefault(posix_spawnattr_t *attr, const sigset_t *sigdefault)
{
  memcpy(&attr->__sd, sigdefault, sizeof(sigset_t));
  return 0;
}

int posix_spawnattr_getsigmask(const posix_spawnattr_t *attr, sigset_t *sigmask)
{
  memcpy(sigmask, &attr->__ss, sizeof(sigset_t));
  return 0;
}

int posix_spawnattr_setsigmask(posix_spawnattr_t *attr, const sigset_t *sigmask)
{
  memcpy(&attr->__ss, sigmask, sizeof(sigset_t));
  return 0;
}

int posix_spawnattr_getpgroup(const posix_spawnattr_t *attr, pid_t *pgroup)
{
  *pgroup = attr->__pgrp;
  return 0;
}

int posix_spawnattr_setpgroup(posix_spawnattr_t *attr, pid_t pgroup)
{
  attr->__pgrp = pgroup;
  return 0;
}

int posix_spawnattr_getschedpolicy(const posix_spawnattr_t *attr, int *schedpolicy)
{
  *schedpolicy = attr->__policy;
  return 0;
}

/* POSIX's three policies only, as glibc checks; the kernel judges the rest when the child asks. */
int posix_spawnattr_setschedpolicy(posix_spawnattr_t *attr, int schedpolicy)
{
  if (schedpolicy != SCHED_OTHER && schedpolicy != SCHED_FIFO && schedpolicy != SCHED_RR)
    return EINVAL;
  attr->__policy = schedpolicy;
  return 0;
}

int posix_spawnattr_getschedparam(const posix_spawnattr_t *attr, struct sched_param *schedparam)
{
  memcpy(schedparam, &attr->__sp, sizeof(struct sched_param));
  return 0;
}

int posix_spawnattr_setschedparam(posix_spawnattr_t *attr, const struct sched_param *schedparam)
{
  memcpy(&attr->__sp, schedparam, sizeof(struct sched_param));
  return 0;
}
