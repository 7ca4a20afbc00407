// clone() with CLONE_FILES shares the descriptor table: a pipe the child opens is there in the parent
// under the same numbers, and the parent can write to it. Without CLONE_FILES the child has a copy:
// its close of a descriptor leaves the parent's open.
#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define STACK_SIZE (64 * 1024)

static int fds[2];

static int open_pipe(void *arg) {
    (void)arg;
    return pipe(fds) == 0 ? 0 : 1;
}

static int close_stdin_copy(void *arg) {
    return close((int)(long)arg) == 0 ? 0 : 1;
}

static void run(int flags, int (*fn)(void *), void *arg, int *status) {
    char *stack = malloc(STACK_SIZE);
    pid_t pid = clone(fn, stack + STACK_SIZE, flags | SIGCHLD, arg);
    waitpid(pid, status, 0);
    free(stack);
}

int main(void) {
    int status;
    run(CLONE_FILES | CLONE_VM, open_pipe, NULL, &status);
    printf("child's pipe(): exit %d\n", WEXITSTATUS(status));
    char buf[8] = {0};
    long w = write(fds[1], "hi", 2);
    long r = read(fds[0], buf, sizeof buf - 1);
    printf("parent wrote %ld and read %ld: %s\n", w, r, buf);

    int spare = dup(0);
    run(0, close_stdin_copy, (void *)(long)spare, &status);
    errno = 0;
    printf("child without CLONE_FILES closed %d: exit %d; parent's still open: %d\n",
           spare, WEXITSTATUS(status), dup2(spare, spare) == spare);
    run(CLONE_FILES, close_stdin_copy, (void *)(long)spare, &status);
    errno = 0;
    int gone = dup2(spare, spare) == -1 && errno == EBADF;
    printf("child with CLONE_FILES closed it: exit %d; parent's closed too: %d\n", WEXITSTATUS(status), gone);
    return 0;
}
