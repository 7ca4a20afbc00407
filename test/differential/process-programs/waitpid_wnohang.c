// waitpid(pid, &s, WNOHANG) returns 0 while the child runs and the pid once it has exited.
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    int status;

    pid_t sleeper = fork();
    if (sleeper == 0) {
        for (;;) pause();
    }
    printf("live child: WNOHANG returns %d\n", waitpid(sleeper, &status, WNOHANG));
    kill(sleeper, SIGTERM);
    pid_t reaped = waitpid(sleeper, &status, 0);
    printf("after SIGTERM: reaped %d, WIFSIGNALED %d, WTERMSIG %d\n", reaped == sleeper, WIFSIGNALED(status),
           WTERMSIG(status));

    pid_t quick = fork();
    // _exit, not exit: exit would flush the child's copy of the lines above and print them twice.
    if (quick == 0) _exit(7);
    // How many polls it takes depends on scheduling, so only the final answer is printed.
    pid_t result;
    while ((result = waitpid(quick, &status, WNOHANG)) == 0) usleep(1000);
    printf("exited child: WNOHANG returns its pid %d, WIFEXITED %d, WEXITSTATUS %d\n", result == quick,
           WIFEXITED(status), WEXITSTATUS(status));
    return 0;
}
