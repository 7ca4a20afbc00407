#ifndef _SYS_RESOURCE_H
#define _SYS_RESOURCE_H

#include <sys/types.h>
#include <bits/types/struct_rusage.h>

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
