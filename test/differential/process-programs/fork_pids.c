// getpid/getppid across fork: the child's parent is the caller of fork, and fork's return value is the child's pid.
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    pid_t parent_pid = getpid();
    pid_t parent_ppid = getppid();
    int fds[2];
    pipe(fds);
    pid_t pid = fork();
    if (pid == 0) {
        close(fds[0]);
        pid_t mine = getpid();
        // The parent cannot see the child's getpid(); send it through the pipe.
        write(fds[1], &mine, sizeof mine);
        printf("child: getppid() == parent's getpid(): %d\n", getppid() == parent_pid);
        printf("child: getpid() != parent's getpid(): %d\n", mine != parent_pid);
        printf("child: getpid() != getppid(): %d\n", mine != getppid());
        return 0;
    }
    close(fds[1]);
    pid_t child_reported = 0;
    read(fds[0], &child_reported, sizeof child_reported);
    waitpid(pid, NULL, 0);
    printf("parent: fork() returned the child's getpid(): %d\n", pid == child_reported);
    printf("parent: getpid() unchanged by fork: %d\n", getpid() == parent_pid);
    printf("parent: getppid() unchanged by fork: %d\n", getppid() == parent_ppid);
    return 0;
}
