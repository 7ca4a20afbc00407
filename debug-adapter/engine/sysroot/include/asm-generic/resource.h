#ifndef _ASM_GENERIC_RESOURCE_H
#define _ASM_GENERIC_RESOURCE_H
/* init_task's resource limits (include/asm-generic/resource.h), which every process inherits through
   fork. RLIMIT_NPROC and RLIMIT_SIGPENDING start at 0 here: fork_init sets them from the machine's
   memory (kernel/fork.c). */
#include <uapi/linux/resource.h>

#define _STK_LIM     (8 * 1024 * 1024) /* the default stack: 8 MiB */
#define INR_OPEN_CUR 1024              /* descriptors: initial soft limit */
#define INR_OPEN_MAX 4096              /* and hard limit */
#define MLOCK_LIMIT  (8 * 1024 * 1024) /* locked memory: 8 MiB since Linux 5.16 */
#define MQ_BYTES_MAX 819200            /* POSIX message queues' bytes */

#define INIT_RLIMITS                                          \
  {                                                           \
    [RLIMIT_CPU] = { RLIM_INFINITY, RLIM_INFINITY },          \
    [RLIMIT_FSIZE] = { RLIM_INFINITY, RLIM_INFINITY },        \
    [RLIMIT_DATA] = { RLIM_INFINITY, RLIM_INFINITY },         \
    [RLIMIT_STACK] = { _STK_LIM, RLIM_INFINITY },             \
    [RLIMIT_CORE] = { 0, RLIM_INFINITY },                     \
    [RLIMIT_RSS] = { RLIM_INFINITY, RLIM_INFINITY },          \
    [RLIMIT_NPROC] = { 0, 0 },                                \
    [RLIMIT_NOFILE] = { INR_OPEN_CUR, INR_OPEN_MAX },         \
    [RLIMIT_MEMLOCK] = { MLOCK_LIMIT, MLOCK_LIMIT },          \
    [RLIMIT_AS] = { RLIM_INFINITY, RLIM_INFINITY },           \
    [RLIMIT_LOCKS] = { RLIM_INFINITY, RLIM_INFINITY },        \
    [RLIMIT_SIGPENDING] = { 0, 0 },                           \
    [RLIMIT_MSGQUEUE] = { MQ_BYTES_MAX, MQ_BYTES_MAX },       \
    [RLIMIT_NICE] = { 0, 0 },                                 \
    [RLIMIT_RTPRIO] = { 0, 0 },                               \
    [RLIMIT_RTTIME] = { RLIM_INFINITY, RLIM_INFINITY },       \
  }

#endif
