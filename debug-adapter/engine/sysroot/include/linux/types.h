#ifndef _LINUX_TYPES_H
#define _LINUX_TYPES_H

#include <stddef.h>

typedef signed char s8;
typedef unsigned char u8;
typedef short s16;
typedef unsigned short u16;
typedef int s32;
typedef unsigned int u32;
typedef long long s64;
typedef unsigned long long u64;

typedef s8 __s8;
typedef u8 __u8;
typedef s16 __s16;
typedef u16 __u16;
typedef s32 __s32;
typedef u32 __u32;
typedef s64 __s64;
typedef u64 __u64;

#ifndef __pid_t_defined
typedef int pid_t;
#define __pid_t_defined
#endif
#ifndef __ssize_t_defined
typedef long ssize_t;
#define __ssize_t_defined
#endif

/* The kernel has its own bool; stdbool.h's macro wins if it came first. */
#ifndef __bool_true_false_are_defined
typedef _Bool bool;
#endif

typedef unsigned int gfp_t;

struct list_head {
  struct list_head *next, *prev;
};

struct hlist_head {
  struct hlist_node *first;
};

struct hlist_node {
  struct hlist_node *next, **pprev;
};

#endif
