/*
 * buffering.c - why output sometimes comes out "in the wrong order".
 *
 * printf does not hand its text to the kernel right away: the C library keeps it in a buffer in the
 * process's memory and passes the whole buffer to the kernel later, with one write(2) system call.
 * write(2) itself goes straight to the kernel. When the library flushes depends on where stdout goes:
 *
 *   - a terminal: line buffered, flushed at every '\n'
 *   - a pipe or a file: fully buffered, flushed when the buffer (4096 bytes) is full, on fflush(stdout),
 *     or when the process exits normally
 *
 * Try both:
 *   npx forkscope run sample-programs/buffering.c                 (your terminal: printf comes first)
 *   npx forkscope run sample-programs/buffering.c | cat           (a pipe: write comes first)
 *   npx forkscope run --stdio pipe sample-programs/buffering.c    (the same, without the pipe)
 *
 * This matters once processes fork: text still sitting in the buffer is copied into the child and then
 * printed twice.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>   /* write, STDOUT_FILENO */

int main(void) {
    printf("1. printf: buffered by the C library\n");

    const char *msg = "2. write: straight to the kernel\n";
    write(STDOUT_FILENO, msg, strlen(msg));

    /* Returning from main flushes whatever printf left in the buffer. */
    return 0;
}
