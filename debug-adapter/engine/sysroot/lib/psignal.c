/* psignal (glibc's signal/psignal.c): "s: description\n" on stderr, through stdio (stderr is
   unbuffered, so it is one write(2)). glibc's descriptions (__sigdescr_np) cover signals 1 … 31 only:
   a real-time signal, 0, or a number out of range is "Unknown signal N", unlike strsignal, which
   names real-time signals. */
#include <signal.h>
#include <stdio.h>
#include <string.h>

/* The first signal glibc has no description for: 32, the first of the kernel's real-time signals. */
#define __SIGRTMIN_KERNEL 32

void psignal(int sig, const char *s)
{
  const char *colon;

  if (s == NULL || *s == '\0')
    s = colon = "";
  else
    colon = ": ";
  if (sig >= 1 && sig < __SIGRTMIN_KERNEL)
    fprintf(stderr, "%s%s%s\n", s, colon, strsignal(sig));
  else
    fprintf(stderr, "%s%sUnknown signal %d\n", s, colon, sig);
}
