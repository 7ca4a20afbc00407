/* glibc's malloc, calloc, realloc, free and malloc_usable_size (malloc/malloc.c). The heap's chunk
   bookkeeping (free chunks, top, splitting and merging) is host code (libc/malloc.ts), called as
   _int_malloc, _int_realloc, _int_free and _int_usable_size; the system calls are made here, where glibc
   makes them:
   - the first call initialises the allocator, which takes its tcache key from getrandom(2) and
     allocates the tcache, the heap's first chunk;
   - whenever the heap's top chunk is too small, sysmalloc gives a large request a mapping of its own
     with mmap(2), and otherwise asks MORECORE, that is sbrk, for more heap, and sbrk moves the program
     break with brk(2);
   - freeing a chunk that is a mapping of its own unmaps it (munmap(2)).
   So strace -f shows the same getrandom, brk, mmap and munmap calls for a Forkscope program as for a
   real one. (glibc grows a mapped chunk with mremap(2), which the simulator lacks: realloc moves it.) */
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <stdint.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/random.h>

long sys_getrandom(char *buf, size_t count, unsigned int flags);
void __libc_fatal(const char *message);

/* The host's half (libc/malloc.ts): the bytes the break must move before a request can be served (0
   when it can be now, -1 when it never can), the memory sbrk gave, and the heap's chunks, which
   _int_malloc and _int_realloc give as NULL when the heap has no room for them yet. */
long __malloc_core_needed(void *p, size_t n);
void __malloc_core_added(void *brk, size_t size);
void *_int_malloc(size_t n);
void *_int_realloc(void *p, size_t n);
void _int_free(void *p);
size_t _int_usable_size(void *p);

extern int __libc_multiple_threads;
void __libc_lock_lock(int *lock);
void __libc_lock_unlock(int *lock);

#define SIZE_SZ 8
#define CHUNK_HDR_SZ 16
#define MALLOC_ALIGN_MASK 15
#define MINSIZE 32
#define PAGE_SIZE 4096
/* The size field's bit for a chunk that is a mapping of its own. */
#define IS_MMAPPED 0x2
#define DEFAULT_MMAP_THRESHOLD_MIN (128 * 1024)
#define DEFAULT_MMAP_THRESHOLD_MAX (4 * 1024 * 1024 * sizeof(long))

/* A chunk's header, 16 bytes before the pointer malloc returns: prev_size, then size with flag bits. */
#define mem2chunk(mem) ((size_t *)(mem) - 2)
#define prev_size(p) ((p)[0])
#define chunksize(p) ((p)[1] & ~(size_t)7)
#define chunk_is_mmapped(p) (((p)[1] & IS_MMAPPED) != 0)
#define powerof2(x) ((((x) - 1) & (x)) == 0)

static int malloc_initialized;
/* glibc stores it in each chunk its tcache holds, to catch a double free. Forkscope's allocator has no
   tcache, but the program makes the system call that draws it all the same. */
static unsigned long tcache_key;
/* Requests at least this large that top cannot serve get a mapping of their own. It rises to the size
   of a mapped chunk when one is freed, up to 32 MiB: glibc's dynamic mmap threshold. */
static size_t mmap_threshold = DEFAULT_MMAP_THRESHOLD_MIN;
/* The lock on the heap's growth. glibc's main arena lock covers all of malloc; here taking a chunk is
   one host call, which no other thread can interleave with, so only sysmalloc's steps need it, and
   threads that allocate without growing the heap never wait for each other. As in glibc, a process
   takes it only once it has started threads. */
static int main_arena_lock;

/* request2size: the chunk a request needs, its header included, 16-aligned, at least MINSIZE. */
static size_t request2size(size_t n)
{
  return n + SIZE_SZ + MALLOC_ALIGN_MASK < MINSIZE ? MINSIZE : (n + SIZE_SZ + MALLOC_ALIGN_MASK) & ~(size_t)MALLOC_ALIGN_MASK;
}

/* sysmalloc's heap growth: more core from sbrk until the request fits (another thread may have grown
   the heap meanwhile: then there is nothing to do). 0, or -1 when the break cannot move (ENOMEM). */
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

