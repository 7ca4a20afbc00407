/* glibc's abort() (stdlib/abort.c, 2.27 and later): SIGABRT is unblocked and raised, so a handler
   runs first; if the handler returns, abort puts the default action back and raises SIGABRT again,
   and the process dies of it all the same. It flushes no stdio stream (glibc 2.27 stopped that). */
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void abort(void)
{
  sigset_t sigs;
  struct sigaction act;

  sigemptyset(&sigs);
  sigaddset(&sigs, SIGABRT);
  sigprocmask(SIG_UNBLOCK, &sigs, 0);
  raise(SIGABRT);

  /* A handler ran and returned: remove it. */
  memset(&act, 0, sizeof act);
  act.sa_handler = SIG_DFL;
  sigfillset(&act.sa_mask);
  sigaction(SIGABRT, &act, 0);
  sigprocmask(SIG_UNBLOCK, &sigs, 0);
  raise(SIGABRT);

  /* Unreachable: SIGABRT with its default action ends the process. glibc's last resort. */
  _exit(127);
}

/* glibc's __libc_fatal: the C library's last words when it cannot go on (malloc's "free(): double
   free detected in tcache 2"), written straight to stderr's descriptor, past stdio, then abort(). */
void __libc_fatal(const char *message)
{
  write(STDERR_FILENO, message, strlen(message));
  abort();
}
