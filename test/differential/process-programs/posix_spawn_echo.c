// posix_spawn runs /bin/echo with an argv of our own and returns 0 with the child's pid; posix_spawnp
// finds "echo" in PATH as execvp does. The parent flushes before each spawn: the child writes to the
// same pipe, and it is done writing when waitpid returns.
#include <spawn.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

int main(void) {
    char *echo_argv[] = { "echo", "hello", "from", "posix_spawn", NULL };
    char *echop_argv[] = { "echo", "found", "in", "PATH", NULL };
    pid_t pid = 0;
    int status;

    printf("parent: before posix_spawn\n");
    fflush(stdout);
    int r = posix_spawn(&pid, "/bin/echo", NULL, NULL, echo_argv, environ);
    pid_t waited = waitpid(pid, &status, 0);
    printf("posix_spawn returned %d, pid > 0: %d, waitpid got it: %d\n", r, pid > 0, waited == pid);
    printf("WIFEXITED %d WEXITSTATUS %d\n", WIFEXITED(status), WEXITSTATUS(status));
    fflush(stdout);

    r = posix_spawnp(&pid, "echo", NULL, NULL, echop_argv, environ);
    waited = waitpid(pid, &status, 0);
    printf("posix_spawnp returned %d, waitpid got it: %d, WEXITSTATUS %d\n", r, waited == pid, WEXITSTATUS(status));

    // A NULL pid: the child runs all the same, and is waited for as any child.
    fflush(stdout);
    char *true_argv[] = { "true", NULL };
    r = posix_spawnp(NULL, "true", NULL, NULL, true_argv, environ);
    waited = wait(&status);
    printf("posix_spawnp with a NULL pid returned %d, wait got a child: %d, WEXITSTATUS %d\n", r, waited > 0, WEXITSTATUS(status));
    return 0;
}
