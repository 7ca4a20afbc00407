// dup2(pipe, 1) in a child sends its printf output into the pipe, where the parent reads it back.
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    int fds[2];
    pipe(fds);
    pid_t child = fork();
    if (child == 0) {
        printf("dup2 returns %d\n", dup2(fds[1], STDOUT_FILENO));
        close(fds[0]);
        close(fds[1]);
        printf("child line 1\n");
        printf("child line 2\n");
        return 0;
    }
    close(fds[1]);
    char c;
    int at_line_start = 1;
    // Echo the child's output in upper case, each line marked, to show it passed through the parent.
    while (read(fds[0], &c, 1) == 1) {
        if (at_line_start) printf("from pipe: ");
        putchar(toupper((unsigned char)c));
        at_line_start = c == '\n';
    }
    close(fds[0]);
    int status;
    waitpid(child, &status, 0);
    printf("child exited with %d\n", WEXITSTATUS(status));
    return 0;
}
