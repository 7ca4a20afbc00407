// for (i < 2) { fork(); printf("-"); } prints 8 dashes, not 6: children inherit the dashes still in the buffer.
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    for (int i = 0; i < 2; i++) {
        fork();
        printf("-");
    }
    while (wait(NULL) > 0) {
    }
    return 0;
}
