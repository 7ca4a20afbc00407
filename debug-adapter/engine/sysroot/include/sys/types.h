#ifndef _SYS_TYPES_H
#define _SYS_TYPES_H

#include <stddef.h>

/* Each typedef is guarded because several headers declare it, as in glibc. */
#ifndef __ssize_t_defined
typedef long ssize_t;
#define __ssize_t_defined
#endif
#ifndef __off_t_defined
typedef long off_t;
#define __off_t_defined
#endif
#ifndef __pid_t_defined
typedef int pid_t;
#define __pid_t_defined
#endif
#ifndef __uid_t_defined
typedef unsigned int uid_t;
#define __uid_t_defined
#endif
#ifndef __gid_t_defined
typedef unsigned int gid_t;
#define __gid_t_defined
#endif
#ifndef __id_t_defined
typedef unsigned int id_t;
#define __id_t_defined
#endif
#ifndef __mode_t_defined
typedef unsigned int mode_t;
#define __mode_t_defined
#endif
#ifndef __time_t_defined
typedef long time_t;
#define __time_t_defined
#endif
#ifndef __clock_t_defined
typedef long clock_t;
#define __clock_t_defined
#endif
#ifndef __useconds_t_defined
typedef unsigned int useconds_t;
#define __useconds_t_defined
#endif

typedef unsigned long dev_t;
typedef unsigned long ino_t;
typedef unsigned long nlink_t;
typedef long blksize_t;
typedef long blkcnt_t;
typedef int key_t;
typedef long suseconds_t;

#endif
