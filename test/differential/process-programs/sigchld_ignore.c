// With SIGCHLD set to SIG_IGN children are reaped automatically: wait blocks until all have ended, then fails with ECHILD.
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    signal(SIGCHLD, SIG_IGN);
    pid_t quick = fork();
    if (quick == 0) exit(1);
    pid_t slow = fork();
    if (slow == 0) {
        usleep(200000);
        exit(2);
    }
    int status;
    errno = 0;
    int r = wait(&status);
    printf("wait returns %d, errno == ECHILD: %d\n", r, errno == ECHILD);
    // Both children are gone, not zombies: their pids no longer exist.
    printf("quick child's pid exists: %d\n", kill(quick, 0) == 0);
    printf("slow child's pid exists: %d\n", kill(slow, 0) == 0);
    return 0;
}
