#ifndef _LINUX_RESOURCE_H
#define _LINUX_RESOURCE_H
/* Resource usage (include/uapi/linux/resource.h): what getrusage and wait4 copy to the user's struct
   rusage, in the layout glibc's has too (two timevals and fourteen longs). The C library's
   <sys/resource.h> defines the same struct, so a unit that has both keeps the first (glibc's guard,
   __rusage_defined); the RUSAGE_* values, which it has as an enum, are the kernel sources' own. */
#include <linux/time.h>
#include <linux/forkscope.h>

#ifndef __rusage_defined
#define __rusage_defined 1
struct rusage {
  struct __kernel_old_timeval ru_utime; /* user time used */
  struct __kernel_old_timeval ru_stime; /* system time used */
  long ru_maxrss;   /* maximum resident set size, in KiB */
  long ru_ixrss;    /* integral shared memory size */
  long ru_idrss;    /* integral unshared data size */
  long ru_isrss;    /* integral unshared stack size */
  long ru_minflt;   /* page reclaims (minor faults) */
  long ru_majflt;   /* page faults that read from disk */
  long ru_nswap;    /* swaps */
  long ru_inblock;  /* block input operations */
  long ru_oublock;  /* block output operations */
  long ru_msgsnd;   /* messages sent */
  long ru_msgrcv;   /* messages received */
  long ru_nsignals; /* signals received */
  long ru_nvcsw;    /* voluntary context switches */
  long ru_nivcsw;   /* involuntary " */
};
#endif

/* include/linux/mm.h's: *maxrss raised to the most pages mm has had resident at once. */
static inline void setmax_mm_hiwater_rss(unsigned long *maxrss, struct mm_struct *mm)
{
  unsigned long hiwater_rss = get_mm_hiwater_rss(mm);

  if (*maxrss < hiwater_rss)
    *maxrss = hiwater_rss;
}

#endif
