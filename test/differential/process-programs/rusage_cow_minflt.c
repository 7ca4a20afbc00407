// ru_minflt counts copy-on-write: after fork the child's first write to each page it shares with its
// parent is a minor fault, counted in the child's RUSAGE_SELF, in the rusage wait4 reports to the
// parent, and in the parent's RUSAGE_CHILDREN, never in the parent's own figure. Fault counts differ
// between machines (the C library's start-up faults too), so only comparisons are printed.
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#define PAGES 100
#define PAGE 4096
static char big[(PAGES + 2) * PAGE];

int main(void) {
    struct rusage self0, self1, child, children;

    for (int i = 1; i <= PAGES; i++) big[i * PAGE] = 1; // the parent's own pages, before the fork
    getrusage(RUSAGE_CHILDREN, &children);
    printf("RUSAGE_CHILDREN before any wait: minflt %ld\n", children.ru_minflt);
    fflush(stdout);
    getrusage(RUSAGE_SELF, &self0);

    pid_t pid = fork();
    if (pid == 0) {
        struct rusage before, after;
        getrusage(RUSAGE_SELF, &before);
        for (int i = 1; i <= PAGES; i++) big[i * PAGE] = 2;
        getrusage(RUSAGE_SELF, &after);
        printf("child: writing %d shared pages took at least %d minor faults: %d\n", PAGES, PAGES,
               after.ru_minflt - before.ru_minflt >= PAGES);
        printf("child: no major fault: %d\n", after.ru_majflt == before.ru_majflt);
        fflush(stdout);
        _exit(0);
    }
    int status;
    pid_t reaped = wait4(pid, &status, 0, &child);
    getrusage(RUSAGE_SELF, &self1);
    getrusage(RUSAGE_CHILDREN, &children);
    printf("wait4 returned the child: %d, exit status %d\n", reaped == pid, WEXITSTATUS(status));
    printf("wait4's rusage: minflt >= %d: %d\n", PAGES, child.ru_minflt >= PAGES);
    printf("RUSAGE_CHILDREN minflt equals wait4's: %d\n", children.ru_minflt == child.ru_minflt);
    printf("the parent's own minflt grew by less than %d: %d\n", PAGES, self1.ru_minflt - self0.ru_minflt < PAGES);
    return 0;
}
