/* include/uapi/linux/random.h's flags for getrandom(2), shared by the kernel and <sys/random.h>. */
#ifndef _LINUX_RANDOM_H
#define _LINUX_RANDOM_H

#define GRND_NONBLOCK 0x0001 /* fail with EAGAIN rather than wait for the pool (never needed here) */
#define GRND_RANDOM 0x0002   /* the old blocking pool: the same generator since Linux 5.6 */
#define GRND_INSECURE 0x0004 /* bytes even before the generator is ready */

#endif
