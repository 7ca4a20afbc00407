// Returning from main is like exit(): buffered output is flushed after write(2)'s output, atexit runs.
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static void bye(void) { printf("bye from atexit\n"); }

int main(void) {
    atexit(bye);
    printf("printf 1\n");
    write(STDOUT_FILENO, "write 1\n", 8);
    printf("printf 2\n");
    fflush(stdout);
    write(STDOUT_FILENO, "write 2 after fflush\n", 21);
    printf("printf 3\n");
    fprintf(stderr, "stderr A\n");
    write(STDERR_FILENO, "stderr B\n", 9);
    return 42;
}
