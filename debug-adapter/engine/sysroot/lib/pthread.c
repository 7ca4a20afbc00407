/* POSIX threads over clone3 and futex, as glibc's NPTL builds them. A thread is a task created with
   clone3(CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD | ...): same memory, same
   process (getpid), its own TID (gettid). Its stack is a mapping of its own with a guard page below
   it, and its descriptor sits at the top of that mapping; its TLS base points at the descriptor, which
   is how pthread_self() and errno find it. Joining sleeps on the descriptor's tid word, which the
   kernel clears at the thread's end with a futex wake (CLONE_CHILD_CLEARTID); the stack then goes to a
   cache for the next thread. */
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <errno.h>
#include <limits.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>
#include <uapi/linux/sched.h>
#include <bits/internal-signals.h>

#define FUTEX_WAIT 0
#define FUTEX_WAKE 1
#define FUTEX_WAIT_BITSET 9
#define FUTEX_PRIVATE_FLAG 128
#define FUTEX_CLOCK_REALTIME 256
#define FUTEX_BITSET_MATCH_ANY 0xffffffff
/* Whether a futex word is used by this process's threads only (LLL_PRIVATE) or may be mapped by other
   processes (LLL_SHARED: a process-shared mutex or condition variable), as glibc spells it;
   __lll_private_flag makes the operation: FUTEX_PRIVATE_FLAG for a private word, none for a shared one,
   which the kernel then keys by the shared memory. */
#define LLL_PRIVATE 0
#define LLL_SHARED FUTEX_PRIVATE_FLAG
#define __lll_private_flag(fl, private) (((fl) | FUTEX_PRIVATE_FLAG) ^ (private))

/* glibc's flag set: "no signal is sent" when a thread ends (termination signal 0). */
#define CLONE_THREAD_FLAGS (CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SYSVSEM | CLONE_SIGHAND | CLONE_THREAD \
                            | CLONE_SETTLS | CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID)
/* A thread's stack when the attributes name none: RLIMIT_STACK's 8 MiB, which glibc's
   __pthread_initialize_minimal takes as the default, and one guard page. */
#define ARCH_STACK_DEFAULT_SIZE (8 * 1024 * 1024)
#define ARCH_GUARD_DEFAULT_SIZE 4096
/* Stacks of ended threads glibc keeps for new ones, at most this much (nptl-stack.c). */
#define STACK_CACHE_MAXSIZE (40 * 1024 * 1024)
/* glibc's TLS_STATIC_ALIGN on x86-64: the descriptor's alignment at the top of the stack. */
#define TLS_STATIC_ALIGN 64
/* The stack a thread keeps when it ends: its pages below this are given back (advise_stack_range). */
#define PTHREAD_STACK_MIN 16384
/* rseq(2)'s signature of abort handlers: x86-64's RSEQ_SIG (an instruction glibc never runs). */
#define RSEQ_SIG 0x53053053
/* The kernel's sigset is one word (glibc's internal_sigset_t, __NSIG_BYTES). */
#define __NSIG_BYTES 8

long sys_futex(unsigned int *uaddr, int op, unsigned int val, const struct timespec *timeout, unsigned int *uaddr2, unsigned int val3);
long sys_exit(int error_code);
long sys_gettid(void);
long sys_tgkill(pid_t tgid, pid_t tid, int sig);
long sys_rt_sigprocmask(int how, const sigset_t *set, sigset_t *oset, size_t sigsetsize);
long sys_rseq(void *rseq, unsigned int rseq_len, int flags, unsigned int sig);
long sys_set_robust_list(void *head, size_t len);
int __libc_sigaction(int sig, const struct sigaction *act, struct sigaction *oact);

int __clone_internal(struct clone_args *cl_args, int (*func)(void *), void *arg);

/* Atomic instructions (libc/atomic.ts). */
int __libc_atomic_cmpxchg(int *ptr, int oldval, int newval);
int __libc_atomic_xchg(int *ptr, int value);
int __libc_atomic_fetch_add(int *ptr, int value);

/* Thread-specific data (glibc's two-level array): key k's value for a thread is
   specific[k / PTHREAD_KEY_2NDLEVEL_SIZE][k % PTHREAD_KEY_2NDLEVEL_SIZE], the first block inside the
   descriptor (specific_1stblock), the others allocated when a value is first set in them. */
#define PTHREAD_KEY_2NDLEVEL_SIZE 32
#define PTHREAD_KEY_1STLEVEL_SIZE ((PTHREAD_KEYS_MAX + PTHREAD_KEY_2NDLEVEL_SIZE - 1) / PTHREAD_KEY_2NDLEVEL_SIZE)

/* A value, with the sequence number its key had when it was set: a key deleted and created again has
   another number, so the old values read as NULL and get no destructor call. */
struct pthread_key_data {
  unsigned int seq;
  void *data;
};

/* The bits of a thread's cancelhandling, glibc's. */
#define CANCELSTATE_BITMASK 0x01 /* cancellation is disabled */
#define CANCELTYPE_BITMASK 0x02  /* cancellation is asynchronous */
#define CANCELING_BITMASK 0x04   /* a cancel is on its way (SIGCANCEL sent) */
#define CANCELED_BITMASK 0x08    /* the thread has been canceled */
#define EXITING_BITMASK 0x10     /* the thread is ending: no cancel acts any more */
#define TERMINATED_BITMASK 0x20  /* the descriptor and its stack went to the stack cache */

/* The area rseq(2) registers (the kernel's struct rseq), where the kernel writes the CPU the thread
   runs on. It is the descriptor's first member, so that it has the 32-byte alignment the kernel
   checks: the descriptor is aligned to TLS_STATIC_ALIGN. */
struct rseq_area {
  unsigned int cpu_id_start;
  unsigned int cpu_id;
  unsigned long rseq_cs;
  unsigned int flags;
  unsigned int pad[3];
};

/* set_robust_list's list head (the kernel's struct robust_list_head): the robust mutexes a thread
   holds. Forkscope's mutexes are never robust, so each thread's list stays empty: it points at itself. */
struct robust_list_head {
  void *list;
  long futex_offset;
  void *list_op_pending;
};

/* glibc's list_t (include/list.h), for the stack cache. */
typedef struct list_head {
  struct list_head *next;
  struct list_head *prev;
} list_t;

struct pthread {
  struct rseq_area rseq_area;
  list_t list;       /* in the stack cache, once the thread is joined or detached and done */
  int errno_value;   /* this thread's errno */
  pid_t tid;         /* set by the kernel at clone (CLONE_PARENT_SETTID), cleared at the thread's end */
  void *(*start_routine)(void *);
  void *arg;
  void *result;      /* start_routine's return value, pthread_exit's argument, or PTHREAD_CANCELED */
  int cancelhandling;
  struct _pthread_cleanup_buffer *cleanup; /* the newest cleanup handler */
  int detached;
  void *stackblock;  /* the stack's mapping: the guard page, the stack, this descriptor at its top */
  size_t stackblock_size;
  size_t guardsize;
  struct robust_list_head robust_head;
  sigset_t sigmask;  /* the mask the thread starts with: its creator's */
  int specific_used; /* a value was set since the destructors last ran */
  struct pthread_key_data specific_1stblock[PTHREAD_KEY_2NDLEVEL_SIZE];
  struct pthread_key_data *specific[PTHREAD_KEY_1STLEVEL_SIZE]; /* [0] stands for specific_1stblock */
};

/* Where a thread's errno is in its descriptor: the simulator's builtins read this to find errno. */
const unsigned long __libc_errno_tls_offset = offsetof(struct pthread, errno_value);

/* The main thread has no TLS base set: it uses the global errno and this descriptor. */
static char main_thread_block[sizeof(struct pthread) + TLS_STATIC_ALIGN];
/* Its descriptor is aligned as glibc's __libc_setup_tls aligns it (rseq refuses an area off its
   32-byte alignment); the compiler ignores alignment attributes, so it is placed by hand in the block. */
#define main_thread (*(struct pthread *)(((unsigned long)main_thread_block + TLS_STATIC_ALIGN - 1) & ~(unsigned long)(TLS_STATIC_ALIGN - 1)))
/* Threads still running, the main one included: the last to end exits the process. */
static int nthreads = 1;
/* glibc's __libc_single_threaded_internal: no thread was created yet (late_init is still to run). */
static int __libc_single_threaded_internal = 1;
/* glibc's SINGLE_THREAD_P flag (the global form some ports use instead of the thread header's
   multiple_threads): 0 until the first pthread_create, or a pthread_cancel, so that the system call
   wrappers of a single-threaded process skip the cancellation bookkeeping (lib/syscalls.c). */
int __libc_multiple_threads;
/* glibc's stack cache (GL(dl_stack_cache), nptl-stack.c): the stacks of threads joined or detached,
   newest first, and their total size. A stack is reused once the kernel has cleared its thread's tid:
   a detached thread queues its own stack while still running on it. */
static list_t stack_cache = { &stack_cache, &stack_cache };
static size_t stack_cache_actsize;
static int stack_cache_lock;

/* THREAD_SELF: the thread pointer (%fs) is the descriptor of a thread pthread_create made; the main
   thread has none. Read as glibc reads it, with no system call. */
static struct pthread *thread_self(void)
{
  void *tp = __builtin_thread_pointer();
  return tp ? (struct pthread *)tp : &main_thread;
}

/* THREAD_GETMEM (THREAD_SELF, tid): the caller's TID, read from its descriptor with no system call,
   which is how glibc's mutexes learn who locks them. The kernel wrote it there: for a thread, at clone
   (CLONE_PARENT_SETTID on the descriptor's tid); for the main thread, set_tid_address's result at the
   start (__tls_init_tp); for a child of fork(), as it starts (fork is clone(CLONE_CHILD_SETTID) on
   this field, see lib/syscalls.c). */
