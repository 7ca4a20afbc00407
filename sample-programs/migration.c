/*
 * migration.c - how a task moves between CPUs: the kernel threads migration/N at work.
 *
 * Run it on a machine with two CPUs:
 *   npx forkscope run sample-programs/migration.c --cpus 2
 *
 * sched_setaffinity() changes the CPUs a task may run on (task_struct.cpus_allowed). A task that is
 * waiting in a run queue simply changes queues. A task that is *running* on a CPU it may no longer use
 * cannot be moved from the outside: the kernel asks that CPU's stopper thread, migration/N, to run
 * migration_cpu_stop there (stop_one_cpu). migration/N preempts the task, and moves it to an allowed
 * CPU's run queue (__migrate_task), where it goes on running.
 *
 * Here the child pins itself to CPU 1 while it runs on CPU 0 (migration/0 moves it), then the parent
 * pins the busy child back to CPU 0 while it runs on CPU 1 (CPU 1 gets a reschedule interrupt and
 * migration/1 moves it). The child watches sched_getcpu() and reports each move.
 */
#define _GNU_SOURCE
#include <sched.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

static void pin(pid_t pid, int cpu)
{
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(cpu, &set);
    sched_setaffinity(pid, sizeof set, &set);
}

int main(void)
{
    int ready[2];
    char c;

    pipe(ready);
    pin(0, 0); /* the parent, and the child it forks, start on CPU 0 */
    pid_t child = fork();
    if (child == 0) {
        int last = sched_getcpu();
        printf("child: starts on CPU %d\n", last);
        pin(0, 1);
        write(ready[1], "x", 1);
        for (long i = 0; i < 200000; i++) {
            int now = sched_getcpu();
            if (now != last)
                printf("child: moved from CPU %d to CPU %d\n", last, now);
            last = now;
        }
        return 0;
    }
    read(ready[0], &c, 1); /* the child now runs on CPU 1 */
    for (volatile int i = 0; i < 20000; i++)
        ;
    pin(child, 0);
    printf("parent: pinned child %d to CPU 0 while it ran on CPU 1\n", child);
    fflush(stdout);
    wait(NULL);
    return 0;
}
