// File actions wire a spawned program's stdout to a pipe: adddup2 of the write end onto 1, then
// addclose of both ends, in that order in the child. The parent reads echo's output from the pipe, to
// EOF: with its own write end closed, the last writer is gone once echo exits.
#include <ctype.h>
#include <spawn.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

int main(void) {
    int fds[2];
    pid_t pid;
    char buf[128];
    size_t total = 0;
    ssize_t n;

    pipe(fds);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, fds[1], 1);
    posix_spawn_file_actions_addclose(&fa, fds[0]);
    posix_spawn_file_actions_addclose(&fa, fds[1]);
    char *argv[] = { "echo", "through", "the", "pipe", NULL };
    int r = posix_spawn(&pid, "/bin/echo", &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    close(fds[1]);
    while ((n = read(fds[0], buf + total, sizeof buf - 1 - total)) > 0)
        total += n;
    buf[total] = '\0';
    int status;
    waitpid(pid, &status, 0);
    close(fds[0]);
    printf("posix_spawn returned %d; read %zu bytes from the pipe:\n", r, total);
    for (size_t i = 0; i < total; i++)
        buf[i] = toupper((unsigned char)buf[i]);
    printf("%s", buf);
    printf("echo exited with %d\n", WEXITSTATUS(status));
    return 0;
}
