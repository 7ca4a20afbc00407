/* State of C library builtins, kept in the process's memory so that fork() copies it. */

/* errno: __errno_location() returns its address and the VM's getErrno/setErrno use it. Programs see it
   through errno.h's macro; this file does not include errno.h, so here it is a plain variable. */
int errno;

/* rand()/random(): glibc's TYPE_3 generator. Words 0-30 are the state, 31 and 32 the front and rear
   indexes, 33 is non-zero once seeded (an unseeded generator starts as srand(1)). */
int __libc_random_state[34];

/* strerror() and strsignal(): glibc returns a known number's message from its constant tables, a
   string of its own for each number, so two calls in one printf give two messages; only an unknown
   number's text ("Unknown error 200") goes to a shared buffer. The builtins fill a message's row the
   first time it is asked for: errnos 0-133, signals 1-31. */
char __libc_errlist[134][64];
char __libc_siglist[32][64];
char __libc_strerror_buf[64];
char __libc_strsignal_buf[64];

/* malloc's state chunk (libc/malloc.ts): its address, 0 until the first allocation sets the heap up
   at the break. glibc's main arena is a static of the library too. */
unsigned long __libc_malloc_arena;
