// addopen redirects a spawned program's stdout to a file: the child closes 1, opens the file (which
// gets the lowest free descriptor, 1 itself here, so no dup2 is needed), and echo writes into it. The
// parent reads the file back and unlinks it. A second spawn with O_APPEND adds to it; O_TRUNC empties it.
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

#define FILE_NAME "./posix_spawn_redirect.tmp"

static void spawn_echo(const char *word, int oflag) {
    posix_spawn_file_actions_t fa;
    char *argv[] = { "echo", (char *)word, NULL };
    pid_t pid;
    int status;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, FILE_NAME, oflag, 0644);
    int r = posix_spawn(&pid, "/bin/echo", &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    waitpid(pid, &status, 0);
    printf("posix_spawn echo %s: %d, exit %d\n", word, r, WEXITSTATUS(status));
}

static void show(void) {
    char buf[128];
    int fd = open(FILE_NAME, O_RDONLY);
    ssize_t n = read(fd, buf, sizeof buf - 1);
    close(fd);
    buf[n < 0 ? 0 : n] = '\0';
    printf("the file holds %zd bytes: %s", n, buf);
}

int main(void) {
    // The parent's stdout is flushed by the time each child runs: it is not the file's.
    setvbuf(stdout, NULL, _IONBF, 0);
    spawn_echo("first", O_WRONLY | O_CREAT | O_TRUNC);
    show();
    spawn_echo("second", O_WRONLY | O_APPEND);
    show();
    spawn_echo("third", O_WRONLY | O_TRUNC);
    show();
    printf("unlink: %d\n", unlink(FILE_NAME));
    printf("open after unlink: %d\n", open(FILE_NAME, O_RDONLY));
    return 0;
}
