/*
 * minishell.c - a shell is fork, exec and wait in a loop. For each command line it reads, it forks; the
 * child sets up its standard output (a file for "> file", a pipe for "a | b") and execs the command, and
 * the parent waits for it and reports its exit status. "cd" cannot be a program: a child's chdir would
 * change only the child's fs_struct, so the shell runs it itself. The commands are /bin's: echo, cat,
 * ls, mkdir, rm, true, false, sleep, ps and pstree.
 *
 * Try:
 *   printf 'echo hello > greeting.txt\ncat greeting.txt\nmkdir work\nls\ncd work\npwd\necho a b c | cat\nrm nothing\nfalse\npstree -p\nexit 3\n' | npx forkscope run sample-programs/minishell.c
 *   ... the same with --trace, to see each command's clone, execve and wait4
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAX_ARGS 16

/* Splits line into words at blanks: argv ends with NULL; returns the number of words. */
static int split(char *line, char **argv)
{
    int argc = 0;
    for (char *word = strtok(line, " \t\n"); word != NULL && argc < MAX_ARGS - 1; word = strtok(NULL, " \t\n"))
        argv[argc++] = word;
    argv[argc] = NULL;
    return argc;
}

/* In the child: replaces this process with the command, or says why it cannot. */
static void exec_command(char **argv)
{
    execvp(argv[0], argv);
    fprintf(stderr, "minishell: %s: command not found\n", argv[0]);
    _exit(127);
}

/* Runs "left | right": two children, the first writing into the pipe the second reads. */
static int run_pipeline(char **left, char **right)
{
    int fds[2];
    pipe(fds);
    pid_t writer = fork();
    if (writer == 0) {
        dup2(fds[1], STDOUT_FILENO);
        close(fds[0]);
        close(fds[1]);
        exec_command(left);
    }
    pid_t reader = fork();
    if (reader == 0) {
        dup2(fds[0], STDIN_FILENO);
        close(fds[0]);
        close(fds[1]);
        exec_command(right);
    }
    /* The parent must close its ends too: the reader sees end of file only once no writer is left. */
    close(fds[0]);
    close(fds[1]);
    int status;
    waitpid(writer, NULL, 0);
    waitpid(reader, &status, 0);
    return status;
}

/* Runs one command, its output in `outfile` when there is one. */
static int run_command(char **argv, const char *outfile)
{
    pid_t pid = fork();
    if (pid < 0) {
        perror("fork");
        return -1;
    }
    if (pid == 0) {
        if (outfile != NULL) {
            int fd = open(outfile, O_WRONLY | O_CREAT | O_TRUNC, 0644);
            if (fd < 0) {
                perror(outfile);
                _exit(1);
            }
            dup2(fd, STDOUT_FILENO);
            close(fd);
        }
        exec_command(argv);
    }
    int status;
    waitpid(pid, &status, 0);
    return status;
}

int main(void)
{
    char line[256];
    for (;;) {
        char cwd[128];
        printf("%s$ ", getcwd(cwd, sizeof cwd) ? cwd : "?");
        fflush(stdout);
        if (fgets(line, sizeof line, stdin) == NULL)
            break;
        /* The command, since the input is not a terminal that echoes it; flushed before any fork, or the
           children's output would come first (and a child that did not exec would print it again). */
        printf("%s", line);
        fflush(stdout);

        char *pipe_at = strchr(line, '|');
        char *redirect_at = strchr(line, '>');
        char *outfile = NULL;
        char *argv[MAX_ARGS];
        char *right[MAX_ARGS];
        if (pipe_at != NULL)
            *pipe_at = '\0';
        if (redirect_at != NULL) {
            *redirect_at = '\0';
            outfile = strtok(redirect_at + 1, " \t\n");
        }
        if (split(line, argv) == 0)
            continue;

        int status;
        if (strcmp(argv[0], "exit") == 0)
            return argv[1] ? atoi(argv[1]) : 0;
        if (strcmp(argv[0], "cd") == 0) {
            if (chdir(argv[1] ? argv[1] : "/") < 0)
                perror("cd");
            continue;
        }
        if (strcmp(argv[0], "pwd") == 0) {
            printf("%s\n", getcwd(cwd, sizeof cwd));
            continue;
        }
        if (pipe_at != NULL) {
            if (split(pipe_at + 1, right) == 0)
                continue;
            status = run_pipeline(argv, right);
        } else {
            status = run_command(argv, outfile);
        }
        if (WIFEXITED(status) && WEXITSTATUS(status) != 0)
            printf("[exit status %d]\n", WEXITSTATUS(status));
        else if (WIFSIGNALED(status))
            printf("[killed by signal %d]\n", WTERMSIG(status));
    }
    return 0;
}