#define THREAD_SELF_TID() (thread_self()->tid)

/* &THREAD_SELF->tid, where fork has the kernel write the child's TID. */
int *__thread_self_tid(void)
{
  return &thread_self()->tid;
}

long sys_set_tid_address(int *tidptr);

/* glibc's rseq_register_current_thread: the descriptor's rseq area, so that the kernel keeps the
   thread's CPU in it. If the kernel refuses, cpu_id says so (RSEQ_CPU_ID_REGISTRATION_FAILED). */
static void rseq_register_current_thread(struct pthread *self)
{
  if (sys_rseq(&self->rseq_area, sizeof(self->rseq_area), 0, RSEQ_SIG) < 0)
    self->rseq_area.cpu_id = (unsigned int)-2;
}

/* glibc's __tls_init_tp, which __libc_start_main runs before main (lib/start.c): the main thread's
   descriptor gets its TID from set_tid_address, which also has the kernel clear it, with a futex wake,
   when the main thread ends, as CLONE_CHILD_CLEARTID does for the others; then, as every thread does,
   it registers its (empty) robust list and its rseq area. */
void __tls_init_tp(void)
{
  struct pthread *pd = thread_self();
  pd->tid = sys_set_tid_address(&pd->tid);
  pd->robust_head.list = &pd->robust_head;
  sys_set_robust_list(&pd->robust_head, sizeof(struct robust_list_head));
  rseq_register_current_thread(pd);
}

/* The child's part of glibc's _Fork: the kernel forgot the parent's robust list in copy_process, and
   the child holds none of the parent's mutexes, so it registers an empty list of its own. (Its rseq
   registration survives fork.) */
void __fork_child_robust_list(void)
{
  struct pthread *self = thread_self();
  self->robust_head.list = &self->robust_head;
  sys_set_robust_list(&self->robust_head, sizeof(struct robust_list_head));
}

static void futex_wait(int *word, int val, int private)
{
  sys_futex((unsigned int *)word, __lll_private_flag(FUTEX_WAIT, private), val, 0, 0, 0);
}

static void futex_wake(int *word, int nr, int private)
{
  sys_futex((unsigned int *)word, __lll_private_flag(FUTEX_WAKE, private), nr, 0, 0, 0);
}

/* glibc's __futex_abstimed_wait64: sleeps while *word == expected, until a wake or the absolute time
   abstime on `clockid` (CLOCK_REALTIME or CLOCK_MONOTONIC). Returns 0 when woken, else the kernel's
   error as a positive number (ETIMEDOUT, EAGAIN when the word had changed already, EINTR). The kernel
   refuses a negative time, which is a valid one long past. */
static int futex_abstimed_wait(int *word, int expected, clockid_t clockid, const struct timespec *abstime, int private)
{
  if (abstime->tv_sec < 0)
    return ETIMEDOUT;
  return -sys_futex((unsigned int *)word, __lll_private_flag(FUTEX_WAIT_BITSET | (clockid == CLOCK_REALTIME ? FUTEX_CLOCK_REALTIME : 0), private),
                    expected, abstime, 0, FUTEX_BITSET_MATCH_ANY);
}

/* glibc's low-level lock (lowlevellock.h), the futex lock under the mutex and the internal lock of the
   read-write lock and the barrier: 0 unlocked, 1 locked, 2 locked and someone may sleep on it. It is
   Drepper's "Futexes Are Tricky" mutex 2: taking a free lock, or releasing one nobody waits for,
   needs no system call. */
static void lll_lock(int *futex, int private)
{
  if (__libc_atomic_cmpxchg(futex, 0, 1) == 0)
    return;
  /* __lll_lock_wait: contended, so mark it "locked, with sleepers" and sleep until an unlock. */
  while (__libc_atomic_xchg(futex, 2) != 0)
    futex_wait(futex, 2, private);
}

static int lll_trylock(int *futex)
{
  return __libc_atomic_cmpxchg(futex, 0, 1) != 0;
}

static void lll_unlock(int *futex, int private)
{
  if (__libc_atomic_xchg(futex, 0) > 1)
    futex_wake(futex, 1, private);
}

/* glibc's __libc_lock_lock and __libc_lock_unlock: the C library's own locks (malloc's arena lock)
   are this low-level lock too. */
void __libc_lock_lock(int *lock)
{
  lll_lock(lock, LLL_PRIVATE);
}

void __libc_lock_unlock(int *lock)
{
  lll_unlock(lock, LLL_PRIVATE);
}

/* The key table: a key is in use while its sequence number is odd. Creating or deleting it bumps the
   number. */
#define KEY_UNUSED(seq) (((seq) & 1) == 0)
/* A number about to wrap around would make a stale value look current: such a slot is never reused. */
#define KEY_USABLE(seq) ((seq) < (seq) + 2)

struct pthread_key_struct {
  unsigned int seq;
  void (*destr)(void *);
};

static struct pthread_key_struct __pthread_keys[PTHREAD_KEYS_MAX];

/* glibc's __nptl_deallocate_tsd, at a thread's end: calls each key's destructor on the thread's
   non-NULL value (set to NULL first). A destructor may set values again, so this repeats, up to
   PTHREAD_DESTRUCTOR_ITERATIONS rounds, while values were set; then the blocks are freed. */
static void __nptl_deallocate_tsd(void)
{
  struct pthread *self = thread_self();
  struct pthread_key_data *level2;
  unsigned int round;
  unsigned int cnt;
  unsigned int inner;
  unsigned int idx;
  void *data;

  if (!self->specific_used)
    return;
  round = 0;
  do {
    self->specific_used = 0;
    for (cnt = idx = 0; cnt < PTHREAD_KEY_1STLEVEL_SIZE; ++cnt) {
      level2 = cnt == 0 ? self->specific_1stblock : self->specific[cnt];
      if (level2 == NULL) {
        idx += PTHREAD_KEY_2NDLEVEL_SIZE;
        continue;
      }
      for (inner = 0; inner < PTHREAD_KEY_2NDLEVEL_SIZE; ++inner, ++idx) {
        data = level2[inner].data;
        if (data == NULL)
          continue;
        level2[inner].data = NULL;
        /* A key deleted (or deleted and created again) since the value was set gets no call. */
        if (level2[inner].seq == __pthread_keys[idx].seq && __pthread_keys[idx].destr != NULL)
          __pthread_keys[idx].destr(data);
      }
    }
  } while (self->specific_used && ++round < PTHREAD_DESTRUCTOR_ITERATIONS);

  memset(self->specific_1stblock, 0, sizeof(self->specific_1stblock));
  for (cnt = 1; cnt < PTHREAD_KEY_1STLEVEL_SIZE; ++cnt) {
    free(self->specific[cnt]);
    self->specific[cnt] = NULL;
  }
  self->specific_used = 0;
}

/* A thread's end, below: where its function's return, pthread_exit and a cancel all lead. */
static void thread_finished(void) __attribute__((noreturn));

/* Cancellation, as glibc's pthread_cancel.c, cancellation.c, pthread_setcancelstate.c,
   pthread_setcanceltype.c, pthread_testcancel.c and cleanup.c. pthread_cancel sets CANCELED in the
   target's cancelhandling. With deferred cancellation (the default) the thread acts on it at its next
   cancellation point: pthread_testcancel, or a call that may block (read, sleep, pthread_join ...),
   which makes the thread's cancellation asynchronous for as long as it blocks. A thread whose
   cancellation is asynchronous is sent SIGCANCEL, and the handler ends it wherever it is. Acting on
   a cancel (__do_cancel) runs the cleanup handlers and ends the thread as pthread_exit does, with
   PTHREAD_CANCELED as its result. */

static void atomic_bit_set(int *word, int mask)
{
  int old;
  do
    old = *word;
  while (__libc_atomic_cmpxchg(word, old, old | mask) != old);
}

/* C11's atomic_compare_exchange, in which glibc writes these loops: stores desired if *word still
   holds *expected, else loads what it holds into *expected. */
static int atomic_compare_exchange(int *word, int *expected, int desired)
{
  int cur = __libc_atomic_cmpxchg(word, *expected, desired);
  if (cur == *expected)
    return 1;
  *expected = cur;
  return 0;
}

/* A cancel is to act at a cancellation point. */
static int cancel_enabled_and_canceled(int value)
{
  return (value & (CANCELSTATE_BITMASK | CANCELED_BITMASK | EXITING_BITMASK | TERMINATED_BITMASK)) == CANCELED_BITMASK;
}

/* A cancel is to act at once. */
static int cancel_enabled_and_canceled_and_async(int value)
{
  return (value & (CANCELSTATE_BITMASK | CANCELTYPE_BITMASK | CANCELED_BITMASK | EXITING_BITMASK | TERMINATED_BITMASK))
         == (CANCELTYPE_BITMASK | CANCELED_BITMASK);
}

/* glibc unwinds the stack, calling each cleanup handler as its frame goes. Here the frames stay where
   they are (the thread never returns into them) and the handlers' list is walked, newest first. Each
   handler is off the list before it runs, so one that calls pthread_exit does not run again. */
static void __do_cancel(void) __attribute__((noreturn));
static void __do_cancel(void)
{
  struct pthread *self = thread_self();
  struct _pthread_cleanup_buffer *curp;

  /* No cancel acts from now on: the handlers may call cancellation points. */
  atomic_bit_set(&self->cancelhandling, EXITING_BITMASK);
  while ((curp = self->cleanup) != NULL) {
    self->cleanup = curp->__prev;
    curp->__routine(curp->__arg);
  }
  thread_finished();
}

