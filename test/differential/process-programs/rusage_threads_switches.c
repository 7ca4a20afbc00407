// Per-thread figures: a thread's minor faults and voluntary context switches are its own
// (RUSAGE_THREAD) and the process's (RUSAGE_SELF), also after the thread has ended; a child that
// slept three times reports at least three voluntary switches through wait4.
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define PAGES 200
#define PAGE 4096

static char *region;
static struct rusage worker_before, worker_after;

static void nap(void) {
    struct timespec ts = {0, 1000000};
    nanosleep(&ts, NULL);
}

static void *worker(void *arg) {
    getrusage(RUSAGE_THREAD, &worker_before);
    for (int i = 0; i < PAGES; i++) region[i * PAGE] = 1;
    for (int i = 0; i < 3; i++) nap();
    getrusage(RUSAGE_THREAD, &worker_after);
    return arg;
}

int main(void) {
    struct rusage main0, main1, self0, self1;
    pthread_t t;

    region = mmap(NULL, PAGES * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    getrusage(RUSAGE_THREAD, &main0);
    getrusage(RUSAGE_SELF, &self0);
    pthread_create(&t, NULL, worker, NULL);
    pthread_join(t, NULL);
    getrusage(RUSAGE_THREAD, &main1);
    getrusage(RUSAGE_SELF, &self1);
    printf("the worker's RUSAGE_THREAD: at least %d minor faults: %d\n", PAGES,
           worker_after.ru_minflt - worker_before.ru_minflt >= PAGES);
    printf("the worker's RUSAGE_THREAD: at least 3 voluntary switches: %d\n",
           worker_after.ru_nvcsw - worker_before.ru_nvcsw >= 3);
    printf("the main thread's RUSAGE_THREAD: fewer than %d minor faults: %d\n", PAGES,
           main1.ru_minflt - main0.ru_minflt < PAGES);
    printf("RUSAGE_SELF after the worker ended: at least %d more minor faults: %d\n", PAGES,
           self1.ru_minflt - self0.ru_minflt >= PAGES);
    printf("RUSAGE_SELF after the worker ended: at least 3 more voluntary switches: %d\n",
           self1.ru_nvcsw - self0.ru_nvcsw >= 3);

    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        for (int i = 0; i < 3; i++) nap();
        _exit(0);
    }
    struct rusage child;
    int status;
    wait4(pid, &status, 0, &child);
    printf("the child that slept 3 times: at least 3 voluntary switches: %d\n", child.ru_nvcsw >= 3);
    getrusage(RUSAGE_SELF, &self0);
    printf("the parent slept in wait4: at least one voluntary switch more: %d\n", self0.ru_nvcsw > self1.ru_nvcsw);
    return 0;
}
