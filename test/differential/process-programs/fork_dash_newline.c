// for (i < 2) { fork(); printf("-\n"); } prints 8 lines on a pipe (6 only on a tty): a pipe is fully buffered.
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    for (int i = 0; i < 2; i++) {
        fork();
        printf("-\n");
    }
    while (wait(NULL) > 0) {
    }
    return 0;
}
