// A process-directed signal goes to a thread that does not block it: the main thread blocks SIGUSR1,
// a worker does not, and kill(getpid(), SIGUSR1) runs the handler on the worker. pthread_kill aims
// at one thread: sent to the main thread, it waits in that thread's own pending set until unblocked.
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static volatile sig_atomic_t handled;
static pthread_t handled_by;
static int ready[2];

static void on_usr1(int sig) {
    (void)sig;
    handled_by = pthread_self();
    handled++;
}

static void *worker(void *arg) {
    (void)arg;
    sigset_t usr1;
    sigemptyset(&usr1);
    sigaddset(&usr1, SIGUSR1);
    pthread_sigmask(SIG_UNBLOCK, &usr1, NULL);
    char byte = 'r';
    write(ready[1], &byte, 1);
    while (!handled)
        usleep(1000);
    return NULL;
}

int main(void) {
    signal(SIGUSR1, on_usr1);
    sigset_t usr1;
    sigemptyset(&usr1);
    sigaddset(&usr1, SIGUSR1);
    pthread_sigmask(SIG_BLOCK, &usr1, NULL);
    pipe(ready);

    pthread_t t;
    pthread_create(&t, NULL, worker, NULL); // it starts with this mask and unblocks SIGUSR1 itself
    char byte;
    read(ready[0], &byte, 1);
    kill(getpid(), SIGUSR1);
    pthread_join(t, NULL);
    printf("kill: handled %d time(s), on the worker: %d, on main: %d\n", (int)handled,
           pthread_equal(handled_by, t), pthread_equal(handled_by, pthread_self()));

    handled = 0;
    pthread_kill(pthread_self(), SIGUSR1);
    sigset_t pending;
    sigpending(&pending);
    printf("pthread_kill(main): pending in main: %d, handled: %d\n", sigismember(&pending, SIGUSR1), (int)handled);
    pthread_sigmask(SIG_UNBLOCK, &usr1, NULL);
    printf("after unblocking: handled %d, on main: %d\n", (int)handled, pthread_equal(handled_by, pthread_self()));
    return 0;
}
