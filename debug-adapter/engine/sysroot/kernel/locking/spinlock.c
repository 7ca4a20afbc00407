/* kernel/locking/spinlock.c and the debug checks of kernel/locking/spinlock_debug.c. */
#include <linux/sched.h>
#include <linux/kernel.h>
#include <linux/spinlock.h>
#include <linux/forkscope.h>

/* The CPU's interrupt flag. Forkscope's timer interrupt only preempts user mode, so kernel code runs
   uninterrupted either way; the flag is kept for what irqs_disabled() reports. */
static unsigned long cpu_irq_flags = X86_EFLAGS_IF;

unsigned long arch_local_irq_save(void)
{
  unsigned long flags = cpu_irq_flags;
  cpu_irq_flags = 0;
  return flags;
}

void arch_local_irq_restore(unsigned long flags)
{
  cpu_irq_flags = flags;
}

int irqs_disabled(void)
{
  return !(cpu_irq_flags & X86_EFLAGS_IF);
}

static void spin_bug(spinlock_t *lock, const char *msg)
{
  struct task_struct *owner = lock->owner;
  printk(KERN_EMERG "BUG: spinlock %s on CPU#0, %s/%d\n", msg, current->comm, current->pid);
  if (owner)
    printk(KERN_EMERG " lock: %p, .owner: %s/%d, .owner_cpu: 0\n", lock, owner->comm, owner->pid);
}

void spin_lock(spinlock_t *lock)
{
  preempt_disable();
  if (lock->raw_lock.locked && lock->owner == current)
    spin_bug(lock, "recursion");
  /* Only a holder that went to sleep with the lock, or this task itself, makes this spin: the CPU is
     stuck here, as Linux's would be until its soft-lockup watchdog barked. When nothing can ever release
     the lock, the machine says who spins on whose lock, and stops. */
  while (lock->raw_lock.locked)
    spin_lockup_check(lock->owner);
  lock->raw_lock.locked = 1;
  lock->owner = current;
}

int spin_trylock(spinlock_t *lock)
{
  preempt_disable();
  if (lock->raw_lock.locked) {
    preempt_enable();
    return 0;
  }
  lock->raw_lock.locked = 1;
  lock->owner = current;
  return 1;
}

void spin_unlock(spinlock_t *lock)
{
  if (!lock->raw_lock.locked)
    spin_bug(lock, "already unlocked");
  else if (lock->owner != current)
    spin_bug(lock, "wrong owner");
  lock->owner = 0;
  lock->raw_lock.locked = 0;
  preempt_enable();
}

int spin_is_locked(spinlock_t *lock)
{
  return lock->raw_lock.locked;
}