void _pthread_cleanup_push(struct _pthread_cleanup_buffer *buffer, void (*routine)(void *), void *arg)
{
  struct pthread *self = thread_self();

  buffer->__routine = routine;
  buffer->__arg = arg;
  buffer->__prev = self->cleanup;
  self->cleanup = buffer;
}

/* The handler is off the list before it runs. */
void _pthread_cleanup_pop(struct _pthread_cleanup_buffer *buffer, int execute)
{
  thread_self()->cleanup = buffer->__prev;
  if (execute)
    buffer->__routine(buffer->__arg);
}

/* The SIGCANCEL handler: the cancel acts if the thread's cancellation is still enabled and
   asynchronous. A SIGCANCEL that does not come from this process's tgkill is ignored. */
static void sigcancel_handler(int sig, siginfo_t *si, void *ctx)
{
  struct pthread *self;
  int oldval;
  int newval;

  if (sig != SIGCANCEL || si->si_pid != getpid() || si->si_code != SI_TKILL)
    return;
  self = thread_self();
  oldval = self->cancelhandling;
  for (;;) {
    /* pthread_cancel set only CANCELING before it sent the signal. */
    newval = oldval | CANCELING_BITMASK | CANCELED_BITMASK;
    if (oldval == newval || (oldval & EXITING_BITMASK) != 0)
      break; /* canceled already, or ending */
    if (atomic_compare_exchange(&self->cancelhandling, &oldval, newval)) {
      self->result = PTHREAD_CANCELED;
      if (cancel_enabled_and_canceled_and_async(newval))
        __do_cancel();
      break;
    }
  }
}

/* The main thread's descriptor gets no TID from the kernel: its TID is the process's PID. */
static pid_t thread_tid(struct pthread *pd)
{
  return pd == &main_thread ? getpid() : pd->tid;
}

int pthread_cancel(pthread_t thread)
{
  struct pthread *pd = (struct pthread *)thread;
  static int init_sigcancel;
  struct sigaction sa;
  int result = 0;
  int oldval;
  int newval;
  long r;

  /* The thread has ended (or been joined, tid -1): how it ended (returned, exited, canceled) stands. */
  if (thread_tid(pd) <= 0)
    return 0;
  /* glibc installs the handler at the first cancel. SA_RESTART: a SIGCANCEL that does not end the
     thread must not make its system call fail with EINTR. */
  if (!init_sigcancel) {
    sa.sa_sigaction = sigcancel_handler;
    sa.sa_flags = SA_SIGINFO | SA_RESTART;
    sigemptyset(&sa.sa_mask);
    __libc_sigaction(SIGCANCEL, &sa, NULL);
    init_sigcancel = 1;
  }
  oldval = pd->cancelhandling;
  for (;;) {
    newval = oldval | CANCELING_BITMASK | CANCELED_BITMASK;
    if (oldval == newval)
      break; /* canceled already */
    if (cancel_enabled_and_canceled_and_async(newval)) {
      /* Asynchronous: mark the cancel as on its way; the handler marks it done. */
      if (!atomic_compare_exchange(&pd->cancelhandling, &oldval, oldval | CANCELING_BITMASK))
        continue;
      if (pd == thread_self()) {
        /* Not through the signal: a program may cancel itself before any thread exists. */
        pd->result = PTHREAD_CANCELED;
        __do_cancel();
      }
      r = sys_tgkill(getpid(), thread_tid(pd), SIGCANCEL);
      if (r < 0)
        result = -r;
      break;
    }
    /* A process with one thread may cancel itself: its cancellation points must check from now on. */
    __libc_multiple_threads = 1;
    if (atomic_compare_exchange(&pd->cancelhandling, &oldval, newval))
      break;
  }
  return result;
}

int pthread_setcancelstate(int state, int *oldstate)
{
  struct pthread *self;
  int oldval;
  int newval;

  if (state < PTHREAD_CANCEL_ENABLE || state > PTHREAD_CANCEL_DISABLE)
    return EINVAL;
  self = thread_self();
  oldval = self->cancelhandling;
  for (;;) {
    newval = state == PTHREAD_CANCEL_DISABLE ? oldval | CANCELSTATE_BITMASK : oldval & ~CANCELSTATE_BITMASK;
    if (oldstate != NULL)
      *oldstate = oldval & CANCELSTATE_BITMASK ? PTHREAD_CANCEL_DISABLE : PTHREAD_CANCEL_ENABLE;
    if (oldval == newval)
      break;
    if (atomic_compare_exchange(&self->cancelhandling, &oldval, newval)) {
      /* Enabled, asynchronous, with a cancel pending: it acts now. (glibc 2.36 leaves the result as
         it was here; it sets PTHREAD_CANCELED on the other ways in.) */
      if (cancel_enabled_and_canceled_and_async(newval))
        __do_cancel();
      break;
    }
  }
  return 0;
}

int pthread_setcanceltype(int type, int *oldtype)
{
  struct pthread *self;
  int oldval;
  int newval;

  if (type < PTHREAD_CANCEL_DEFERRED || type > PTHREAD_CANCEL_ASYNCHRONOUS)
    return EINVAL;
  self = thread_self();
  oldval = self->cancelhandling;
  for (;;) {
    newval = type == PTHREAD_CANCEL_ASYNCHRONOUS ? oldval | CANCELTYPE_BITMASK : oldval & ~CANCELTYPE_BITMASK;
    if (oldtype != NULL)
      *oldtype = oldval & CANCELTYPE_BITMASK ? PTHREAD_CANCEL_ASYNCHRONOUS : PTHREAD_CANCEL_DEFERRED;
    if (oldval == newval)
      break;
    if (atomic_compare_exchange(&self->cancelhandling, &oldval, newval)) {
      if (cancel_enabled_and_canceled_and_async(newval)) {
        self->result = PTHREAD_CANCELED;
        __do_cancel();
      }
      break;
    }
  }
  return 0;
}

void pthread_testcancel(void)
{
  struct pthread *self = thread_self();

  if (cancel_enabled_and_canceled(self->cancelhandling)) {
    self->result = PTHREAD_CANCELED;
    __do_cancel();
  }
}

/* The cancellation points' wrappers (SYSCALL_CANCEL in lib/syscalls.c) call these around a call that
   may block: the thread's cancellation is asynchronous meanwhile, so a cancel that comes while it
   sleeps sends SIGCANCEL, which interrupts the call and ends the thread. A cancel pending already
   acts on the way in. Returns the old cancelhandling for __pthread_disable_asynccancel. */
int __pthread_enable_asynccancel(void)
{
  struct pthread *self = thread_self();
  int oldval = self->cancelhandling;
  int newval;

  for (;;) {
    newval = oldval | CANCELTYPE_BITMASK;
    if (newval == oldval)
      break;
    if (atomic_compare_exchange(&self->cancelhandling, &oldval, newval)) {
      if (cancel_enabled_and_canceled_and_async(newval)) {
        self->result = PTHREAD_CANCELED;
        __do_cancel();
      }
      break;
    }
  }
  return oldval;
}

void __pthread_disable_asynccancel(int oldtype)
{
  struct pthread *self;
  int oldval;
  int newval;

  /* It was asynchronous before the call: nothing to undo. */
  if (oldtype & CANCELTYPE_BITMASK)
    return;
  self = thread_self();
  oldval = self->cancelhandling;
  do
    newval = oldval & ~CANCELTYPE_BITMASK;
  while (!atomic_compare_exchange(&self->cancelhandling, &oldval, newval));
  /* pthread_cancel marked the cancel as on its way (CANCELING) and its SIGCANCEL has not arrived: the
     thread must not go on as if the call had finished. It sleeps until the signal comes. */
  while ((newval & (CANCELING_BITMASK | CANCELED_BITMASK)) == CANCELING_BITMASK) {
    futex_wait(&self->cancelhandling, newval, LLL_PRIVATE);
    newval = self->cancelhandling;
  }
}

/* glibc's __futex_abstimed_wait_cancelable64 with no time limit, on CLOCK_REALTIME, on a futex other
   processes could share: pthread_join's sleep, a cancellation point. */
static void futex_abstimed_wait_cancelable_shared(int *word, int val)
{
  int oldtype = __pthread_enable_asynccancel();
  sys_futex((unsigned int *)word, FUTEX_WAIT_BITSET | FUTEX_CLOCK_REALTIME, val, NULL, NULL, FUTEX_BITSET_MATCH_ANY);
  __pthread_disable_asynccancel(oldtype);
}

/* glibc's internal_signal_block_all and internal_signal_restore_set: the whole mask, SIGKILL and
   SIGSTOP included (the kernel leaves those two unblocked whatever it is asked). */
static void internal_signal_block_all(sigset_t *oset)
{
  sigset_t sigall_set;

  sigall_set.__val[0] = ~0UL;
  sys_rt_sigprocmask(SIG_BLOCK, &sigall_set, oset, __NSIG_BYTES);
}

static void internal_signal_restore_set(const sigset_t *set)
{
  sys_rt_sigprocmask(SIG_SETMASK, set, NULL, __NSIG_BYTES);
}

/* glibc's __nptl_setxid_sighandler, SIGSETXID's handler: a thread that calls setuid and the like asks
   every other thread to make the same call through it, since each task has credentials of its own.
   Forkscope's C library has no set*id calls, so there is never such a request to carry out: the
   handler does nothing, and a SIGSETXID sent some other way (kill) does nothing, as in glibc, rather
   than end the process. */
