/* fs/proc/array.c: the state of a task as /proc/PID/stat and ps report it. A task's __state and
   exit_state are folded into one index (__task_state_index), whose letter is ps's STAT
   (task_index_to_char) and whose name is /proc/PID/status's State line (task_state_array). */
#include <linux/sched.h>
#include <linux/sched/task_state.h>

/* One entry per bit of TASK_REPORT, in bit order, then TASK_REPORT_IDLE's. */
const char *const task_state_array[] = {
  /* states in TASK_REPORT: */
  "R (running)",      /* 0x00 */
  "S (sleeping)",     /* 0x01 */
  "D (disk sleep)",   /* 0x02 */
  "T (stopped)",      /* 0x04 */
  "t (tracing stop)", /* 0x08 */
  "X (dead)",         /* 0x10 */
  "Z (zombie)",       /* 0x20 */
  "P (parked)",       /* 0x40 */
  /* states beyond TASK_REPORT: */
  "I (idle)",         /* 0x80 */
};

/* fls(): the position of the most significant set bit, counting from 1; 0 for 0 (include/asm-generic/bitops/fls.h). */
static int fls(unsigned int x)
{
  int r = 0;

  while (x) {
    x >>= 1;
    r++;
  }
  return r;
}

/* A running task whose exit_state is set is a zombie (or dead): exit_state's bits are TASK_REPORT's
   too, so OR-ing them in and keeping the highest bit lets the exit state win. */
unsigned int __task_state_index(unsigned int tsk_state, unsigned int tsk_exit)
{
  unsigned int state = (tsk_state | tsk_exit) & TASK_REPORT;

  if ((tsk_state & TASK_IDLE) == TASK_IDLE)
    state = TASK_REPORT_IDLE;

  return fls(state);
}

unsigned int task_state_index(struct task_struct *tsk)
{
  return __task_state_index(tsk->__state, tsk->exit_state);
}

char task_index_to_char(unsigned int state)
{
  static const char state_char[] = "RSDTtXZPI";

  return state_char[state];
}

char task_state_to_char(struct task_struct *tsk)
{
  return task_index_to_char(task_state_index(tsk));
}

const char *get_task_state(struct task_struct *tsk)
{
  return task_state_array[task_state_index(tsk)];
}
