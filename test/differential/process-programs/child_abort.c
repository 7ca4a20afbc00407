// abort() in a child raises SIGABRT (6) and does not flush stdio: the child's buffered line is lost.
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    pid_t child = fork();
    if (child == 0) {
        printf("child: buffered, lost when abort kills the process\n");
        fprintf(stderr, "child: stderr is unbuffered, so this survives\n");
        abort();
    }
    int status;
    waitpid(child, &status, 0);
    printf("WIFEXITED %d, WIFSIGNALED %d, WTERMSIG %d (%s)\n", WIFEXITED(status), WIFSIGNALED(status),
           WTERMSIG(status), strsignal(WTERMSIG(status)));
    printf("WTERMSIG == SIGABRT: %d\n", WTERMSIG(status) == SIGABRT);
    return 0;
}
