/*
 * zombie.c - a child that has exited but has not been waited for yet is a zombie.
 *
 * do_exit() frees almost everything the child had, but exit_notify() leaves its task_struct, with
 * exit_state EXIT_ZOMBIE, so that the parent can still learn its exit status. Its PID stays taken:
 * kill(pid, 0) still finds it. Only wait() ends that: release_task() frees the task_struct and the PID,
 * and kill(pid, 0) then fails with ESRCH.
 *
 * Try:
 *   npx forkscope run sample-programs/zombie.c
 *   npx forkscope run sample-programs/zombie.c --ps     (the state letters as the program exits)
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void)
{
    pid_t child = fork();
    if (child == 0)
        exit(7); /* the child ends at once */

    /* Wait until the child has exited, but leave it waitable (WNOWAIT): it is a zombie now. */
    siginfo_t info;
    waitid(P_PID, child, &info, WEXITED | WNOWAIT);
    printf("child %d exited with %d, not yet waited for\n", child, info.si_status);
    printf("kill(%d, 0) = %d: the zombie still holds its PID\n", child, kill(child, 0));

    int status;
    wait(&status); /* release_task(): the zombie is gone */
    int r = kill(child, 0);
    printf("after wait: kill(%d, 0) = %d (%s)\n", child, r, strerror(errno));
    return WEXITSTATUS(status) == 7 ? 0 : 1;
}
