#ifndef _LINUX_ATOMIC_H
#define _LINUX_ATOMIC_H
/* Atomic integers (include/linux/atomic.h, arch/x86/include/asm/atomic.h). On x86 each is one locked
   instruction; in Forkscope kernel code is never preempted and one CPU at a time runs it, so the plain
   read-modify-write below cannot be interleaved with another. The _return and _test forms give the
   new value, the fetch_ forms the old one. */

typedef struct {
  int counter;
} atomic_t;

#define ATOMIC_INIT(i) { (i) }

static inline int atomic_read(const atomic_t *v) { return v->counter; }
static inline void atomic_set(atomic_t *v, int i) { v->counter = i; }
static inline void atomic_add(int i, atomic_t *v) { v->counter += i; }
static inline void atomic_sub(int i, atomic_t *v) { v->counter -= i; }
static inline void atomic_inc(atomic_t *v) { v->counter++; }
static inline void atomic_dec(atomic_t *v) { v->counter--; }
static inline int atomic_add_return(int i, atomic_t *v) { return v->counter += i; }
static inline int atomic_sub_return(int i, atomic_t *v) { return v->counter -= i; }
static inline int atomic_inc_return(atomic_t *v) { return ++v->counter; }
static inline int atomic_dec_return(atomic_t *v) { return --v->counter; }
static inline int atomic_fetch_add(int i, atomic_t *v) { int old = v->counter; v->counter += i; return old; }
static inline int atomic_fetch_sub(int i, atomic_t *v) { int old = v->counter; v->counter -= i; return old; }
static inline int atomic_inc_and_test(atomic_t *v) { return ++v->counter == 0; }
static inline int atomic_dec_and_test(atomic_t *v) { return --v->counter == 0; }
static inline int atomic_sub_and_test(int i, atomic_t *v) { return (v->counter -= i) == 0; }
static inline int atomic_xchg(atomic_t *v, int new) { int old = v->counter; v->counter = new; return old; }
/* The old value; `new` is stored only when it was `old`. */
static inline int atomic_cmpxchg(atomic_t *v, int old, int new)
{
  int ret = v->counter;
  if (ret == old)
    v->counter = new;
  return ret;
}

#endif
