// wait() with no children fails at once with ECHILD, as does waitpid on a pid that is not a child.
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    int status;
    errno = 0;
    int r = wait(&status);
    printf("wait() with no children: %d, errno == ECHILD: %d\n", r, errno == ECHILD);

    errno = 0;
    r = waitpid(-1, &status, WNOHANG);
    printf("waitpid(-1, WNOHANG) with no children: %d, errno == ECHILD: %d\n", r, errno == ECHILD);

    errno = 0;
    r = waitpid(getpid(), &status, 0);
    printf("waitpid on my own pid: %d, errno == ECHILD: %d\n", r, errno == ECHILD);

    pid_t child = fork();
    // _exit, not exit: exit would flush the child's copy of the lines above and print them twice.
    if (child == 0) _exit(0);
    waitpid(child, &status, 0);
    errno = 0;
    r = waitpid(child, &status, 0);
    printf("waitpid on an already reaped child: %d, errno == ECHILD: %d\n", r, errno == ECHILD);
    return 0;
}