/* sysmalloc_mmap: a chunk of nb bytes that is a mapping of its own, or NULL when mmap fails. */
static void *sysmalloc_mmap(size_t nb)
{
  size_t size = (nb + SIZE_SZ + PAGE_SIZE - 1) & ~(size_t)(PAGE_SIZE - 1);
  size_t *p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

  if (p == MAP_FAILED)
    return NULL;
  prev_size(p) = 0; /* the chunk starts its mapping */
  p[1] = size | IS_MMAPPED;
  return p + 2;
}

/* A large request the heap cannot serve now: a mapping of its own, as glibc's sysmalloc gives it. */
static void *sysmalloc_large(size_t n)
{
  size_t nb = request2size(n);

  return nb >= mmap_threshold ? sysmalloc_mmap(nb) : NULL;
}

static void munmap_chunk(size_t *p)
{
  uintptr_t mem = (uintptr_t)(p + 2);
  uintptr_t block = (uintptr_t)p - prev_size(p);
  size_t total_size = prev_size(p) + chunksize(p);

  if (((block | total_size) & (PAGE_SIZE - 1)) != 0 || !powerof2(mem & (PAGE_SIZE - 1)))
    __libc_fatal("munmap_chunk(): invalid pointer\n");
  munmap((void *)block, total_size);
}

static void ptmalloc_init(void)
{
  malloc_initialized = 1;
  /* glibc's __getrandom_nocancel: malloc is no cancellation point. The simulated kernel's generator is
     always ready, so the call cannot come back short, and glibc's fallback for that is not needed. */
  sys_getrandom((char *)&tcache_key, sizeof(tcache_key), GRND_NONBLOCK);
  /* tcache_init: the tcache is the heap's first chunk, and its sysmalloc the process's first brk. */
  sysmalloc(NULL, 0);
}

void *malloc(size_t n)
{
  void *p;

  if (n > PTRDIFF_MAX) { /* checked_request2size */
    errno = ENOMEM;
    return NULL;
  }
  if (!malloc_initialized)
    ptmalloc_init();
  while ((p = _int_malloc(n)) == NULL) {
    if ((p = sysmalloc_large(n)) != NULL)
      return p;
    if (sysmalloc(NULL, n) < 0) {
      errno = ENOMEM;
      return NULL;
    }
  }
  return p;
}

void free(void *mem)
{
  size_t *p;

  if (mem == NULL)
    return;
  p = mem2chunk(mem);
  if (chunk_is_mmapped(p)) {
    if (chunksize(p) > mmap_threshold && chunksize(p) <= DEFAULT_MMAP_THRESHOLD_MAX)
      mmap_threshold = chunksize(p);
    munmap_chunk(p);
    return;
  }
  _int_free(mem);
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

void *realloc(void *mem, size_t n)
{
  size_t *p;
  void *q;

  if (mem == NULL)
    return malloc(n);
  if (n == 0) {
    free(mem);
    return NULL;
  }
  if (n > PTRDIFF_MAX) {
    errno = ENOMEM;
    return NULL;
  }
  p = mem2chunk(mem);
  if (chunk_is_mmapped(p)) {
    /* glibc without mremap: a mapping large enough stays; another is moved to a new chunk. */
    if (chunksize(p) - SIZE_SZ >= request2size(n))
      return mem;
    q = malloc(n);
    if (q == NULL)
      return NULL;
    memcpy(q, mem, chunksize(p) - CHUNK_HDR_SZ);
    munmap_chunk(p);
    return q;
  }
  while ((q = _int_realloc(mem, n)) == NULL) {
    /* Not in place: _int_malloc's chunk for the move may be a mapping of its own. */
    if ((q = sysmalloc_large(n)) != NULL) {
      memcpy(q, mem, _int_usable_size(mem));
      _int_free(mem);
      return q;
    }
    if (sysmalloc(mem, n) < 0) {
      errno = ENOMEM;
      return NULL;
    }
  }
  return q;
}

size_t malloc_usable_size(void *mem)
{
  size_t *p;

  if (mem == NULL)
    return 0;
  p = mem2chunk(mem);
  if (chunk_is_mmapped(p))
    return chunksize(p) - CHUNK_HDR_SZ;
  return _int_usable_size(mem);
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
