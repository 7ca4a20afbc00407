// A child that writes through a null pointer is killed by SIGSEGV (11); its parent carries on.
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    pid_t child = fork();
    if (child == 0) {
        int *nowhere = NULL;
        *nowhere = 1;
        exit(0);
    }
    int status;
    waitpid(child, &status, 0);
    printf("WIFEXITED %d, WIFSIGNALED %d, WTERMSIG %d (%s)\n", WIFEXITED(status), WIFSIGNALED(status),
           WTERMSIG(status), strsignal(WTERMSIG(status)));
    printf("WTERMSIG == SIGSEGV: %d\n", WTERMSIG(status) == SIGSEGV);
    return 0;
}
