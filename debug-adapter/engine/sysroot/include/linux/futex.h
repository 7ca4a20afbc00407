#ifndef _LINUX_FUTEX_H
#define _LINUX_FUTEX_H
/* Futex operations (include/uapi/linux/futex.h). */
#include <linux/types.h>

#define FUTEX_WAIT 0
#define FUTEX_WAKE 1
#define FUTEX_WAIT_BITSET 9
#define FUTEX_WAKE_BITSET 10
#define FUTEX_PRIVATE_FLAG 128
#define FUTEX_CLOCK_REALTIME 256
#define FUTEX_CMD_MASK (~(FUTEX_PRIVATE_FLAG | FUTEX_CLOCK_REALTIME))
/* The _BITSET operations' mask that meets every other: what plain FUTEX_WAIT and FUTEX_WAKE use. */
#define FUTEX_BITSET_MATCH_ANY 0xffffffff

/* set_robust_list's list head (include/uapi/linux/futex.h): the robust futexes a thread holds, which
   the kernel marks FUTEX_OWNER_DIED if it dies holding them. */
struct robust_list {
  struct robust_list *next;
};
struct robust_list_head {
  struct robust_list list;
  long futex_offset;
  struct robust_list *list_op_pending;
};

struct __kernel_timespec;
void futex_init(void);
long do_futex(u32 *uaddr, int op, u32 val, u64 *timeout, u32 *uaddr2, u32 val2, u32 val3);
#endif
