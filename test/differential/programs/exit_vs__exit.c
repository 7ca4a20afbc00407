// _exit ends the process at once: text still in the stdio buffer is lost (stdout is a pipe here, so it is
// fully buffered), and no atexit handler runs. write(2) bypasses the buffer.
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static void handler(void) { printf("atexit handler\n"); }

int main(void) {
    atexit(handler);
    printf("buffered line 1\n");
    printf("buffered line 2, no newline");
    write(1, "written directly\n", 17);
    fprintf(stderr, "stderr is unbuffered\n");
    _exit(3);
}