static void __nptl_setxid_sighandler(int sig, siginfo_t *si, void *ctx)
{
}

/* glibc's late_init, at the first pthread_create: SIGSETXID's handler, and both of glibc's own signals
   unblocked, in case the parent process left them blocked. SIGCANCEL's handler waits for the first
   pthread_cancel. */
static void late_init(void)
{
  struct sigaction sa;

  sigemptyset(&sa.sa_mask);
  sa.sa_sigaction = __nptl_setxid_sighandler;
  sa.sa_flags = SA_ONSTACK | SA_SIGINFO | SA_RESTART;
  __libc_sigaction(SIGSETXID, &sa, NULL);
  /* sigaddset refuses glibc's own signals: the bits are set directly, as glibc's __sigaddset does. */
  sa.sa_mask.__val[0] |= 1UL << (SIGCANCEL - 1);
  sa.sa_mask.__val[0] |= 1UL << (SIGSETXID - 1);
  sys_rt_sigprocmask(SIG_UNBLOCK, &sa.sa_mask, NULL, __NSIG_BYTES);
}

/* glibc's list_add and list_del (include/list.h). */
static void list_add(list_t *newp, list_t *head)
{
  newp->next = head->next;
  newp->prev = head;
  head->next->prev = newp;
  head->next = newp;
}

static void list_del(list_t *elem)
{
  elem->next->prev = elem->prev;
  elem->prev->next = elem->next;
}

#define list_entry(ptr) ((struct pthread *)((char *)(ptr) - offsetof(struct pthread, list)))

/* glibc's FREE_P: the kernel has cleared the thread's tid (it has ended; pthread_join sets -1), so
   nothing runs on the stack any more. */
static int FREE_P(struct pthread *pd)
{
  return pd->tid <= 0;
}

/* glibc's __nptl_free_stacks: unmaps free stacks, the oldest first, until the cache holds at most
   `limit` bytes. */
static void __nptl_free_stacks(size_t limit)
{
  list_t *entry;
  list_t *prev;
  struct pthread *curr;

  for (entry = stack_cache.prev; entry != &stack_cache; entry = prev) {
    prev = entry->prev;
    curr = list_entry(entry);
    if (FREE_P(curr)) {
      list_del(entry);
      stack_cache_actsize -= curr->stackblock_size;
      munmap(curr->stackblock, curr->stackblock_size);
      if (stack_cache_actsize <= limit)
        break;
    }
  }
}

/* glibc's queue_stack and __nptl_deallocate_stack: the stack goes to the cache, which gives back the
   oldest stacks beyond its limit. */
static void __nptl_deallocate_stack(struct pthread *pd)
{
  lll_lock(&stack_cache_lock, LLL_PRIVATE);
  list_add(&pd->list, &stack_cache);
  stack_cache_actsize += pd->stackblock_size;
  if (stack_cache_actsize > STACK_CACHE_MAXSIZE)
    __nptl_free_stacks(STACK_CACHE_MAXSIZE);
  lll_unlock(&stack_cache_lock, LLL_PRIVATE);
}

/* glibc's __nptl_free_tcb: once only, whoever gets there first (the joiner, the detached thread
   itself, or pthread_detach after its end). */
static void __nptl_free_tcb(struct pthread *pd)
{
  int old;

  do
    old = pd->cancelhandling;
  while (__libc_atomic_cmpxchg(&pd->cancelhandling, old, old | TERMINATED_BITMASK) != old);
  if (!(old & TERMINATED_BITMASK))
    __nptl_deallocate_stack(pd);
}

/* glibc's get_cached_stack: the smallest free stack of at least *sizep bytes (and not four times as
   large), its descriptor back to a new thread's state; NULL when there is none. */
static struct pthread *get_cached_stack(size_t *sizep, void **memp)
{
  size_t size = *sizep;
  struct pthread *result = NULL;
  struct pthread *curr;
  list_t *entry;
  void *stackblock;
  size_t stackblock_size;
  size_t guardsize;

  lll_lock(&stack_cache_lock, LLL_PRIVATE);
  for (entry = stack_cache.next; entry != &stack_cache; entry = entry->next) {
    curr = list_entry(entry);
    if (FREE_P(curr) && curr->stackblock_size >= size) {
      if (curr->stackblock_size == size) {
        result = curr;
        break;
      }
      if (result == NULL || result->stackblock_size > curr->stackblock_size)
        result = curr;
    }
  }
  if (result == NULL || result->stackblock_size > 4 * size) {
    lll_unlock(&stack_cache_lock, LLL_PRIVATE);
    return NULL;
  }
  list_del(&result->list);
  stack_cache_actsize -= result->stackblock_size;
  lll_unlock(&stack_cache_lock, LLL_PRIVATE);

  *sizep = result->stackblock_size;
  *memp = result->stackblock;
  /* Everything but the stack is a new thread's: cancellation back to the default, no keys, no
     handlers (glibc resets field by field what a fresh mapping has as zeros). */
  stackblock = result->stackblock;
  stackblock_size = result->stackblock_size;
  guardsize = result->guardsize;
  memset(result, 0, sizeof(struct pthread));
  result->stackblock = stackblock;
  result->stackblock_size = stackblock_size;
  result->guardsize = guardsize;
  return result;
}

/* glibc's allocate_stack for a stack the library maps itself: the default size plus a guard page, from
   the cache or a new mapping, PROT_NONE at first so that no memory is committed for the guard, then
   readable and writable above the guard. The descriptor goes at the top; the stack the thread gets
   (*stack, *stacksize) runs from the mapping's start up to the descriptor: Forkscope has no static
   TLS blocks to put between them (its __thread variables are ordinary statics). Returns 0 or an
   errno. */
static int allocate_stack(struct pthread **pdp, void **stack, size_t *stacksize)
{
  const size_t pagesize_m1 = 4096 - 1;
  size_t size = ARCH_STACK_DEFAULT_SIZE & ~(size_t)(TLS_STATIC_ALIGN - 1);
  size_t guardsize = (ARCH_GUARD_DEFAULT_SIZE + pagesize_m1) & ~pagesize_m1;
  struct pthread *pd;
  void *mem;

  size += guardsize;
  pd = get_cached_stack(&size, &mem);
  if (pd == NULL) {
    mem = mmap(NULL, size, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK, -1, 0);
    if (mem == MAP_FAILED)
      return errno;
    pd = (struct pthread *)(((unsigned long)mem + size - sizeof(struct pthread)) & ~(unsigned long)(TLS_STATIC_ALIGN - 1));
    /* The guard is at the stack's low end, which it grows towards (guard_position, setup_stack_prot). */
    if (mprotect((char *)mem + guardsize, size - guardsize, PROT_READ | PROT_WRITE) != 0) {
      munmap(mem, size);
      return errno;
    }
    pd->stackblock = mem;
    pd->stackblock_size = size;
    pd->guardsize = guardsize;
  }
  /* The robust mutex list: empty. */
  pd->robust_head.list = &pd->robust_head;
  *pdp = pd;
  *stack = pd->stackblock;
  *stacksize = (char *)pd - (char *)pd->stackblock;
  return 0;
}

/* glibc's advise_stack_range: the thread ends, and the pages of its stack below what it is still
   using (with PTHREAD_STACK_MIN to spare) go back to the kernel, so that a cached stack costs no
   memory. The guard page is in the range too: advice on it is harmless. */
static void advise_stack_range(void *mem)
{
  char frame; /* where the stack is now: glibc's CURRENT_STACK_FRAME */
  unsigned long sp = (unsigned long)&frame;
  size_t freesize = (sp - (unsigned long)mem) & ~(size_t)(4096 - 1);

  if (freesize > PTHREAD_STACK_MIN)
    madvise(mem, freesize - PTHREAD_STACK_MIN, MADV_DONTNEED);
}

/* The end of glibc's start_thread, which a thread reaches by returning from its function, by
   pthread_exit or by a cancel (glibc's unwinding brings the last two back into start_thread): its
   keys' destructors; "if this was the last thread, exit(0)", which flushes stdio as the process ends.
   Otherwise every signal but SIGSETXID is blocked (none must come to a thread on its way out), its
   stack's pages are given back, a detached thread frees its own descriptor, and the thread exits.
   The main thread, which has no start_thread (its pthread_exit ends in __libc_start_call_main), only
   exits. */
static void thread_finished(void)
{
  struct pthread *pd = thread_self();

  __nptl_deallocate_tsd();
  if (__libc_atomic_fetch_add(&nthreads, -1) == 1)
    exit(0);
  if (pd != &main_thread) {
    pd->sigmask.__val[0] = ~0UL & ~(1UL << (SIGSETXID - 1));
    sys_rt_sigprocmask(SIG_BLOCK, &pd->sigmask, NULL, __NSIG_BYTES);
    advise_stack_range(pd->stackblock);
    if (pd->detached)
      __nptl_free_tcb(pd);
  }
  for (;;)
    sys_exit(0);
}

/* glibc's start_thread: the new thread registers its rseq area and its robust list, takes the signal
   mask its creator had (it was created with every signal blocked), and runs its function. */
static int start_thread(void *arg)
{
  struct pthread *pd = arg;

  rseq_register_current_thread(pd);
  sys_set_robust_list(&pd->robust_head, sizeof(struct robust_list_head));
  internal_signal_restore_set(&pd->sigmask);
  pd->result = pd->start_routine(pd->arg);
  atomic_bit_set(&pd->cancelhandling, EXITING_BITMASK);
  thread_finished();
}

