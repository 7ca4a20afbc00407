// nice, getpriority and setpriority: a process's nice level, inherited by its children, clamped to 19.
#include <errno.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    printf("start: %d\n", getpriority(PRIO_PROCESS, 0));
    printf("nice(5): %d\n", nice(5));
    fflush(stdout);
    pid_t p = fork();
    if (p == 0) {
        printf("child inherits: %d\n", getpriority(PRIO_PROCESS, 0));
        printf("child setpriority(0, 0, 7): %d\n", setpriority(PRIO_PROCESS, 0, 7));
        printf("child now: %d\n", getpriority(PRIO_PROCESS, getpid()));
        return 0;
    }
    waitpid(p, NULL, 0);
    printf("parent still: %d\n", getpriority(PRIO_PROCESS, 0));
    int r = setpriority(PRIO_PROCESS, p, 3);
    int e = errno;
    printf("setpriority on a reaped child: %d ESRCH %d\n", r, e == ESRCH);
    printf("nice(100) clamps: %d\n", nice(100));
    r = getpriority(42, 0);
    e = errno;
    printf("getpriority(42, 0): %d EINVAL %d\n", r, e == EINVAL);
    return 0;
}
