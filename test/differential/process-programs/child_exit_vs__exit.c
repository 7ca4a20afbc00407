// A child that calls _exit discards its copy of the stdio buffer; a child that calls exit flushes it (a duplicate).
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    printf("parent: buffered before the forks\n");

    pid_t quiet = fork();
    if (quiet == 0) {
        printf("child 1: this line is lost\n");
        _exit(0);
    }
    waitpid(quiet, NULL, 0);

    pid_t loud = fork();
    if (loud == 0) {
        printf("child 2: exit flushes my copy of the buffer\n");
        exit(0);
    }
    waitpid(loud, NULL, 0);

    printf("parent: both children reaped\n");
    return 0;
}
