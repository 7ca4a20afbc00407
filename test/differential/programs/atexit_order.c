// exit() runs atexit handlers in reverse order of registration, then flushes stdio; the status given to
// exit() becomes the process's exit status.
#include <stdio.h>
#include <stdlib.h>

static void first(void) { printf("handler registered first runs last\n"); }
static void second(void) { printf("handler registered second\n"); }
static void third(void) { printf("handler registered third runs first\n"); fprintf(stderr, "third on stderr\n"); }

static void leave(int depth) {
    if (depth == 3) {
        printf("calling exit(7) from depth %d\n", depth);
        exit(7);
    }
    leave(depth + 1);
    printf("never printed\n");
}

int main(void) {
    atexit(first);
    atexit(second);
    atexit(third);
    atexit(second);
    printf("main: registered handlers\n");
    leave(0);
    return 0;
}
