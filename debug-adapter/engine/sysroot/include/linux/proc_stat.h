#ifndef _LINUX_PROC_STAT_H
#define _LINUX_PROC_STAT_H
/* Forkscope has no procfs. Where ps and pstree would list /proc and read each /proc/PID/stat,
   /proc/PID/task/TID/stat and /proc/PID/cmdline, they make one system call, proc_stat_list, which
   stands in for those reads: it fills one struct proc_stat per task. Each field is named after the
   /proc file and field (proc(5)) it stands for and holds what that field would say. */

#define PROC_CMDLINE_MAX 256

struct proc_stat {
  int pid;             /* stat field 1: the PID, or a thread's TID */
  int tgid;            /* status's Tgid: the process this task is a thread of (pid == tgid: its leader) */
  char comm[16];       /* stat 2, without the parentheses */
  char state;          /* stat 3: R S D T t X Z P I */
  int ppid;            /* stat 4: the real parent's PID (0 for init and kthreadd) */
  int pgrp;            /* stat 5 */
  int session;         /* stat 6 */
  int tty_nr;          /* stat 7: always 0, as Forkscope has no terminal a process could control */
  unsigned int flags;  /* stat 9: PF_* (PF_KTHREAD 0x00200000 marks a kernel thread) */
  unsigned long utime; /* stat 14, clock ticks (USER_HZ 100): the whole process's in its leader's entry
                          (/proc/PID/stat), the thread's own in the others' (/proc/PID/task/TID/stat) */
  unsigned long stime; /* stat 15, likewise */
  long nice;           /* stat 19 */
  long num_threads;    /* stat 20 */
  unsigned long long start_time; /* stat 22: clock ticks after boot */
  char cmdline[PROC_CMDLINE_MAX]; /* cmdline: the arguments, each ending in a NUL, cut to fit; empty for
                                     kernel threads and zombies, which have no memory */
};

#ifndef __KERNEL__
/* Fills at most `max` entries of `buf`, processes in the order of the kernel's task list, each
   followed by its other threads; returns how many tasks there are (more than `max`: some left out),
   or -1 with errno set. */
int proc_stat_list(struct proc_stat *buf, int max);
#endif

#endif
