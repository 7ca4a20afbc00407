/* POSIX threads over clone and futex, as glibc's NPTL builds them. A thread is a task created with
   clone(CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD | ...): same memory, same
   process (getpid), its own TID (gettid). Its descriptor sits at the top of its stack; its TLS base
   points at it, which is how pthread_self() and errno find it. Joining sleeps on the descriptor's tid
   word, which the kernel clears at the thread's end with a futex wake (CLONE_CHILD_CLEARTID). */
#include <pthread.h>
#include <sched.h>
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define FUTEX_WAIT 0
#define FUTEX_WAKE 1
#define FUTEX_PRIVATE_FLAG 128
#define ARCH_GET_FS 0x1003
#define INT_MAX 2147483647

/* glibc's flag set: "no signal is sent" when a thread ends (termination signal 0). */
#define CLONE_THREAD_FLAGS (CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SYSVSEM | CLONE_SIGHAND | CLONE_THREAD \
                            | CLONE_SETTLS | CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID)
/* Each thread's stack, its descriptor at the top. */
#define THREAD_STACK_SIZE (64 * 1024)

long sys_futex(unsigned int *uaddr, int op, unsigned int val, const struct timespec *timeout, unsigned int *uaddr2, unsigned int val3);
long sys_exit(int error_code);
long sys_gettid(void);
long sys_arch_prctl(int option, unsigned long arg2);

/* Atomic instructions (libc/atomic.ts). */
int __libc_atomic_cmpxchg(int *ptr, int oldval, int newval);
int __libc_atomic_xchg(int *ptr, int value);
int __libc_atomic_fetch_add(int *ptr, int value);

struct pthread {
  int errno_value;   /* this thread's errno */
  pid_t tid;         /* set by the kernel at clone (CLONE_PARENT_SETTID), cleared at the thread's end */
  void *(*start_routine)(void *);
  void *arg;
  void *result;      /* start_routine's return value, or pthread_exit's argument */
  int detached;
  char *block;       /* the allocation holding the stack and this descriptor */
  struct pthread *next_detached;
};

/* Where a thread's errno is in its descriptor: the simulator's builtins read this to find errno. */
const unsigned long __libc_errno_tls_offset = offsetof(struct pthread, errno_value);

/* The main thread has no TLS base set: it uses the global errno and this descriptor. */
static struct pthread main_thread;
/* Threads still running, the main one included: the last to end exits the process. */
static int nthreads = 1;
/* Detached threads whose memory is freed once they have ended (the next pthread_create checks). */
static struct pthread *detached_list;
static pthread_mutex_t detached_lock = PTHREAD_MUTEX_INITIALIZER;

static struct pthread *thread_self(void)
{
  unsigned long tp = 0;
  sys_arch_prctl(ARCH_GET_FS, (unsigned long)&tp);
  return tp ? (struct pthread *)tp : &main_thread;
}

static void futex_wait(int *word, int val)
{
  sys_futex((unsigned int *)word, FUTEX_WAIT | FUTEX_PRIVATE_FLAG, val, 0, 0, 0);
}

static void futex_wake(int *word, int nr)
{
  sys_futex((unsigned int *)word, FUTEX_WAKE | FUTEX_PRIVATE_FLAG, nr, 0, 0, 0);
}

/* glibc's start_thread: "if this was the last thread, exit(0)" flushes stdio as the process ends. */
static void thread_finished(void)
{
  if (__libc_atomic_fetch_add(&nthreads, -1) == 1)
    exit(0);
}

static int start_thread(void *arg)
{
  struct pthread *pd = arg;
  pd->result = pd->start_routine(pd->arg);
  thread_finished();
  return 0;
}

/* Frees the memory of detached threads that have ended: a thread cannot free the stack it runs on. */
static void free_ended_detached(void)
{
  struct pthread **pp;
  pthread_mutex_lock(&detached_lock);
  pp = &detached_list;
  while (*pp) {
    struct pthread *pd = *pp;
    if (pd->tid == 0) {
      *pp = pd->next_detached;
      free(pd->block);
    } else {
      pp = &pd->next_detached;
    }
  }
  pthread_mutex_unlock(&detached_lock);
}

static void add_detached(struct pthread *pd)
{
  pthread_mutex_lock(&detached_lock);
  pd->next_detached = detached_list;
  detached_list = pd;
  pthread_mutex_unlock(&detached_lock);
}

int pthread_create(pthread_t *thread, const pthread_attr_t *attr, void *(*start_routine)(void *), void *arg)
{
  char *block;
  struct pthread *pd;
  int tid;

  free_ended_detached();
  block = malloc(THREAD_STACK_SIZE);
  if (!block)
    return EAGAIN;
  pd = (struct pthread *)(block + THREAD_STACK_SIZE - sizeof(struct pthread));
  memset(pd, 0, sizeof(struct pthread));
  pd->start_routine = start_routine;
  pd->arg = arg;
  pd->block = block;
  pd->detached = attr && attr->__data.__detachstate == PTHREAD_CREATE_DETACHED;
  if (pd->detached)
    add_detached(pd);
  __libc_atomic_fetch_add(&nthreads, 1);
  /* The stack starts just below the descriptor; the kernel writes the TID into pd->tid before the
     thread can run, and clears it when the thread ends. */
  tid = clone(start_thread, pd, CLONE_THREAD_FLAGS, pd, &pd->tid, pd, &pd->tid);
  if (tid < 0) {
    __libc_atomic_fetch_add(&nthreads, -1);
    if (!pd->detached)
      free(block);
    return EAGAIN;
  }
  *thread = (pthread_t)pd;
  return 0;
}

