#ifndef _LINUX_ERR_H
#define _LINUX_ERR_H
/* A pointer that carries an error: the last 4095 addresses are never valid, so a function returning a
   pointer can return -errno in it (kthread_create does). */
#define MAX_ERRNO 4095
#define IS_ERR_VALUE(x) ((unsigned long)(void *)(x) >= (unsigned long)-MAX_ERRNO)

static inline void *ERR_PTR(long error)
{
  return (void *)error;
}

static inline long PTR_ERR(const void *ptr)
{
  return (long)ptr;
}

static inline int IS_ERR(const void *ptr)
{
  return IS_ERR_VALUE((unsigned long)ptr);
}

static inline int IS_ERR_OR_NULL(const void *ptr)
{
  return !ptr || IS_ERR_VALUE((unsigned long)ptr);
}
#endif
