#ifndef _SYS_RESOURCE_H
#define _SYS_RESOURCE_H

#include <sys/types.h>
#include <bits/types/struct_rusage.h>

/* Resource limits (glibc's bits/resource.h for Linux): each resource's soft limit, which the kernel
   enforces, and its hard limit, the ceiling to which the soft one may be raised. */
typedef unsigned long rlim_t;
typedef unsigned long rlim64_t;

enum __rlimit_resource {
  RLIMIT_CPU = 0,         /* CPU time in seconds: SIGXCPU at the soft limit, SIGKILL at the hard one */
  RLIMIT_FSIZE = 1,       /* largest file that can be created, in bytes */
  RLIMIT_DATA = 2,        /* data segment and heap, in bytes */
  RLIMIT_STACK = 3,       /* the main thread's stack, in bytes */
  RLIMIT_CORE = 4,        /* largest core file, in bytes */
  RLIMIT_RSS = 5,         /* largest resident set, in bytes (not enforced by Linux) */
  RLIMIT_NPROC = 6,       /* processes (tasks) of the user */
  RLIMIT_NOFILE = 7,      /* open descriptors: one more than the highest descriptor */
  RLIMIT_OFILE = RLIMIT_NOFILE, /* BSD's name */
  RLIMIT_MEMLOCK = 8,     /* locked memory, in bytes */
  RLIMIT_AS = 9,          /* address space, in bytes */
  RLIMIT_LOCKS = 10,      /* file locks */
  RLIMIT_SIGPENDING = 11, /* pending signals */
  RLIMIT_MSGQUEUE = 12,   /* bytes of POSIX message queues */
  RLIMIT_NICE = 13,       /* the highest nice priority allowed: 20 - limit */
  RLIMIT_RTPRIO = 14,     /* the highest real-time priority */
  RLIMIT_RTTIME = 15,     /* CPU time a real-time task may use without sleeping, in microseconds */
  RLIMIT_NLIMITS = 16,
  RLIM_NLIMITS = RLIMIT_NLIMITS
};

#define RLIM_INFINITY ((rlim_t)-1)
#define RLIM64_INFINITY 0xffffffffffffffffUL
#define RLIM_SAVED_MAX RLIM_INFINITY
#define RLIM_SAVED_CUR RLIM_INFINITY

struct rlimit {
  rlim_t rlim_cur; /* the soft limit */
  rlim_t rlim_max; /* the hard limit */
};

struct rlimit64 {
  rlim64_t rlim_cur;
  rlim64_t rlim_max;
};

int getrlimit(int resource, struct rlimit *rlim);
int setrlimit(int resource, const struct rlimit *rlim);
int getrlimit64(int resource, struct rlimit64 *rlim);
int setrlimit64(int resource, const struct rlimit64 *rlim);
#ifdef _GNU_SOURCE
int prlimit(pid_t pid, int resource, const struct rlimit *new_limit, struct rlimit *old_limit);
int prlimit64(pid_t pid, int resource, const struct rlimit64 *new_limit, struct rlimit64 *old_limit);
#endif

#define PRIO_MIN (-20)
#define PRIO_MAX 20
#define PRIO_PROCESS 0
#define PRIO_PGRP 1
#define PRIO_USER 2

int getpriority(int which, id_t who);
int setpriority(int which, id_t who, int prio);

/* Whose resource usage getrusage reports (glibc's enum __rusage_who). */
enum __rusage_who {
  RUSAGE_SELF = 0,      /* the calling process, all its threads */
#define RUSAGE_SELF RUSAGE_SELF
  RUSAGE_CHILDREN = -1, /* its children that have ended and been waited for */
#define RUSAGE_CHILDREN RUSAGE_CHILDREN
#ifdef _GNU_SOURCE
  RUSAGE_THREAD = 1     /* the calling thread alone */
#define RUSAGE_THREAD RUSAGE_THREAD
#endif
};

int getrusage(int who, struct rusage *usage);

#endif
