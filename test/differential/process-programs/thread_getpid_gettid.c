// Every thread of a process has the process's PID (the thread group's TGID) and a TID of its own; the
// main thread's TID is the PID.
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

#define THREADS 3

static pid_t pids[THREADS], tids[THREADS], ppids[THREADS];

static void *who(void *arg) {
    long i = (long)arg;
    pids[i] = getpid();
    tids[i] = gettid();
    ppids[i] = getppid();
    return NULL;
}

int main(void) {
    pthread_t t[THREADS];
    for (long i = 0; i < THREADS; i++)
        pthread_create(&t[i], NULL, who, (void *)i);
    for (int i = 0; i < THREADS; i++)
        pthread_join(t[i], NULL);
    printf("main: gettid() == getpid(): %d\n", gettid() == getpid());
    for (int i = 0; i < THREADS; i++) {
        printf("thread %d: getpid() == main's: %d, gettid() != getpid(): %d, getppid() == main's: %d\n",
               i, pids[i] == getpid(), tids[i] != getpid(), ppids[i] == getppid());
        for (int j = 0; j < i; j++)
            if (tids[j] == tids[i])
                printf("thread %d has thread %d's TID\n", i, j);
    }
    return 0;
}