/* glibc's create_thread: the thread starts in start_thread on its stack, its TLS base the descriptor;
   the kernel writes its TID into pd->tid before it can run, and clears it when it ends. */
static int create_thread(struct pthread *pd, void *stackaddr, size_t stacksize)
{
  struct clone_args args;

  memset(&args, 0, sizeof(args));
  args.flags = CLONE_THREAD_FLAGS;
  args.pidfd = (unsigned long)&pd->tid;
  args.parent_tid = (unsigned long)&pd->tid;
  args.child_tid = (unsigned long)&pd->tid;
  args.stack = (unsigned long)stackaddr;
  args.stack_size = stacksize;
  args.tls = (unsigned long)pd;
  if (__clone_internal(&args, start_thread, pd) == -1)
    return errno;
  return 0;
}

int pthread_create(pthread_t *thread, const pthread_attr_t *attr, void *(*start_routine)(void *), void *arg)
{
  struct pthread *pd;
  void *stackaddr;
  size_t stacksize;
  sigset_t original_sigmask;
  int retval;

  if (__libc_single_threaded_internal) {
    late_init();
    __libc_single_threaded_internal = 0;
  }
  retval = allocate_stack(&pd, &stackaddr, &stacksize);
  if (retval)
    return retval == ENOMEM ? EAGAIN : retval;
  pd->start_routine = start_routine;
  pd->arg = arg;
  pd->detached = attr && attr->__data.__detachstate == PTHREAD_CREATE_DETACHED;
  *thread = (pthread_t)pd;
  /* At least the second thread: cancellation points check from now on (lib/syscalls.c). */
  __libc_multiple_threads = 1;
  __libc_atomic_fetch_add(&nthreads, 1);
  /* Every signal blocked, so that the new thread starts with none delivered before it has set itself
     up; it then takes this thread's mask, less SIGCANCEL. */
  internal_signal_block_all(&original_sigmask);
  pd->sigmask = original_sigmask;
  pd->sigmask.__val[0] &= ~(1UL << (SIGCANCEL - 1));
  retval = create_thread(pd, stackaddr, stacksize);
  internal_signal_restore_set(&original_sigmask);
  if (retval) {
    __libc_atomic_fetch_add(&nthreads, -1);
    __nptl_deallocate_stack(pd);
    return retval == ENOMEM ? EAGAIN : retval;
  }
  return 0;
}

int pthread_join(pthread_t thread, void **retval)
{
  struct pthread *pd = (struct pthread *)thread;
  int tid;

  /* Joined already (glibc's INVALID_NOT_TERMINATED_TD_P). */
  if (pd->tid < 0)
    return ESRCH;
  if (pd == thread_self())
    return EDEADLK;
  if (pd->detached)
    return EINVAL;
  /* A cancellation point while it waits. The kernel's wake at the thread's end (CLONE_CHILD_CLEARTID)
     is not a private one: the wait is shared (glibc's LLL_SHARED), with no time limit on
     pthread_join's clock, CLOCK_REALTIME. */
  while ((tid = pd->tid) != 0)
    futex_abstimed_wait_cancelable_shared(&pd->tid, tid);
  if (retval)
    *retval = pd->result;
  if (pd != &main_thread) {
    /* Terminated and joined: the stack goes to the cache. */
    pd->tid = -1;
    __nptl_free_tcb(pd);
  }
  return 0;
}

/* As in glibc, the thread ends as a canceled one does: its cleanup handlers run, then its keys'
   destructors. */
void pthread_exit(void *retval)
{
  thread_self()->result = retval;
  __do_cancel();
}

pthread_t pthread_self(void)
{
  return (pthread_t)thread_self();
}

/* The thread's CPU clock, named by its TID (MAKE_THREAD_CPUCLOCK (tid, CPUCLOCK_SCHED)). */
int pthread_getcpuclockid(pthread_t threadid, clockid_t *clockid)
{
  struct pthread *pd = (struct pthread *)threadid;
  if (pd->tid <= 0) /* INVALID_TD_P */
    return ESRCH;
  *clockid = (int)(~(unsigned int)pd->tid << 3) | 6;
  return 0;
}

int pthread_equal(pthread_t t1, pthread_t t2)
{
  return t1 == t2;
}

/* A signal for one thread of this process (tgkill). The main thread's TID is the process's PID. */
int pthread_kill(pthread_t thread, int sig)
{
  pid_t tid = thread_tid((struct pthread *)thread);
  long r;

  if (sig == SIGCANCEL || sig == 33)
    return EINVAL; /* glibc's own SIGCANCEL and SIGSETXID */
  if (tid <= 0)
    return ESRCH; /* the thread has ended (tid 0), or been joined (-1) */
  r = sys_tgkill(getpid(), tid, sig);
  return r < 0 ? -r : 0;
}

int pthread_detach(pthread_t thread)
{
  struct pthread *pd = (struct pthread *)thread;
  if (pd->detached)
    return EINVAL;
  pd->detached = 1;
  /* A thread that has ended already will not free its descriptor: this frees it. */
  if (pd != &main_thread && (pd->cancelhandling & EXITING_BITMASK) != 0)
    __nptl_free_tcb(pd);
  return 0;
}

int pthread_attr_init(pthread_attr_t *attr)
{
  memset(attr, 0, sizeof(pthread_attr_t));
  return 0;
}

int pthread_attr_destroy(pthread_attr_t *attr)
{
  return 0;
}

int pthread_attr_setdetachstate(pthread_attr_t *attr, int detachstate)
{
  if (detachstate != PTHREAD_CREATE_JOINABLE && detachstate != PTHREAD_CREATE_DETACHED)
    return EINVAL;
  attr->__data.__detachstate = detachstate;
  return 0;
}

int pthread_attr_getdetachstate(const pthread_attr_t *attr, int *detachstate)
{
  *detachstate = attr->__data.__detachstate;
  return 0;
}

/* Mutexes, as glibc's pthread_mutex_lock.c and pthread_mutex_unlock.c: the lock itself is the
   low-level lock in __lock; the kind adds its checks around it. A recursive mutex counts how many times
   its owner has locked it (__count); an error-checking one refuses to be locked again by its owner
   (EDEADLK) or unlocked by another thread (EPERM). __nusers counts the threads holding it, which is
   what pthread_mutex_destroy checks. */
struct pthread_mutexattr {
  int mutexkind; /* the type, and the flags above it */
};

/* The attribute's flag bits (pthreadP.h): process-shared is the one Forkscope's library has. */
#define PTHREAD_MUTEXATTR_FLAG_PSHARED 0x80000000
#define PTHREAD_MUTEXATTR_FLAG_BITS 0xf0000000
/* In the mutex's kind, above the type: other processes may map the mutex. */
#define PTHREAD_MUTEX_PSHARED_BIT 128

#define PTHREAD_MUTEX_TYPE(m) ((m)->__data.__kind & 127)
/* The futex flag for the mutex's lock word. */
#define PTHREAD_MUTEX_PSHARED(m) (((m)->__data.__kind & PTHREAD_MUTEX_PSHARED_BIT) ? LLL_SHARED : LLL_PRIVATE)

int pthread_mutex_init(pthread_mutex_t *mutex, const pthread_mutexattr_t *attr)
{
  const struct pthread_mutexattr *imutexattr = (const struct pthread_mutexattr *)attr;

  memset(mutex, 0, sizeof(pthread_mutex_t));
  if (imutexattr) {
    mutex->__data.__kind = imutexattr->mutexkind & ~PTHREAD_MUTEXATTR_FLAG_BITS;
    if (imutexattr->mutexkind & PTHREAD_MUTEXATTR_FLAG_PSHARED)
      mutex->__data.__kind |= PTHREAD_MUTEX_PSHARED_BIT;
  }
  return 0;
}

int pthread_mutex_destroy(pthread_mutex_t *mutex)
{
  if (mutex->__data.__nusers != 0)
    return EBUSY;
  /* Any use from now on fails with EINVAL, until pthread_mutex_init. */
  mutex->__data.__kind = -1;
  return 0;
}

/* incr: whether this counts as a new user. pthread_cond_wait takes the mutex back without
   (glibc's __pthread_mutex_cond_lock): its waiters never stopped being users. */
static int mutex_lock(pthread_mutex_t *mutex, int incr)
{
  pid_t id;

  switch (PTHREAD_MUTEX_TYPE(mutex)) {
  case PTHREAD_MUTEX_TIMED_NP:
  case PTHREAD_MUTEX_ADAPTIVE_NP: /* glibc's adaptive mutex spins a while before it sleeps */
    lll_lock(&mutex->__data.__lock, PTHREAD_MUTEX_PSHARED(mutex));
    break;
  case PTHREAD_MUTEX_RECURSIVE_NP:
    id = THREAD_SELF_TID();
    if (mutex->__data.__owner == id) {
      /* We hold it already: just count. */
      if (mutex->__data.__count + 1 == 0)
        return EAGAIN;
      ++mutex->__data.__count;
      return 0;
    }
    lll_lock(&mutex->__data.__lock, PTHREAD_MUTEX_PSHARED(mutex));
    mutex->__data.__count = 1;
    break;
  case PTHREAD_MUTEX_ERRORCHECK_NP:
    if (mutex->__data.__owner == THREAD_SELF_TID())
      return EDEADLK;
    lll_lock(&mutex->__data.__lock, PTHREAD_MUTEX_PSHARED(mutex));
    break;
  default:
    return EINVAL; /* destroyed, or never initialized */
  }
  mutex->__data.__owner = THREAD_SELF_TID();
  if (incr)
    ++mutex->__data.__nusers;
  return 0;
}

