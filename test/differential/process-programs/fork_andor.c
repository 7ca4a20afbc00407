// fork(); fork() && fork() || fork(); fork(); makes 20 processes: && and || short-circuit differently in each one.
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    pid_t root = getpid();
    fork();
    fork() && fork() || fork();
    fork();
    // Each process waits for its children and exits with the size of its subtree, so the root can count.
    int processes = 1;
    int status;
    while (wait(&status) > 0) processes += WEXITSTATUS(status);
    printf("forked\n");
    if (getpid() == root) {
        printf("processes: %d\n", processes);
        return 0;
    }
    return processes;
}
