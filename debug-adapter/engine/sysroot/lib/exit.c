/* exit() and atexit(): these call back into the program, so they are C rather than builtins. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#define ATEXIT_MAX 32

static void (*atexit_handlers[ATEXIT_MAX])(void);
static int atexit_count;

int atexit(void (*function)(void))
{
  if (atexit_count >= ATEXIT_MAX)
    return -1;
  atexit_handlers[atexit_count] = function;
  atexit_count++;
  return 0;
}

/* Handlers run in reverse order of registration; each is removed before it runs, so a handler that
   calls exit() does not run again. Then every stream is flushed: the moment buffered output appears. */
void exit(int status)
{
  while (atexit_count > 0) {
    void (*handler)(void);
    atexit_count--;
    handler = atexit_handlers[atexit_count];
    handler();
  }
  fflush(NULL);
  _exit(status);
}
