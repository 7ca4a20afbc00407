#ifndef __rusage_defined
#define __rusage_defined 1
/* What getrusage, wait3 and wait4 report (glibc's bits/types/struct_rusage.h): the kernel copies its
   struct rusage here, so the layout is the kernel's, two timevals and fourteen longs. glibc puts each
   long in a union with a __syscall_slong_t, the same 64 bits on x86-64. */
#include <bits/types/struct_timeval.h>

struct rusage {
  struct timeval ru_utime; /* user time used */
  struct timeval ru_stime; /* system time used */
  union {
    long ru_maxrss; /* the most memory resident at once, in KiB */
    long __ru_maxrss_word;
  };
  union {
    long ru_ixrss; /* integral shared memory size (always 0 on Linux) */
    long __ru_ixrss_word;
  };
  union {
    long ru_idrss; /* integral unshared data size (0) */
    long __ru_idrss_word;
  };
  union {
    long ru_isrss; /* integral unshared stack size (0) */
    long __ru_isrss_word;
  };
  union {
    long ru_minflt; /* page faults served without I/O: a first touch, a copy-on-write */
    long __ru_minflt_word;
  };
  union {
    long ru_majflt; /* page faults that needed I/O */
    long __ru_majflt_word;
  };
  union {
    long ru_nswap; /* swaps (0) */
    long __ru_nswap_word;
  };
  union {
    long ru_inblock; /* block input operations */
    long __ru_inblock_word;
  };
  union {
    long ru_oublock; /* block output operations */
    long __ru_oublock_word;
  };
  union {
    long ru_msgsnd; /* IPC messages sent (0) */
    long __ru_msgsnd_word;
  };
  union {
    long ru_msgrcv; /* IPC messages received (0) */
    long __ru_msgrcv_word;
  };
  union {
    long ru_nsignals; /* signals received (0) */
    long __ru_nsignals_word;
  };
  union {
    long ru_nvcsw; /* voluntary context switches: the process gave up the CPU to wait */
    long __ru_nvcsw_word;
  };
  union {
    long ru_nivcsw; /* involuntary ones: it was preempted */
    long __ru_nivcsw_word;
  };
};
#endif
