#ifndef _LINUX_INIT_H
#define _LINUX_INIT_H
/* Section markers: Linux puts __init code in memory freed after boot (or after a module's init) and
   __exit code where built-in drivers drop it. Forkscope keeps every function, so they mark only. */
#define __init
#define __exit
#define __initdata
#define __exitdata

typedef int (*initcall_t)(void);
typedef void (*exitcall_t)(void);

#endif
