// pthread_once runs its routine exactly once among 4 threads, and the others wait until it has
// finished; a barrier of 4 lets nobody through before all have arrived, gives
// PTHREAD_BARRIER_SERIAL_THREAD to exactly one of them, and works again for the next rounds.
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

#define THREADS 4
#define ROUNDS 3

static pthread_once_t once = PTHREAD_ONCE_INIT;
static int init_calls, init_done;
static pthread_barrier_t barrier;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static int arrived[ROUNDS];
static int serial[ROUNDS];
static int saw_all[ROUNDS];
static int saw_init_done;

static void init(void) {
    init_calls++;
    usleep(100000); // the other threads arrive meanwhile, and must wait
    init_done = 1;
}

static void *worker(void *arg) {
    (void)arg;
    pthread_once(&once, init);
    pthread_mutex_lock(&lock);
    saw_init_done += init_done;
    pthread_mutex_unlock(&lock);
    for (int r = 0; r < ROUNDS; r++) {
        pthread_mutex_lock(&lock);
        arrived[r]++;
        pthread_mutex_unlock(&lock);
        int ret = pthread_barrier_wait(&barrier);
        pthread_mutex_lock(&lock);
        if (ret == PTHREAD_BARRIER_SERIAL_THREAD)
            serial[r]++;
        else if (ret != 0)
            printf("unexpected %d\n", ret);
        saw_all[r] += arrived[r] == THREADS;
        pthread_mutex_unlock(&lock);
    }
    return NULL;
}

int main(void) {
    pthread_t t[THREADS];
    printf("init count 0: %s\n", pthread_barrier_init(&barrier, NULL, 0) == EINVAL ? "EINVAL" : "?");
    pthread_barrier_init(&barrier, NULL, THREADS);
    for (int i = 0; i < THREADS; i++)
        pthread_create(&t[i], NULL, worker, NULL);
    for (int i = 0; i < THREADS; i++)
        pthread_join(t[i], NULL);
    printf("init ran %d time(s); threads that saw it done: %d\n", init_calls, saw_init_done);
    pthread_once(&once, init);
    printf("after another pthread_once: %d\n", init_calls);
    for (int r = 0; r < ROUNDS; r++)
        printf("round %d: serial %d, saw all %d arrived: %d\n", r, serial[r], THREADS, saw_all[r]);
    printf("destroy: %d\n", pthread_barrier_destroy(&barrier));
    pthread_barrier_t one;
    pthread_barrier_init(&one, NULL, 1);
    printf("barrier of 1: %d %d\n", pthread_barrier_wait(&one), pthread_barrier_wait(&one));
    return 0;
}
