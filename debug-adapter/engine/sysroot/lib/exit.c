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

void _IO_cleanup(void);

/* Handlers run in reverse order of registration; each is removed before it runs, so a handler that
   calls exit() does not run again. Then every stream is flushed (the moment buffered output appears)
   and gives back the input it read ahead (stdio.c's _IO_cleanup). */
void exit(int status)
{
  while (atexit_count > 0) {
    void (*handler)(void);
    atexit_count--;
    handler = atexit_handlers[atexit_count];
    handler();
  }
  _IO_cleanup();
  _exit(status);
}
