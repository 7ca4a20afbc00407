#ifndef _LINUX_SCHED_SIGNAL_H
#define _LINUX_SCHED_SIGNAL_H
/* Since Linux 4.11 the process-list walkers (for_each_process, next_task, for_each_thread) and the
   signal_struct are declared here, so modules written for today's kernels include this header.
   Forkscope keeps them in linux/sched.h, which it brings in. */
#include <linux/sched.h>
#include <linux/signal.h>

#endif
