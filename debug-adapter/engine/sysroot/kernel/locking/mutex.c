/* kernel/locking/mutex.c: the sleeping lock. Taking it is the sleep pattern on the mutex's wait queue
   (wait_event, in TASK_UNINTERRUPTIBLE as Linux's __mutex_lock_common sleeps); unlocking wakes one
   sleeper, which looks at the owner again. The checks are CONFIG_DEBUG_MUTEXES' warnings. */
#include <linux/sched.h>
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/mutex.h>

void mutex_init(struct mutex *lock)
{
  lock->owner = 0;
  init_waitqueue_head(&lock->wait);
}

void mutex_lock(struct mutex *lock)
{
  wait_event(lock->wait, lock->owner == 0);
  lock->owner = current;
}

int mutex_lock_interruptible(struct mutex *lock)
{
  if (wait_event_interruptible(lock->wait, lock->owner == 0))
    return -EINTR;
  lock->owner = current;
  return 0;
}

int mutex_trylock(struct mutex *lock)
{
  if (lock->owner)
    return 0;
  lock->owner = current;
  return 1;
}

void mutex_unlock(struct mutex *lock)
{
  if (lock->owner != current)
    printk(KERN_WARNING "DEBUG_LOCKS_WARN_ON(__owner_task(owner) != current)\n");
  lock->owner = 0;
  wake_up(&lock->wait);
}

int mutex_is_locked(struct mutex *lock)
{
  return lock->owner != 0;
}
