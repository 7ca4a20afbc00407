// fork() returns 0 in the child and the child's pid in the parent; wait() lets the parent print after the child.
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    int shared = 10;
    pid_t pid = fork();
    if (pid == 0) {
        shared += 5;
        printf("child: fork() returned 0\n");
        printf("child: my copy of shared is %d\n", shared);
        return 0;
    }
    int status;
    pid_t reaped = wait(&status);
    printf("parent: fork() returned a positive pid: %d\n", pid > 0);
    printf("parent: wait() returned that pid: %d\n", reaped == pid);
    printf("parent: my copy of shared is still %d\n", shared);
    return 0;
}
