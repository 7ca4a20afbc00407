#ifndef _SCHED_H
#define _SCHED_H

#include <stddef.h>
#include <sys/types.h>
#include <time.h>

#define SCHED_OTHER 0
#define SCHED_FIFO 1
#define SCHED_RR 2
#define SCHED_BATCH 3
#define SCHED_IDLE 5

#define CSIGNAL 0x000000ff
#define CLONE_VM 0x00000100
#define CLONE_FS 0x00000200
#define CLONE_FILES 0x00000400
#define CLONE_SIGHAND 0x00000800
#define CLONE_PIDFD 0x00001000
#define CLONE_PTRACE 0x00002000
#define CLONE_VFORK 0x00004000
#define CLONE_PARENT 0x00008000
#define CLONE_THREAD 0x00010000
#define CLONE_NEWNS 0x00020000
#define CLONE_SYSVSEM 0x00040000
#define CLONE_SETTLS 0x00080000
#define CLONE_PARENT_SETTID 0x00100000
#define CLONE_CHILD_CLEARTID 0x00200000
#define CLONE_DETACHED 0x00400000
#define CLONE_UNTRACED 0x00800000
#define CLONE_CHILD_SETTID 0x01000000
#define CLONE_NEWCGROUP 0x02000000
#define CLONE_NEWUTS 0x04000000
#define CLONE_NEWIPC 0x08000000
#define CLONE_NEWUSER 0x10000000
#define CLONE_NEWPID 0x20000000
#define CLONE_NEWNET 0x40000000
#define CLONE_IO 0x80000000

struct sched_param {
  int sched_priority;
};

#define SCHED_RESET_ON_FORK 0x40000000

int sched_yield(void);
/* Forkscope has no real-time scheduling class: setting SCHED_FIFO or SCHED_RR (with a valid priority,
   1 … 99) fails with EPERM. SCHED_BATCH and SCHED_IDLE are accepted and reported, but scheduled as
   SCHED_OTHER (CFS weighs tasks by nice level alone). See the kernel's kernel/sched/policy.c. */
int sched_setscheduler(pid_t pid, int policy, const struct sched_param *param);
int sched_getscheduler(pid_t pid);
int sched_setparam(pid_t pid, const struct sched_param *param);
int sched_getparam(pid_t pid, struct sched_param *param);
int sched_get_priority_max(int policy);
int sched_get_priority_min(int policy);
int sched_getcpu(void);

/* CPU sets (glibc's bits/cpu-set.h): 1024 bits, one per CPU, in unsigned longs. The macros take a CPU
   number; one outside the set is ignored (CPU_SET) or reads as absent (CPU_ISSET). */
#define __CPU_SETSIZE 1024
#define __NCPUBITS (8 * sizeof(__cpu_mask))
typedef unsigned long int __cpu_mask;
typedef struct {
  __cpu_mask __bits[__CPU_SETSIZE / __NCPUBITS];
} cpu_set_t;

#define CPU_SETSIZE __CPU_SETSIZE
#define __CPUELT(cpu) ((cpu) / __NCPUBITS)
#define __CPUMASK(cpu) ((__cpu_mask)1 << ((cpu) % __NCPUBITS))

#define CPU_SET_S(cpu, setsize, cpusetp) ({ \
  size_t __cpu = (cpu); \
  __cpu / 8 < (setsize) ? (((__cpu_mask *)((cpusetp)->__bits))[__CPUELT(__cpu)] |= __CPUMASK(__cpu)) : 0; })
#define CPU_CLR_S(cpu, setsize, cpusetp) ({ \
  size_t __cpu = (cpu); \
  __cpu / 8 < (setsize) ? (((__cpu_mask *)((cpusetp)->__bits))[__CPUELT(__cpu)] &= ~__CPUMASK(__cpu)) : 0; })
#define CPU_ISSET_S(cpu, setsize, cpusetp) ({ \
  size_t __cpu = (cpu); \
  __cpu / 8 < (setsize) ? ((((const __cpu_mask *)((cpusetp)->__bits))[__CPUELT(__cpu)] & __CPUMASK(__cpu)) != 0) : 0; })
#define CPU_ZERO_S(setsize, cpusetp) do { \
  size_t __i; \
  size_t __imax = (setsize) / sizeof(__cpu_mask); \
  __cpu_mask *__bits = (cpusetp)->__bits; \
  for (__i = 0; __i < __imax; ++__i) \
    __bits[__i] = 0; \
} while (0)
#define CPU_COUNT_S(setsize, cpusetp) __sched_cpucount((setsize), (cpusetp))

#define CPU_SET(cpu, cpusetp) CPU_SET_S(cpu, sizeof(cpu_set_t), cpusetp)
#define CPU_CLR(cpu, cpusetp) CPU_CLR_S(cpu, sizeof(cpu_set_t), cpusetp)
#define CPU_ISSET(cpu, cpusetp) CPU_ISSET_S(cpu, sizeof(cpu_set_t), cpusetp)
#define CPU_ZERO(cpusetp) CPU_ZERO_S(sizeof(cpu_set_t), cpusetp)
#define CPU_COUNT(cpusetp) CPU_COUNT_S(sizeof(cpu_set_t), cpusetp)

int __sched_cpucount(size_t setsize, const cpu_set_t *setp);
int sched_setaffinity(pid_t pid, size_t cpusetsize, const cpu_set_t *cpuset);
int sched_getaffinity(pid_t pid, size_t cpusetsize, cpu_set_t *cpuset);
int clone(int (*fn)(void *), void *stack, int flags, void *arg, ...);

#endif
