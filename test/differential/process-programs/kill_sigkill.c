// A child killed with SIGKILL did not exit: WIFSIGNALED is true and WTERMSIG is 9.
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    pid_t child = fork();
    if (child == 0) {
        for (;;) pause();
    }
    printf("kill returns %d\n", kill(child, SIGKILL));
    int status;
    waitpid(child, &status, 0);
    printf("WIFEXITED %d, WIFSIGNALED %d, WTERMSIG %d (%s)\n", WIFEXITED(status), WIFSIGNALED(status),
           WTERMSIG(status), strsignal(WTERMSIG(status)));
    return 0;
}
