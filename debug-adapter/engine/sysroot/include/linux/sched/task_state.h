#ifndef _LINUX_SCHED_TASK_STATE_H
#define _LINUX_SCHED_TASK_STATE_H
/* The state a task reports to user space (ps's STAT letter, /proc/PID/stat's third field): Linux's
   TASK_REPORT masking and letters (include/linux/sched.h), computed in fs/proc/array.c. */
#include <linux/sched.h>

/* The states user space may see; the others (TASK_WAKEKILL, TASK_NOLOAD, TASK_NEW ...) are folded
   into these. A TASK_IDLE kernel thread (TASK_UNINTERRUPTIBLE | TASK_NOLOAD) is not counted as 'D' in
   the load average, so it gets a letter of its own, one index past the others. */
#define TASK_REPORT (TASK_RUNNING | TASK_INTERRUPTIBLE | TASK_UNINTERRUPTIBLE | __TASK_STOPPED | \
                     __TASK_TRACED | EXIT_DEAD | EXIT_ZOMBIE | TASK_PARKED)
#define TASK_REPORT_IDLE (TASK_REPORT + 1)
#define TASK_REPORT_MAX  (TASK_REPORT_IDLE << 1)

extern const char *const task_state_array[];

unsigned int __task_state_index(unsigned int tsk_state, unsigned int tsk_exit);
unsigned int task_state_index(struct task_struct *tsk);
char task_index_to_char(unsigned int state);
char task_state_to_char(struct task_struct *tsk);
const char *get_task_state(struct task_struct *tsk);

#endif
