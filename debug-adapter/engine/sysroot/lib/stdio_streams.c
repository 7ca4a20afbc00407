/* The three standard streams, and the list of every open stream (glibc's _IO_list_all), newest
   first: fflush(NULL) and exit() flush along it. Their buffers are malloc'ed on first use (see stdio.c);
   stderr is unbuffered from the start, stdout decides between line and full buffering when it first
   writes. As in glibc, stdin cannot be written and stdout and stderr cannot be read. */
#include <stdio.h>

/* Each knows nothing of its descriptor's offset yet (_offset is _IO_pos_BAD). */
static FILE stdin_file = { _IO_NO_WRITES, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, { 0 }, _IO_pos_BAD };
static FILE stdout_file = { _IO_NO_READS, 1, 0, 0, 0, 0, 0, 0, 0, &stdin_file, 0, { 0 }, _IO_pos_BAD };
static FILE stderr_file = { _IO_NO_READS | _IO_UNBUFFERED, 2, 0, 0, 0, 0, 0, 0, 0, &stdout_file, 0, { 0 }, _IO_pos_BAD };

FILE *stdin = &stdin_file;
FILE *stdout = &stdout_file;
FILE *stderr = &stderr_file;
FILE *_IO_list_all = &stderr_file;
