#ifndef _LINUX_SPINLOCK_H
#define _LINUX_SPINLOCK_H
/* Spinlocks (include/linux/spinlock.h, kernel/locking/spinlock.c). Taking one disables preemption, so
   the holder must not sleep: schedule() with a lock held reports "BUG: scheduling while atomic". The
   lock word is real: on Forkscope's single CPU nobody else can hold a free lock, so spin_lock spins only
   when a holder went to sleep with it (a lockup, as on a real machine), and it reports recursion when
   the holder is the task asking again. */
#include <linux/types.h>
#include <linux/preempt.h>

typedef struct {
  volatile unsigned int locked;
} arch_spinlock_t;

typedef struct spinlock {
  arch_spinlock_t raw_lock;
  struct task_struct *owner; /* CONFIG_DEBUG_SPINLOCK: who holds it */
} spinlock_t;

#define __SPIN_LOCK_UNLOCKED(lockname) { .raw_lock = { 0 }, .owner = 0 }
#define DEFINE_SPINLOCK(x) spinlock_t x = __SPIN_LOCK_UNLOCKED(x)

static inline void spin_lock_init(spinlock_t *lock)
{
  lock->raw_lock.locked = 0;
  lock->owner = 0;
}

void spin_lock(spinlock_t *lock);
void spin_unlock(spinlock_t *lock);
int spin_trylock(spinlock_t *lock);
int spin_is_locked(spinlock_t *lock);

/* Interrupts: the CPU's interrupt flag (X86_EFLAGS_IF), saved into `flags` and cleared, then restored. */
#define X86_EFLAGS_IF 0x00000200UL
unsigned long arch_local_irq_save(void);
void arch_local_irq_restore(unsigned long flags);
int irqs_disabled(void);
#define local_irq_save(flags) do { flags = arch_local_irq_save(); } while (0)
#define local_irq_restore(flags) arch_local_irq_restore(flags)

#define spin_lock_irqsave(lock, flags) do { local_irq_save(flags); spin_lock(lock); } while (0)
#define spin_unlock_irqrestore(lock, flags) do { spin_unlock(lock); local_irq_restore(flags); } while (0)
#define spin_lock_irq(lock) do { arch_local_irq_save(); spin_lock(lock); } while (0)
#define spin_unlock_irq(lock) do { spin_unlock(lock); arch_local_irq_restore(X86_EFLAGS_IF); } while (0)

#endif
