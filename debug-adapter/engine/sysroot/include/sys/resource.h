#ifndef _SYS_RESOURCE_H
#define _SYS_RESOURCE_H

#include <sys/types.h>
#include <bits/types/struct_rusage.h>

/* Resource limits (glibc's bits/resource.h for Linux): each resource's soft limit, which the kernel
   enforces, and its hard limit, the ceiling to which the soft one may be raised. The numbers
   (RLIMIT_CPU … RLIMIT_RTTIME, RLIM_NLIMITS, RLIM_INFINITY) and struct rlimit and rlimit64 are the
   kernel's, whose layout glibc's have. */
#include <uapi/linux/resource.h>

typedef unsigned long rlim_t;
typedef unsigned long rlim64_t;

#define RLIMIT_OFILE RLIMIT_NOFILE /* BSD's name */
#define RLIMIT_NLIMITS RLIM_NLIMITS
#define RLIM_SAVED_MAX RLIM_INFINITY
#define RLIM_SAVED_CUR RLIM_INFINITY

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
