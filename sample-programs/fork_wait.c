/*
 * fork_wait.c - the lecture's fork() example: a parent creates a child, and waits for it to end.
 *
 * fork() returns twice: 0 in the new child, the child's PID in the parent. The child sleeps, prints
 * and exits with 99; the parent's waitpid() collects that status, and the kernel's release_task()
 * frees what was left of the child (its zombie).
 *
 * Try:
 *   npx forkscope run sample-programs/fork_wait.c
 *   npx forkscope run sample-programs/fork_wait.c --trace   (the system calls, as strace -f shows them)
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void)
{
    pid_t pid;
    int wstatus, ret;
    pid = fork(); /* create a child process */
    switch (pid) {
    case -1: /* fork error */
        perror("fork");
        return EXIT_FAILURE;
    case 0: /* pid = 0: new born child process */
        sleep(1);
        printf("Nooooooooo!\n");
        exit(99);
    default: /* pid = pid of child: parent process */
        printf("I am your father!: your pid is %d\n", pid);
        break;
    }
    /* A parent waits until the child terminates */
    ret = waitpid(pid, &wstatus, 0);
    if (ret == -1)
        return EXIT_FAILURE;
    printf("Child exit status: %d\n", WEXITSTATUS(wstatus));
    return EXIT_SUCCESS;
}
