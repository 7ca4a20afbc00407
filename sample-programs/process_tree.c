/*
 * process_tree.c - the lecture's "Let's check process tree using pstree", from inside Forkscope.
 *
 * init (PID 1) is the root of every process: it started the shell that started this program. The
 * program forks a small family, then runs /bin/pstree and /bin/ps while the family is alive:
 *   pstree -p        the tree from init down, each process as name(PID)
 *   ps --ppid 2      the kernel threads: kthreadd (PID 2) is the parent of every one of them
 *   ps -f --ppid P   this program's children, with their parent's PID
 * The children sleep until the parent has looked, then the parent waits for them all.
 *
 * Try:
 *   npx forkscope run sample-programs/process_tree.c
 *   npx forkscope run sample-programs/process_tree.c --cpus 2      (a ksoftirqd and a migration per CPU)
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

static void child_sleeps(void)
{
    sleep(1);
    exit(0);
}

int main(void)
{
    char command[64];

    for (int i = 0; i < 2; i++)
        if (fork() == 0)
            child_sleeps();
    if (fork() == 0) {
        if (fork() == 0) /* a grandchild */
            child_sleeps();
        wait(NULL);
        exit(0);
    }

    printf("$ pstree -p\n");
    fflush(stdout);
    system("pstree -p");
    printf("\n$ ps --ppid 2\n");
    fflush(stdout);
    system("ps --ppid 2");
    snprintf(command, sizeof command, "ps -f --ppid %d", getpid());
    printf("\n$ %s\n", command);
    fflush(stdout);
    system(command);

    while (wait(NULL) > 0)
        ;
    return 0;
}
