/* The three standard streams. Their buffers are malloc'ed on first use (see stdio.c); stderr is
   unbuffered from the start, stdout decides between line and full buffering when it first writes. */
#include <stdio.h>

static FILE stdin_file = { 0, 0 };
static FILE stdout_file = { 0, 1 };
static FILE stderr_file = { _IO_UNBUFFERED, 2 };

FILE *stdin = &stdin_file;
FILE *stdout = &stdout_file;
FILE *stderr = &stderr_file;
