// execvp of a program that does not exist returns -1 with errno ENOENT, and the child goes on running.
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    pid_t child = fork();
    if (child == 0) {
        char *args[] = {"forkscope-no-such-program", "--flag", NULL};
        int r = execvp(args[0], args);
        int saved = errno;
        printf("child: execvp returned %d, errno == ENOENT: %d\n", r, saved == ENOENT);
        errno = saved;
        perror("execvp");
        exit(127);
    }
    int status;
    waitpid(child, &status, 0);
    printf("parent: child exited with %d\n", WEXITSTATUS(status));
    return 0;
}
