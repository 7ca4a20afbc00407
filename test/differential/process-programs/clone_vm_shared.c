// clone() with CLONE_VM runs the child in the parent's memory: its write to a global is seen by the
// parent. Without CLONE_VM the child has a copy, and the parent's variable does not change.
#define _GNU_SOURCE
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#define STACK_SIZE (64 * 1024)

static int shared = 1;

static int child(void *arg) {
    shared = (int)(long)arg;
    return 5;
}

static void run(const char *what, int flags, int value) {
    char *stack = malloc(STACK_SIZE);
    shared = 1;
    pid_t pid = clone(child, stack + STACK_SIZE, flags | SIGCHLD, (void *)(long)value);
    int status;
    pid_t reaped = waitpid(pid, &status, 0);
    printf("%s: child set %d, parent sees %d; waitpid matched: %d, exit status %d\n",
           what, value, shared, reaped == pid, WEXITSTATUS(status));
    free(stack);
}

int main(void) {
    run("CLONE_VM", CLONE_VM, 42);
    run("no CLONE_VM", 0, 7);
    return 0;
}
