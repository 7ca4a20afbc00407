#ifndef _LINUX_MUTEX_H
#define _LINUX_MUTEX_H
/* Sleeping locks (include/linux/mutex.h, kernel/locking/mutex.c). Unlike a spinlock, a task that finds
   the mutex taken sleeps (TASK_UNINTERRUPTIBLE: ps shows D) until the owner unlocks it, so the owner
   may itself sleep while holding it. Only the owner may unlock it, and it must not be taken twice by
   the same task: that task would sleep for good. Linux keeps the owner and its flags in one atomic
   word and the sleepers on a list; Forkscope keeps the owner and a wait queue. */
#include <linux/sched.h>
#include <linux/wait.h>

struct mutex {
  struct task_struct *owner; /* NULL when unlocked */
  struct wait_queue_head wait;
};

#define __MUTEX_INITIALIZER(lockname) { .owner = 0, .wait = __WAIT_QUEUE_HEAD_INITIALIZER(lockname.wait) }
#define DEFINE_MUTEX(mutexname) struct mutex mutexname = __MUTEX_INITIALIZER(mutexname)

void mutex_init(struct mutex *lock);
void mutex_lock(struct mutex *lock);
/* 0 once locked, or -EINTR when a signal came first. */
int mutex_lock_interruptible(struct mutex *lock);
/* 1 when it took the lock, 0 when the lock was taken. */
int mutex_trylock(struct mutex *lock);
void mutex_unlock(struct mutex *lock);
int mutex_is_locked(struct mutex *lock);

#endif
