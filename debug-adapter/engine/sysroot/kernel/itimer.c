/* kernel/time/itimer.c: alarm(), the real-time timer of a process. When it expires the timer interrupt
   runs it_real_fn, which sends SIGALRM; the timer itself is host mechanics (itimer_real_start) on the
   virtual clock, so alarm(1) takes no real second. Only one alarm is armed at a time, and a child
   does not inherit its parent's (copy_signal gives it a fresh signal_struct). */
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/time.h>
#include <linux/forkscope.h>

/* The timer interrupt's handler, run on whichever task the CPU was running. */
void it_real_fn(struct task_struct *tsk)
{
  tsk->signal->it_real_expires = 0;
  group_send_sig_info(SIGALRM, SEND_SIG_PRIV, tsk);
}

/* Arms the alarm `seconds` from now (0 disarms it); returns the seconds the old one had left, rounded
   to the nearest and at least 1 if any time was left, as alarm_setitimer does. */
long sys_alarm(unsigned int seconds)
{
  struct signal_struct *sig = current->signal;
  struct task_struct *leader = current->group_leader;
  u64 now = ktime_get_ns();
  u64 left = 0;
  unsigned long old;
  unsigned long rem;

  if (sig->it_real_expires) {
    if (sig->it_real_expires > now)
      left = sig->it_real_expires - now;
    itimer_real_cancel(leader);
    sig->it_real_expires = 0;
  }
  if (seconds) {
    sig->it_real_expires = now + (u64)seconds * NSEC_PER_SEC;
    itimer_real_start(leader, sig->it_real_expires);
  }
  old = left / NSEC_PER_SEC;
  rem = left % NSEC_PER_SEC;
  if ((!old && rem) || rem >= NSEC_PER_SEC / 2)
    old++;
  return old;
}

/* do_exit of the process's last task: its alarm goes with it. */
void exit_itimers(struct task_struct *tsk)
{
  if (tsk->signal->it_real_expires) {
    itimer_real_cancel(tsk->group_leader);
    tsk->signal->it_real_expires = 0;
  }
}
