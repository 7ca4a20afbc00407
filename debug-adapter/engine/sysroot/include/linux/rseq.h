#ifndef _LINUX_RSEQ_H
#define _LINUX_RSEQ_H
/* rseq(2)'s area (include/uapi/linux/rseq.h), in the registering thread's memory. */
#include <linux/types.h>

struct rseq {
  u32 cpu_id_start; /* the CPU the thread runs on, always a valid one */
  u32 cpu_id;       /* the same, or RSEQ_CPU_ID_UNINITIALIZED when not registered */
  u64 rseq_cs;      /* the critical section in progress */
  u32 flags;
  u32 node_id;
  u32 mm_cid;
};
#endif
