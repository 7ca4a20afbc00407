// With PR_SET_CHILD_SUBREAPER, an orphaned grandchild is reparented to this process, which can then wait for it.
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    prctl(PR_SET_CHILD_SUBREAPER, 1);
    pid_t subreaper = getpid();
    pid_t middle = fork();
    if (middle == 0) {
        pid_t middle_pid = getpid();
        if (fork() == 0) {
            while (getppid() == middle_pid) usleep(1000);
            printf("orphan: getppid() == the subreaper's pid: %d\n", getppid() == subreaper);
            exit(5);
        }
        _exit(0);
    }
    int status;
    pid_t reaped = waitpid(middle, &status, 0);
    printf("subreaper: reaped the middle child: %d\n", reaped == middle);
    reaped = wait(&status);
    printf("subreaper: reaped the grandchild too: %d, WEXITSTATUS %d\n", reaped > 0, WEXITSTATUS(status));
    errno = 0;
    int r = wait(&status);
    printf("subreaper: then wait() returns %d, errno == ECHILD: %d\n", r, errno == ECHILD);
    return 0;
}
