// Where a pending signal waits: kill() aims at the process, so a signal every thread blocks is pending
// for all of them (the shared set); pthread_kill() aims at one thread, so only that thread sees it.
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

static int go[2], done[2];
static int worker_sees_usr1, worker_sees_usr2;

static void *worker(void *arg) {
    (void)arg;
    char byte;
    read(go[0], &byte, 1);
    sigset_t pending;
    sigpending(&pending);
    worker_sees_usr1 = sigismember(&pending, SIGUSR1);
    worker_sees_usr2 = sigismember(&pending, SIGUSR2);
    write(done[1], &byte, 1);
    return NULL;
}

int main(void) {
    sigset_t both;
    sigemptyset(&both);
    sigaddset(&both, SIGUSR1);
    sigaddset(&both, SIGUSR2);
    pthread_sigmask(SIG_BLOCK, &both, NULL); // the worker inherits this mask
    pipe(go);
    pipe(done);
    pthread_t t;
    pthread_create(&t, NULL, worker, NULL);

    kill(getpid(), SIGUSR1);
    pthread_kill(pthread_self(), SIGUSR2);
    char byte = 'g';
    write(go[1], &byte, 1);
    read(done[0], &byte, 1);
    pthread_join(t, NULL);

    sigset_t pending;
    sigpending(&pending);
    printf("main:   SIGUSR1 (kill) pending %d, SIGUSR2 (pthread_kill to main) pending %d\n",
           sigismember(&pending, SIGUSR1), sigismember(&pending, SIGUSR2));
    printf("worker: SIGUSR1 (kill) pending %d, SIGUSR2 (pthread_kill to main) pending %d\n",
           worker_sees_usr1, worker_sees_usr2);
    // Setting SIG_IGN discards a pending signal, from the shared set and from each thread's own.
    signal(SIGUSR1, SIG_IGN);
    signal(SIGUSR2, SIG_IGN);
    sigpending(&pending);
    printf("after SIG_IGN: SIGUSR1 pending %d, SIGUSR2 pending %d\n", sigismember(&pending, SIGUSR1), sigismember(&pending, SIGUSR2));
    return 0;
}
