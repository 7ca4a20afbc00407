// for (i < 3) fork(); makes 2^3 = 8 processes, so "hello" prints 8 times; each exit status counts a subtree.
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    pid_t root = getpid();
    for (int i = 0; i < 3; i++) fork();
    // Waiting for every child before printing keeps the byte stream fixed, and lets the root print last.
    int processes = 1;
    int status;
    while (wait(&status) > 0) processes += WEXITSTATUS(status);
    printf("hello\n");
    if (getpid() == root) {
        printf("processes: %d\n", processes);
        return 0;
    }
    return processes;
}