int pthread_join(pthread_t thread, void **retval)
{
  struct pthread *pd = (struct pthread *)thread;
  int tid;

  if (pd == thread_self())
    return EDEADLK;
  if (pd->detached)
    return EINVAL;
  while ((tid = pd->tid) != 0)
    futex_wait(&pd->tid, tid);
  if (retval)
    *retval = pd->result;
  if (pd != &main_thread)
    free(pd->block);
  return 0;
}

void pthread_exit(void *retval)
{
  thread_self()->result = retval;
  thread_finished();
  sys_exit(0);
  for (;;)
    ;
}

pthread_t pthread_self(void)
{
  return (pthread_t)thread_self();
}

int pthread_equal(pthread_t t1, pthread_t t2)
{
  return t1 == t2;
}

long sys_tgkill(pid_t tgid, pid_t tid, int sig);

/* A signal for one thread of this process (tgkill). The main thread's TID is the process's PID. */
int pthread_kill(pthread_t thread, int sig)
{
  struct pthread *pd = (struct pthread *)thread;
  pid_t tid = pd == &main_thread ? getpid() : pd->tid;
  long r;

  if (sig == 32 || sig == 33)
    return EINVAL; /* glibc's own SIGCANCEL and SIGSETXID */
  if (tid == 0)
    return ESRCH; /* the thread has ended */
  r = sys_tgkill(getpid(), tid, sig);
  return r < 0 ? -r : 0;
}

int pthread_detach(pthread_t thread)
{
  struct pthread *pd = (struct pthread *)thread;
  if (pd->detached)
    return EINVAL;
  pd->detached = 1;
  if (pd != &main_thread)
    add_detached(pd);
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

/* The mutex is Drepper's "Futexes Are Tricky" mutex 2: taking a free lock, or releasing one nobody
   waits for, needs no system call. */
int pthread_mutex_init(pthread_mutex_t *mutex, const pthread_mutexattr_t *attr)
{
  memset(mutex, 0, sizeof(pthread_mutex_t));
  return 0;
}

int pthread_mutex_destroy(pthread_mutex_t *mutex)
{
  return mutex->__data.__lock ? EBUSY : 0;
}

int pthread_mutex_lock(pthread_mutex_t *mutex)
{
  int c = __libc_atomic_cmpxchg(&mutex->__data.__lock, 0, 1);
  if (c != 0) {
    /* Contended: mark it "locked, with sleepers" and sleep until the holder's unlock wakes us. */
    if (c != 2)
      c = __libc_atomic_xchg(&mutex->__data.__lock, 2);
    while (c != 0) {
      futex_wait(&mutex->__data.__lock, 2);
      c = __libc_atomic_xchg(&mutex->__data.__lock, 2);
    }
  }
  mutex->__data.__owner = sys_gettid();
  return 0;
}

int pthread_mutex_trylock(pthread_mutex_t *mutex)
{
  if (__libc_atomic_cmpxchg(&mutex->__data.__lock, 0, 1) != 0)
    return EBUSY;
  mutex->__data.__owner = sys_gettid();
  return 0;
}

int pthread_mutex_unlock(pthread_mutex_t *mutex)
{
  mutex->__data.__owner = 0;
  if (__libc_atomic_fetch_add(&mutex->__data.__lock, -1) != 1) {
    /* It was 2: someone may sleep on it. */
    mutex->__data.__lock = 0;
    futex_wake(&mutex->__data.__lock, 1);
  }
  return 0;
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

/* A waiter sleeps on the sequence number it saw before releasing the mutex: a signal after that
   changes the number, so the futex either sees the change or is woken by it. No wakeup is lost. */
int pthread_cond_init(pthread_cond_t *cond, const pthread_condattr_t *attr)
{
  memset(cond, 0, sizeof(pthread_cond_t));
  return 0;
}

int pthread_cond_destroy(pthread_cond_t *cond)
{
  return cond->__data.__waiters ? EBUSY : 0;
}

int pthread_cond_wait(pthread_cond_t *cond, pthread_mutex_t *mutex)
{
  int seq = cond->__data.__seq;
  __libc_atomic_fetch_add((int *)&cond->__data.__waiters, 1);
  pthread_mutex_unlock(mutex);
  futex_wait((int *)&cond->__data.__seq, seq);
  pthread_mutex_lock(mutex);
  __libc_atomic_fetch_add((int *)&cond->__data.__waiters, -1);
  return 0;
}

int pthread_cond_signal(pthread_cond_t *cond)
{
  if (cond->__data.__waiters == 0)
    return 0;
  __libc_atomic_fetch_add((int *)&cond->__data.__seq, 1);
  futex_wake((int *)&cond->__data.__seq, 1);
  return 0;
}

int pthread_cond_broadcast(pthread_cond_t *cond)
{
  if (cond->__data.__waiters == 0)
    return 0;
  __libc_atomic_fetch_add((int *)&cond->__data.__seq, 1);
  futex_wake((int *)&cond->__data.__seq, INT_MAX);
  return 0;
}