int pthread_mutex_lock(pthread_mutex_t *mutex)
{
  return mutex_lock(mutex, 1);
}

/* An error-checking mutex held by the caller is EBUSY here, not EDEADLK, as in glibc. */
int pthread_mutex_trylock(pthread_mutex_t *mutex)
{
  pid_t id = THREAD_SELF_TID();

  switch (PTHREAD_MUTEX_TYPE(mutex)) {
  case PTHREAD_MUTEX_RECURSIVE_NP:
    if (mutex->__data.__owner == id) {
      if (mutex->__data.__count + 1 == 0)
        return EAGAIN;
      ++mutex->__data.__count;
      return 0;
    }
    if (lll_trylock(&mutex->__data.__lock))
      return EBUSY;
    mutex->__data.__count = 1;
    break;
  case PTHREAD_MUTEX_TIMED_NP:
  case PTHREAD_MUTEX_ADAPTIVE_NP:
  case PTHREAD_MUTEX_ERRORCHECK_NP:
    if (lll_trylock(&mutex->__data.__lock))
      return EBUSY;
    break;
  default:
    return EINVAL;
  }
  mutex->__data.__owner = id;
  ++mutex->__data.__nusers;
  return 0;
}

/* glibc's __pthread_mutex_unlock_usercnt; decr: whether a user leaves (not so in pthread_cond_wait). */
static int mutex_unlock(pthread_mutex_t *mutex, int decr)
{
  switch (PTHREAD_MUTEX_TYPE(mutex)) {
  case PTHREAD_MUTEX_TIMED_NP:
  case PTHREAD_MUTEX_ADAPTIVE_NP:
    break;
  case PTHREAD_MUTEX_RECURSIVE_NP:
    if (mutex->__data.__owner != THREAD_SELF_TID())
      return EPERM;
    if (--mutex->__data.__count != 0)
      return 0; /* still held */
    break;
  case PTHREAD_MUTEX_ERRORCHECK_NP:
    if (mutex->__data.__owner != THREAD_SELF_TID() || mutex->__data.__lock == 0)
      return EPERM;
    break;
  default:
    return EINVAL;
  }
  mutex->__data.__owner = 0;
  if (decr)
    --mutex->__data.__nusers;
  lll_unlock(&mutex->__data.__lock, PTHREAD_MUTEX_PSHARED(mutex));
  return 0;
}

int pthread_mutex_unlock(pthread_mutex_t *mutex)
{
  return mutex_unlock(mutex, 1);
}

int pthread_mutexattr_init(pthread_mutexattr_t *attr)
{
  memset(attr, 0, sizeof(pthread_mutexattr_t));
  return 0;
}

int pthread_mutexattr_destroy(pthread_mutexattr_t *attr)
{
  return 0;
}

int pthread_mutexattr_settype(pthread_mutexattr_t *attr, int type)
{
  struct pthread_mutexattr *iattr = (struct pthread_mutexattr *)attr;

  if (type < PTHREAD_MUTEX_NORMAL || type > PTHREAD_MUTEX_ADAPTIVE_NP)
    return EINVAL;
  iattr->mutexkind = (iattr->mutexkind & PTHREAD_MUTEXATTR_FLAG_BITS) | type;
  return 0;
}

int pthread_mutexattr_gettype(const pthread_mutexattr_t *attr, int *type)
{
  *type = ((const struct pthread_mutexattr *)attr)->mutexkind & ~PTHREAD_MUTEXATTR_FLAG_BITS;
  return 0;
}

int pthread_mutexattr_setpshared(pthread_mutexattr_t *attr, int pshared)
{
  struct pthread_mutexattr *iattr = (struct pthread_mutexattr *)attr;

  if (pshared != PTHREAD_PROCESS_PRIVATE && pshared != PTHREAD_PROCESS_SHARED)
    return EINVAL;
  if (pshared == PTHREAD_PROCESS_PRIVATE)
    iattr->mutexkind &= ~PTHREAD_MUTEXATTR_FLAG_PSHARED;
  else
    iattr->mutexkind |= PTHREAD_MUTEXATTR_FLAG_PSHARED;
  return 0;
}

int pthread_mutexattr_getpshared(const pthread_mutexattr_t *attr, int *pshared)
{
  int kind = ((const struct pthread_mutexattr *)attr)->mutexkind;
  *pshared = kind & PTHREAD_MUTEXATTR_FLAG_PSHARED ? PTHREAD_PROCESS_SHARED : PTHREAD_PROCESS_PRIVATE;
  return 0;
}

/* A waiter sleeps on the sequence number it saw before releasing the mutex: a signal after that
   changes the number, so the futex either sees the change or is woken by it. No wakeup is lost.
   __flags holds what glibc keeps in __wrefs' low bits: process-shared, and the clock of timed waits. */
#define __PTHREAD_COND_SHARED_MASK 1
#define __PTHREAD_COND_CLOCK_MONOTONIC_MASK 2
#define COND_PSHARED(c) ((c)->__data.__flags & __PTHREAD_COND_SHARED_MASK ? LLL_SHARED : LLL_PRIVATE)

/* A condition variable attribute: bit 0 process-shared, bit 1 the clock of timed waits
   (CLOCK_REALTIME 0, CLOCK_MONOTONIC 1). */
struct pthread_condattr {
  int value;
};

int pthread_cond_init(pthread_cond_t *cond, const pthread_condattr_t *attr)
{
  const struct pthread_condattr *icond_attr = (const struct pthread_condattr *)attr;

  memset(cond, 0, sizeof(pthread_cond_t));
  if (icond_attr) {
    if (icond_attr->value & 1)
      cond->__data.__flags |= __PTHREAD_COND_SHARED_MASK;
    if (((icond_attr->value >> 1) & 1) != CLOCK_REALTIME)
      cond->__data.__flags |= __PTHREAD_COND_CLOCK_MONOTONIC_MASK;
  }
  return 0;
}

int pthread_condattr_init(pthread_condattr_t *attr)
{
  ((struct pthread_condattr *)attr)->value = 0;
  return 0;
}

int pthread_condattr_destroy(pthread_condattr_t *attr)
{
  return 0;
}

int pthread_condattr_setpshared(pthread_condattr_t *attr, int pshared)
{
  int *valuep = &((struct pthread_condattr *)attr)->value;

  if (pshared != PTHREAD_PROCESS_PRIVATE && pshared != PTHREAD_PROCESS_SHARED)
    return EINVAL;
  *valuep = (*valuep & ~1) | (pshared != PTHREAD_PROCESS_PRIVATE);
  return 0;
}

int pthread_condattr_getpshared(const pthread_condattr_t *attr, int *pshared)
{
  *pshared = ((const struct pthread_condattr *)attr)->value & 1 ? PTHREAD_PROCESS_SHARED : PTHREAD_PROCESS_PRIVATE;
  return 0;
}

/* Only the two clocks a futex can wait on. */
int pthread_condattr_setclock(pthread_condattr_t *attr, clockid_t clock_id)
{
  int *valuep = &((struct pthread_condattr *)attr)->value;

  if (clock_id != CLOCK_MONOTONIC && clock_id != CLOCK_REALTIME)
    return EINVAL;
  *valuep = (*valuep & ~2) | (clock_id << 1);
  return 0;
}

int pthread_condattr_getclock(const pthread_condattr_t *attr, clockid_t *clock_id)
{
  *clock_id = (((const struct pthread_condattr *)attr)->value >> 1) & 1;
  return 0;
}

int pthread_cond_destroy(pthread_cond_t *cond)
{
  return cond->__data.__waiters ? EBUSY : 0;
}

/* glibc's __pthread_cond_wait_common: abstime NULL waits for a signal, else until then (CLOCK_REALTIME).
   The mutex goes back to its holder whatever happens, and its count of users never drops: a waiter is
   still one. Waking with the time past is ETIMEDOUT; a signal (EINTR) or a number that had changed
   already (EAGAIN) is a wakeup like any other. The wait is a cancellation point. */
struct _condvar_cleanup_buffer {
  pthread_cond_t *cond;
  pthread_mutex_t *mutex;
};

/* glibc's __condvar_cleanup_waiting, for a waiter canceled in its sleep: it stops being a waiter, passes
   on a wakeup it may have taken from a pthread_cond_signal (to another waiter, for which it is a
   spurious one at worst), and takes the mutex back, which POSIX wants held when the thread's own
   cleanup handlers run. */
static void __condvar_cleanup_waiting(void *arg)
{
  struct _condvar_cleanup_buffer *cbuffer = arg;

  __libc_atomic_fetch_add((int *)&cbuffer->cond->__data.__waiters, -1);
  futex_wake((int *)&cbuffer->cond->__data.__seq, 1, COND_PSHARED(cbuffer->cond));
  mutex_lock(cbuffer->mutex, 0);
}

static int cond_wait_common(pthread_cond_t *cond, pthread_mutex_t *mutex, clockid_t clockid, const struct timespec *abstime)
{
  int seq = cond->__data.__seq;
  int err;
  int oldtype;
  struct _condvar_cleanup_buffer cbuffer;

  __libc_atomic_fetch_add((int *)&cond->__data.__waiters, 1);
  err = mutex_unlock(mutex, 0);
  if (err) {
    /* Not the holder of an error-checking or recursive mutex: EPERM, and no wait. */
    __libc_atomic_fetch_add((int *)&cond->__data.__waiters, -1);
    return err;
  }
  cbuffer.cond = cond;
  cbuffer.mutex = mutex;
  pthread_cleanup_push(__condvar_cleanup_waiting, &cbuffer);
  oldtype = __pthread_enable_asynccancel();
  if (abstime)
    err = futex_abstimed_wait((int *)&cond->__data.__seq, seq, clockid, abstime, COND_PSHARED(cond));
  else
    futex_wait((int *)&cond->__data.__seq, seq, COND_PSHARED(cond));
  __pthread_disable_asynccancel(oldtype);
  pthread_cleanup_pop(0);
  mutex_lock(mutex, 0);
  __libc_atomic_fetch_add((int *)&cond->__data.__waiters, -1);
  return err == ETIMEDOUT ? ETIMEDOUT : 0;
}

