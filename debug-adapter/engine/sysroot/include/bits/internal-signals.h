#ifndef _BITS_INTERNAL_SIGNALS_H
#define _BITS_INTERNAL_SIGNALS_H
/* The C library's own signals (glibc's internal-signals.h): 32 and 33, below SIGRTMIN, which its
   threads use for cancellation (SIGCANCEL) and set*id calls (SIGSETXID). User sets never hold them,
   and a spawned child ignores them. Only the C library's sources include this. */

#define SIGCANCEL 32
#define SIGSETXID 33
#define __is_internal_signal(sig) ((sig) == SIGCANCEL || (sig) == SIGSETXID)

#endif
