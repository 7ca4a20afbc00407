#ifndef __VDSO_JIFFIES_H
#define __VDSO_JIFFIES_H
/* The tick, as include/vdso/jiffies.h and asm/param.h have it: HZ ticks a second (CONFIG_HZ_250, the
   default), TICK_NSEC nanoseconds apart. The kernel counts its jiffies in it (linux/jiffies.h) and the
   vDSO's coarse clocks (lib/vdso.c) advance by it. */
#define HZ 250
#define TICK_NSEC ((1000000000L + HZ / 2) / HZ)

#endif