int pthread_cond_wait(pthread_cond_t *cond, pthread_mutex_t *mutex)
{
  return cond_wait_common(cond, mutex, CLOCK_REALTIME, NULL);
}

/* The time is checked before anything happens: a bad one leaves the mutex held. */
int pthread_cond_timedwait(pthread_cond_t *cond, pthread_mutex_t *mutex, const struct timespec *abstime)
{
  if (abstime->tv_nsec < 0 || abstime->tv_nsec >= 1000000000)
    return EINVAL;
  return cond_wait_common(cond, mutex, cond->__data.__flags & __PTHREAD_COND_CLOCK_MONOTONIC_MASK ? CLOCK_MONOTONIC : CLOCK_REALTIME,
                          abstime);
}

/* pthread_cond_timedwait on a clock the caller names, whatever the condition variable's. */
int pthread_cond_clockwait(pthread_cond_t *cond, pthread_mutex_t *mutex, clockid_t clockid, const struct timespec *abstime)
{
  if (clockid != CLOCK_MONOTONIC && clockid != CLOCK_REALTIME)
    return EINVAL;
  if (abstime->tv_nsec < 0 || abstime->tv_nsec >= 1000000000)
    return EINVAL;
  return cond_wait_common(cond, mutex, clockid, abstime);
}

int pthread_cond_signal(pthread_cond_t *cond)
{
  if (cond->__data.__waiters == 0)
    return 0;
  __libc_atomic_fetch_add((int *)&cond->__data.__seq, 1);
  futex_wake((int *)&cond->__data.__seq, 1, COND_PSHARED(cond));
  return 0;
}

int pthread_cond_broadcast(pthread_cond_t *cond)
{
  if (cond->__data.__waiters == 0)
    return 0;
  __libc_atomic_fetch_add((int *)&cond->__data.__seq, 1);
  futex_wake((int *)&cond->__data.__seq, INT_MAX, COND_PSHARED(cond));
  return 0;
}

/* Read-write locks, as glibc 2.24 wrote them (pthread_rwlock_rdlock.c and its neighbours; 2.25 replaced
   them with a lock-free algorithm that behaves the same way for a program). The fields are guarded by
   the internal lock __lock; a thread that has to wait queues itself, drops the internal lock and
   sleeps on __readers_wakeup or __writer_wakeup, which the last unlock bumps before waking it.
   Readers are preferred by default: a reader gets in while readers hold the lock, even with a writer
   queued, so a steady stream of readers can starve writers. */
#define PTHREAD_RWLOCK_PREFER_READER_P(rwlock) ((rwlock)->__data.__flags == 0)

struct pthread_rwlockattr {
  int lockkind;
};

int pthread_rwlock_init(pthread_rwlock_t *rwlock, const pthread_rwlockattr_t *attr)
{
  memset(rwlock, 0, sizeof(pthread_rwlock_t));
  if (attr)
    rwlock->__data.__flags =
        ((const struct pthread_rwlockattr *)attr)->lockkind == PTHREAD_RWLOCK_PREFER_WRITER_NONRECURSIVE_NP;
  return 0;
}

int pthread_rwlock_destroy(pthread_rwlock_t *rwlock)
{
  return 0;
}

/* With the rwlock's internal lock held: a reader gets the lock if there is no writer, and either no
   writer waits or readers are preferred. Returns -1 when it may not (yet), else 0, or EAGAIN for too
   many readers. Sets *wake when the queued readers may come in too: the last unlock woke a writer,
   not them, and this reader got in before it. */
static int rwlock_enter_reader(pthread_rwlock_t *rwlock, int *wake)
{
  if (rwlock->__data.__writer != 0
      || (rwlock->__data.__nr_writers_queued != 0 && !PTHREAD_RWLOCK_PREFER_READER_P(rwlock)))
    return -1;
  if (++rwlock->__data.__nr_readers == 0) {
    --rwlock->__data.__nr_readers;
    return EAGAIN;
  }
  if (rwlock->__data.__nr_readers == 1 && rwlock->__data.__nr_readers_queued > 0
      && rwlock->__data.__nr_writers_queued > 0) {
    ++rwlock->__data.__readers_wakeup;
    *wake = 1;
  }
  return 0;
}

/* With the internal lock held, for a caller that cannot have the rwlock yet: EDEADLK if it holds it
   as the writer (waiting would never end), EAGAIN if too many wait, else 0 once it has slept in the
   `queued` count until `wakeup` changed; the internal lock is held again. */
static int rwlock_wait(pthread_rwlock_t *rwlock, unsigned int *queued, unsigned int *wakeup)
{
  unsigned int waitval;

  if (rwlock->__data.__writer == THREAD_SELF_TID())
    return EDEADLK;
  if (++*queued == 0) {
    --*queued;
    return EAGAIN;
  }
  waitval = *wakeup;
  lll_unlock(&rwlock->__data.__lock, LLL_PRIVATE);
  futex_wait((int *)wakeup, waitval, LLL_PRIVATE);
  lll_lock(&rwlock->__data.__lock, LLL_PRIVATE);
  --*queued;
  return 0;
}

int pthread_rwlock_rdlock(pthread_rwlock_t *rwlock)
{
  int result = 0;
  int wake = 0;

  lll_lock(&rwlock->__data.__lock, LLL_PRIVATE);
  for (;;) {
    int entered = rwlock_enter_reader(rwlock, &wake);
    if (entered >= 0) {
      result = entered;
      break;
    }
    result = rwlock_wait(rwlock, &rwlock->__data.__nr_readers_queued, &rwlock->__data.__readers_wakeup);
    if (result)
      break;
  }
  lll_unlock(&rwlock->__data.__lock, LLL_PRIVATE);
  if (wake)
    futex_wake((int *)&rwlock->__data.__readers_wakeup, INT_MAX, LLL_PRIVATE);
  return result;
}

int pthread_rwlock_tryrdlock(pthread_rwlock_t *rwlock)
{
  int result;
  int wake = 0;

  lll_lock(&rwlock->__data.__lock, LLL_PRIVATE);
  result = rwlock_enter_reader(rwlock, &wake);
  if (result < 0)
    result = EBUSY;
  lll_unlock(&rwlock->__data.__lock, LLL_PRIVATE);
  if (wake)
    futex_wake((int *)&rwlock->__data.__readers_wakeup, INT_MAX, LLL_PRIVATE);
  return result;
}

int pthread_rwlock_wrlock(pthread_rwlock_t *rwlock)
{
  int result = 0;

  lll_lock(&rwlock->__data.__lock, LLL_PRIVATE);
  for (;;) {
    /* Get the lock if nobody holds it. */
    if (rwlock->__data.__writer == 0 && rwlock->__data.__nr_readers == 0) {
      rwlock->__data.__writer = THREAD_SELF_TID();
      break;
    }
    result = rwlock_wait(rwlock, &rwlock->__data.__nr_writers_queued, &rwlock->__data.__writer_wakeup);
    if (result)
      break;
  }
  lll_unlock(&rwlock->__data.__lock, LLL_PRIVATE);
  return result;
}

int pthread_rwlock_trywrlock(pthread_rwlock_t *rwlock)
{
  int result = EBUSY;

  lll_lock(&rwlock->__data.__lock, LLL_PRIVATE);
  if (rwlock->__data.__writer == 0 && rwlock->__data.__nr_readers == 0) {
    rwlock->__data.__writer = THREAD_SELF_TID();
    result = 0;
  }
  lll_unlock(&rwlock->__data.__lock, LLL_PRIVATE);
  return result;
}

/* The last one out wakes one queued writer if there is one, else every queued reader. */
int pthread_rwlock_unlock(pthread_rwlock_t *rwlock)
{
  lll_lock(&rwlock->__data.__lock, LLL_PRIVATE);
  if (rwlock->__data.__writer)
    rwlock->__data.__writer = 0;
  else
    --rwlock->__data.__nr_readers;
  if (rwlock->__data.__nr_readers == 0) {
    if (rwlock->__data.__nr_writers_queued) {
      ++rwlock->__data.__writer_wakeup;
      lll_unlock(&rwlock->__data.__lock, LLL_PRIVATE);
      futex_wake((int *)&rwlock->__data.__writer_wakeup, 1, LLL_PRIVATE);
      return 0;
    }
    if (rwlock->__data.__nr_readers_queued) {
      ++rwlock->__data.__readers_wakeup;
      lll_unlock(&rwlock->__data.__lock, LLL_PRIVATE);
      futex_wake((int *)&rwlock->__data.__readers_wakeup, INT_MAX, LLL_PRIVATE);
      return 0;
    }
  }
  lll_unlock(&rwlock->__data.__lock, LLL_PRIVATE);
  return 0;
}

int pthread_rwlockattr_init(pthread_rwlockattr_t *attr)
{
  memset(attr, 0, sizeof(pthread_rwlockattr_t));
  ((struct pthread_rwlockattr *)attr)->lockkind = PTHREAD_RWLOCK_DEFAULT_NP;
  return 0;
}

int pthread_rwlockattr_destroy(pthread_rwlockattr_t *attr)
{
  return 0;
}

