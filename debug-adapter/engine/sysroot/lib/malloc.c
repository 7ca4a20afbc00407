/* glibc's malloc, calloc and realloc (malloc/malloc.c). The chunk bookkeeping (free chunks, top,
   splitting and merging) is host code (libc/malloc.ts), called as _int_malloc and _int_realloc; the
   system calls are made here, where glibc makes them:
   - the first call initialises the allocator, which takes its tcache key from getrandom(2);
   - whenever the heap's top chunk is too small, sysmalloc asks MORECORE, that is sbrk, for more, and
     sbrk moves the program break with brk(2).
   So strace -f shows the same getrandom and brk calls for a Forkscope program as for a real one. */
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <sys/random.h>

long sys_getrandom(char *buf, size_t count, unsigned int flags);

/* The host's half (libc/malloc.ts): the bytes the break must move before a request can be served (0
   when it can be now, -1 when it never can), the memory sbrk gave, and the allocation itself, which
   gives NULL when the heap has no room for it yet. */
long __malloc_core_needed(void *p, size_t n);
void __malloc_core_added(void *brk, size_t size);
void *_int_malloc(size_t n);
void *_int_realloc(void *p, size_t n);

extern int __libc_multiple_threads;
void __libc_lock_lock(int *lock);
void __libc_lock_unlock(int *lock);

static int malloc_initialized;
/* glibc stores it in each chunk its tcache holds, to catch a double free. Forkscope's allocator has no
   tcache, but the program makes the system call that draws it all the same. */
static unsigned long tcache_key;
/* The lock on the heap's growth. glibc's main arena lock covers all of malloc; here taking a chunk is
   one host call, which no other thread can interleave with, so only sysmalloc's steps need it, and
   threads that allocate without growing the heap never wait for each other. As in glibc, a process
   takes it only once it has started threads. */
static int main_arena_lock;

static void ptmalloc_init(void)
{
  malloc_initialized = 1;
  /* glibc's __getrandom_nocancel: malloc is no cancellation point. The simulated kernel's generator is
     always ready, so the call cannot come back short, and glibc's fallback for that is not needed. */
  sys_getrandom((char *)&tcache_key, sizeof(tcache_key), GRND_NONBLOCK);
}

/* sysmalloc: more core from sbrk until the request fits (another thread may have grown the heap
   meanwhile: then there is nothing to do). 0, or -1 when the break cannot move (ENOMEM): glibc then
   tries mmap, which the simulator does not offer. */
static int sysmalloc(void *p, size_t n)
{
  int locked = __libc_multiple_threads;
  long size;

  if (locked)
    __libc_lock_lock(&main_arena_lock);
  while ((size = __malloc_core_needed(p, n)) > 0) {
    void *brk = sbrk(size);
    if (brk == (void *)-1)
      break;
    __malloc_core_added(brk, size);
  }
  if (locked)
    __libc_lock_unlock(&main_arena_lock);
  return size == 0 ? 0 : -1;
}

void *malloc(size_t n)
{
  void *p;

  if (!malloc_initialized)
    ptmalloc_init();
  while ((p = _int_malloc(n)) == NULL) {
    if (sysmalloc(NULL, n) < 0) {
      errno = ENOMEM;
      return NULL;
    }
  }
  return p;
}

void *calloc(size_t nmemb, size_t size)
{
  size_t bytes = nmemb * size;
  void *p;

  if (size != 0 && bytes / size != nmemb) {
    errno = ENOMEM;
    return NULL;
  }
  p = malloc(bytes);
  if (p)
    memset(p, 0, bytes);
  return p;
}

void *realloc(void *p, size_t n)
{
  void *q;

  if (p == NULL)
    return malloc(n);
  if (n == 0) {
    free(p);
    return NULL;
  }
  while ((q = _int_realloc(p, n)) == NULL) {
    if (sysmalloc(p, n) < 0) {
      errno = ENOMEM;
      return NULL;
    }
  }
  return q;
}

/* fork's handlers (glibc's __malloc_fork_lock_parent and friends): a thread may be growing the heap
   when another forks, so fork holds the lock across the system call, and the child, whose only thread
   is the forking one, starts with it free. */
void __malloc_fork_lock_parent(void)
{
  __libc_lock_lock(&main_arena_lock);
}

void __malloc_fork_unlock_parent(void)
{
  __libc_lock_unlock(&main_arena_lock);
}

void __malloc_fork_unlock_child(void)
{
  main_arena_lock = 0;
}
