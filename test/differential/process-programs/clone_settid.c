// clone's TID flags: CLONE_PARENT_SETTID stores the child's TID for the parent before clone returns,
// CLONE_CHILD_SETTID stores it in the child's memory as it starts, and CLONE_CHILD_CLEARTID zeroes it
// when the child ends (what pthread_join waits on).
#define _GNU_SOURCE
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#define STACK_SIZE (64 * 1024)

static pid_t parent_tid, child_tid, seen_by_child, child_gettid;

static int child(void *arg) {
    (void)arg;
    seen_by_child = child_tid;
    child_gettid = gettid();
    return 0;
}

int main(void) {
    char *stack = malloc(STACK_SIZE);
    int flags = CLONE_VM | CLONE_PARENT_SETTID | CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID | SIGCHLD;
    pid_t pid = clone(child, stack + STACK_SIZE, flags, NULL, &parent_tid, NULL, &child_tid);
    printf("parent_tid == clone's result: %d\n", parent_tid == pid);
    waitpid(pid, NULL, 0);
    printf("the child saw its TID in child_tid: %d\n", seen_by_child == child_gettid && child_gettid == pid);
    printf("child_tid after the child ended: %d\n", child_tid);
    free(stack);
    return 0;
}
