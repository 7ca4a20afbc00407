// When a parent exits, its live child is reparented to init: the orphan's getppid() becomes 1 (no subreaper here).
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    int done[2];
    pipe(done);
    pid_t middle = fork();
    if (middle == 0) {
        pid_t middle_pid = getpid();
        if (fork() == 0) {
            close(done[0]);
            // Wait until the middle process has died and this one has been reparented.
            while (getppid() == middle_pid) usleep(1000);
            printf("orphan: getppid() == 1: %d\n", getppid() == 1);
            exit(0);
        }
        _exit(0);
    }
    close(done[1]);
    int status;
    waitpid(middle, &status, 0);
    printf("grandparent: middle child exited with %d\n", WEXITSTATUS(status));
    // The orphan is not our child, so it cannot be waited for; its end of the pipe closes when it exits.
    char byte;
    while (read(done[0], &byte, 1) > 0) {
    }
    printf("grandparent: the orphan has exited\n");
    return 0;
}
