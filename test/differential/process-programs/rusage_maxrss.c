// ru_maxrss, the most memory resident at once, in KiB: a child that touched 8 MB more than its
// sibling reports thousands of KiB more through wait4; RUSAGE_CHILDREN keeps the largest child's. A
// process's own figure grows as it touches pages and does not shrink when they are unmapped: it is a
// high-water mark. That part runs in a child too, as the program's own maxrss also counts the memory
// of whoever exec'd it. Linux's counts are approximate and sizes differ between machines, so only
// comparisons with room to spare are printed.
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#define PAGE 4096

static char *touched(long pages) {
    char *p = mmap(NULL, pages * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    for (long i = 0; i < pages; i++) p[i * PAGE] = 1;
    return p;
}

static struct rusage child(long pages) {
    struct rusage ru;
    int status;
    pid_t pid = fork();
    if (pid == 0) {
        if (pages > 0) touched(pages);
        _exit(0);
    }
    wait4(pid, &status, 0, &ru);
    return ru;
}

int main(void) {
    struct rusage small, large, children, self0, self1, self2, thread, grower;
    int status;

    fflush(stdout);
    small = child(0);
    large = child(2000);
    printf("the child that touched 2000 pages: maxrss at least 7000 KiB above its sibling's: %d\n",
           large.ru_maxrss - small.ru_maxrss >= 7000);
    getrusage(RUSAGE_CHILDREN, &children);
    printf("RUSAGE_CHILDREN: the largest child's maxrss: %d\n", children.ru_maxrss == large.ru_maxrss);

    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        getrusage(RUSAGE_SELF, &self0);
        char *p = touched(1000);
        getrusage(RUSAGE_SELF, &self1);
        munmap(p, 1000 * PAGE);
        getrusage(RUSAGE_SELF, &self2);
        getrusage(RUSAGE_THREAD, &thread);
        printf("child: touching 1000 pages raised its maxrss by at least 3000 KiB: %d\n",
               self1.ru_maxrss - self0.ru_maxrss >= 3000);
        printf("child: unmapping them did not lower it: %d\n", self2.ru_maxrss >= self1.ru_maxrss);
        printf("child: RUSAGE_THREAD has the process's maxrss: %d\n", thread.ru_maxrss == self2.ru_maxrss);
        fflush(stdout);
        _exit(0);
    }
    wait4(pid, &status, 0, &grower);
    printf("that child's maxrss is below the 2000-page child's: %d\n", grower.ru_maxrss < large.ru_maxrss);
    getrusage(RUSAGE_CHILDREN, &children);
    printf("RUSAGE_CHILDREN: still the largest child's: %d\n", children.ru_maxrss == large.ru_maxrss);
    return 0;
}
