// An exited child stays a zombie, keeping its pid and exit status, until the parent waits for it.
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    pid_t child = fork();
    if (child == 0) exit(3);
    sleep(1);
    // kill(pid, 0) only checks that the pid exists: a zombie still holds it.
    printf("zombie: kill(pid, 0) returns %d\n", kill(child, 0));
    int status;
    pid_t reaped = waitpid(child, &status, 0);
    printf("reaped a second later: %d, WEXITSTATUS %d\n", reaped == child, WEXITSTATUS(status));
    errno = 0;
    int r = kill(child, 0);
    printf("after the reap: kill(pid, 0) returns %d, errno == ESRCH: %d\n", r, errno == ESRCH);
    return 0;
}