int pthread_rwlockattr_setkind_np(pthread_rwlockattr_t *attr, int pref)
{
  if (pref != PTHREAD_RWLOCK_PREFER_READER_NP && pref != PTHREAD_RWLOCK_PREFER_WRITER_NP
      && pref != PTHREAD_RWLOCK_PREFER_WRITER_NONRECURSIVE_NP)
    return EINVAL;
  ((struct pthread_rwlockattr *)attr)->lockkind = pref;
  return 0;
}

int pthread_rwlockattr_getkind_np(const pthread_rwlockattr_t *attr, int *pref)
{
  *pref = ((const struct pthread_rwlockattr *)attr)->lockkind;
  return 0;
}

/* Barriers, as glibc 2.24 wrote them (pthread_barrier_wait.c). `left` counts the threads still to
   arrive in this round; they sleep on curr_event, which the last to arrive bumps before waking them
   all. That thread alone gets PTHREAD_BARRIER_SERIAL_THREAD. It leaves the internal lock held, so that
   no thread starts the next round before every thread of this one has left: the last to leave, which
   brings `left` back to init_count, unlocks it. */
struct pthread_barrier {
  unsigned int curr_event;
  int lock;
  unsigned int left;
  unsigned int init_count;
  int private;
};

struct pthread_barrierattr {
  int pshared;
};

int pthread_barrier_init(pthread_barrier_t *barrier, const pthread_barrierattr_t *attr, unsigned int count)
{
  struct pthread_barrier *ibarrier = (struct pthread_barrier *)barrier;

  if (count == 0)
    return EINVAL;
  if (attr && ((const struct pthread_barrierattr *)attr)->pshared != PTHREAD_PROCESS_PRIVATE
      && ((const struct pthread_barrierattr *)attr)->pshared != PTHREAD_PROCESS_SHARED)
    return EINVAL;
  ibarrier->curr_event = 0;
  ibarrier->lock = 0;
  ibarrier->left = count;
  ibarrier->init_count = count;
  ibarrier->private = 1;
  return 0;
}

/* EBUSY while threads wait in it (glibc 2.25 and later wait for them instead). */
int pthread_barrier_destroy(pthread_barrier_t *barrier)
{
  struct pthread_barrier *ibarrier = (struct pthread_barrier *)barrier;
  int result = EBUSY;

  lll_lock(&ibarrier->lock, LLL_PRIVATE);
  if (ibarrier->left == ibarrier->init_count) {
    ibarrier->curr_event = ~0;
    result = 0;
  }
  lll_unlock(&ibarrier->lock, LLL_PRIVATE);
  return result;
}

int pthread_barrier_wait(pthread_barrier_t *barrier)
{
  struct pthread_barrier *ibarrier = (struct pthread_barrier *)barrier;
  int result = 0;
  unsigned int event;
  unsigned int init_count;

  lll_lock(&ibarrier->lock, LLL_PRIVATE);
  if (--ibarrier->left == 0) {
    /* The last to arrive: a new event, and everybody may go. */
    ++ibarrier->curr_event;
    futex_wake((int *)&ibarrier->curr_event, INT_MAX, LLL_PRIVATE);
    result = PTHREAD_BARRIER_SERIAL_THREAD;
  } else {
    event = ibarrier->curr_event;
    lll_unlock(&ibarrier->lock, LLL_PRIVATE);
    do
      futex_wait((int *)&ibarrier->curr_event, event, LLL_PRIVATE);
    while (event == ibarrier->curr_event);
  }
  init_count = ibarrier->init_count;
  if ((unsigned int)__libc_atomic_fetch_add((int *)&ibarrier->left, 1) + 1 == init_count)
    lll_unlock(&ibarrier->lock, LLL_PRIVATE);
  return result;
}

int pthread_barrierattr_init(pthread_barrierattr_t *attr)
{
  ((struct pthread_barrierattr *)attr)->pshared = PTHREAD_PROCESS_PRIVATE;
  return 0;
}

int pthread_barrierattr_destroy(pthread_barrierattr_t *attr)
{
  return 0;
}

/* Spin locks (glibc's generic pthread_spin_lock.c): the word is 0 when free, 1 when held. A thread
   that finds it held does not sleep: it reads the word until it looks free, then tries again. It
   burns its time slice meanwhile, so a spin lock suits only very short critical sections. */
int pthread_spin_init(pthread_spinlock_t *lock, int pshared)
{
  *lock = 0;
  return 0;
}

int pthread_spin_destroy(pthread_spinlock_t *lock)
{
  return 0;
}

int pthread_spin_lock(pthread_spinlock_t *lock)
{
  if (__libc_atomic_xchg((int *)lock, 1) == 0)
    return 0;
  do {
    /* Only read while it is held: another atomic write would fight the holder's cache line. */
    while (*lock != 0)
      ;
  } while (__libc_atomic_cmpxchg((int *)lock, 0, 1) != 0);
  return 0;
}

int pthread_spin_trylock(pthread_spinlock_t *lock)
{
  return __libc_atomic_xchg((int *)lock, 1) == 0 ? 0 : EBUSY;
}

int pthread_spin_unlock(pthread_spinlock_t *lock)
{
  *lock = 0;
  return 0;
}

/* pthread_once (glibc's pthread_once.c): the control word goes from 0 to __PTHREAD_ONCE_INPROGRESS
   while one thread runs the routine, then to __PTHREAD_ONCE_DONE; threads that arrive meanwhile sleep
   on it. (glibc also keeps a fork generation in the word, so that a child forked while the routine
   ran in another thread runs it again; pthread_atfork's machinery is not here.) */
#define __PTHREAD_ONCE_INPROGRESS 1
#define __PTHREAD_ONCE_DONE 2

int pthread_once(pthread_once_t *once_control, void (*init_routine)(void))
{
  int val;

  for (;;) {
    val = *once_control;
    if (val & __PTHREAD_ONCE_DONE)
      return 0;
    if (val == 0 && __libc_atomic_cmpxchg(once_control, 0, __PTHREAD_ONCE_INPROGRESS) != 0)
      continue; /* another thread was faster: look again */
    if (val & __PTHREAD_ONCE_INPROGRESS) {
      futex_wait(once_control, val, LLL_PRIVATE);
      continue;
    }
    break;
  }
  init_routine();
  *once_control = __PTHREAD_ONCE_DONE;
  futex_wake(once_control, INT_MAX, LLL_PRIVATE);
  return 0;
}

int pthread_key_create(pthread_key_t *key, void (*destructor)(void *))
{
  unsigned int cnt;
  unsigned int seq;

  for (cnt = 0; cnt < PTHREAD_KEYS_MAX; ++cnt) {
    seq = __pthread_keys[cnt].seq;
    if (KEY_UNUSED(seq) && KEY_USABLE(seq)
        && (unsigned int)__libc_atomic_cmpxchg((int *)&__pthread_keys[cnt].seq, seq, seq + 1) == seq) {
      __pthread_keys[cnt].destr = destructor;
      *key = cnt;
      return 0;
    }
  }
  return EAGAIN;
}

/* The threads' values stay where they are: the new sequence number makes them stale. */
int pthread_key_delete(pthread_key_t key)
{
  unsigned int seq;

  if (key >= PTHREAD_KEYS_MAX)
    return EINVAL;
  seq = __pthread_keys[key].seq;
  if (KEY_UNUSED(seq) || (unsigned int)__libc_atomic_cmpxchg((int *)&__pthread_keys[key].seq, seq, seq + 1) != seq)
    return EINVAL;
  return 0;
}

void *pthread_getspecific(pthread_key_t key)
{
  struct pthread *self = thread_self();
  struct pthread_key_data *data;
  void *result;

  if (key < PTHREAD_KEY_2NDLEVEL_SIZE) {
    data = &self->specific_1stblock[key];
  } else {
    if (key >= PTHREAD_KEYS_MAX || self->specific[key / PTHREAD_KEY_2NDLEVEL_SIZE] == NULL)
      return NULL;
    data = &self->specific[key / PTHREAD_KEY_2NDLEVEL_SIZE][key % PTHREAD_KEY_2NDLEVEL_SIZE];
  }
  result = data->data;
  if (result != NULL && data->seq != __pthread_keys[key].seq)
    result = data->data = NULL; /* the key was deleted since */
  return result;
}

int pthread_setspecific(pthread_key_t key, const void *value)
{
  struct pthread *self = thread_self();
  struct pthread_key_data *level2;
  unsigned int seq;

  if (key >= PTHREAD_KEYS_MAX || KEY_UNUSED(seq = __pthread_keys[key].seq))
    return EINVAL;
  if (key < PTHREAD_KEY_2NDLEVEL_SIZE) {
    level2 = &self->specific_1stblock[key];
  } else {
    level2 = self->specific[key / PTHREAD_KEY_2NDLEVEL_SIZE];
    if (level2 == NULL) {
      if (value == NULL)
        return 0; /* it reads as NULL already: no need for the block */
      level2 = calloc(PTHREAD_KEY_2NDLEVEL_SIZE, sizeof(struct pthread_key_data));
      if (level2 == NULL)
        return ENOMEM;
      self->specific[key / PTHREAD_KEY_2NDLEVEL_SIZE] = level2;
    }
    level2 = &level2[key % PTHREAD_KEY_2NDLEVEL_SIZE];
  }
  if (value != NULL)
    self->specific_used = 1;
  level2->seq = seq;
  level2->data = (void *)value;
  return 0;
}

/* glibc 2.34 deprecated it for sched_yield, which is all it does. */
int pthread_yield(void)
{
  return sched_yield();
}
