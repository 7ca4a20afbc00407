/*
 * orphan.c - what happens if a parent exits before its child? The child is reparented.
 *
 * exit_notify() calls forget_original_parent(), which asks find_new_reaper() for a new parent: another
 * thread of the dying process, a "child subreaper" ancestor (prctl PR_SET_CHILD_SUBREAPER), or else
 * init (PID 1). The orphan's getppid() changes, and when it exits, init waits for it.
 *
 * Try:
 *   npx forkscope run sample-programs/orphan.c
 *   npx forkscope run sample-programs/orphan.c --tree
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int main(void)
{
    int ready[2];
    pipe(ready);
    pid_t child = fork();
    if (child > 0) {
        char c;
        read(ready[0], &c, 1); /* wait until the child has seen its parent */
        printf("parent %d: exiting, leaving child %d behind\n", getpid(), child);
        return 0; /* the parent exits first */
    }
    printf("child %d: my parent is %d\n", getpid(), getppid());
    fflush(stdout);
    write(ready[1], "x", 1);
    sleep(1); /* by now the parent is gone */
    printf("child %d: my parent is now %d (init)\n", getpid(), getppid());
    return 0;
}
