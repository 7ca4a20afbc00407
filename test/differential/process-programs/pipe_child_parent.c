// A pipe made before fork joins the processes: the child writes, the parent reads until EOF once all writers close.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    int fds[2];
    printf("pipe returns %d\n", pipe(fds));
    fflush(stdout);
    pid_t child = fork();
    if (child == 0) {
        close(fds[0]);
        const char *messages[3] = {"one ", "two ", "three\n"};
        for (int i = 0; i < 3; i++) write(fds[1], messages[i], strlen(messages[i]));
        close(fds[1]);
        exit(0);
    }
    // Without this close, read would never see EOF: the parent itself would still hold a write end.
    close(fds[1]);
    char buffer[64];
    int total = 0;
    ssize_t n;
    while ((n = read(fds[0], buffer + total, sizeof buffer - 1 - total)) > 0) total += n;
    buffer[total] = '\0';
    printf("parent read %d bytes: %s", total, buffer);
    printf("read at EOF returns %d\n", (int)read(fds[0], buffer, sizeof buffer));
    close(fds[0]);
    waitpid(child, NULL, 0);
    return 0;
}
