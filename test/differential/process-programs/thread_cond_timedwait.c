// pthread_cond_timedwait with an absolute CLOCK_REALTIME time: with nobody to signal it returns
// ETIMEDOUT once the time has passed, holding the mutex again; a time already past times out at once;
// a bad tv_nsec is EINVAL; a signal before the time ends the wait with 0.
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

static pthread_mutex_t lock;
static pthread_cond_t cond = PTHREAD_COND_INITIALIZER;
static int ready;

static long ms_since(const struct timespec *t0) {
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    return (now.tv_sec - t0->tv_sec) * 1000 + (now.tv_nsec - t0->tv_nsec) / 1000000;
}

static const char *name(int e) {
    return e == 0 ? "0" : e == ETIMEDOUT ? "ETIMEDOUT" : e == EINVAL ? "EINVAL" : e == EPERM ? "EPERM" : "other";
}

static void *signaller(void *arg) {
    (void)arg;
    usleep(100000);
    pthread_mutex_lock(&lock);
    ready = 1;
    pthread_cond_signal(&cond);
    pthread_mutex_unlock(&lock);
    return NULL;
}

int main(void) {
    pthread_mutexattr_t attr;
    struct timespec t0, deadline;
    pthread_t t;
    int r;

    // An error-checking mutex tells whether the caller holds it (unlock is EPERM otherwise).
    pthread_mutexattr_init(&attr);
    pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_ERRORCHECK);
    pthread_mutex_init(&lock, &attr);

    pthread_mutex_lock(&lock);
    clock_gettime(CLOCK_REALTIME, &t0);
    deadline = t0;
    deadline.tv_nsec += 300000000;
    if (deadline.tv_nsec >= 1000000000) {
        deadline.tv_sec++;
        deadline.tv_nsec -= 1000000000;
    }
    r = pthread_cond_timedwait(&cond, &lock, &deadline);
    long waited = ms_since(&t0);
    printf("nobody signals: %s after at least 300 ms: %d (and less than 1 s: %d)\n", name(r), waited >= 300, waited < 1000);
    printf("the mutex is held again: unlock %s\n", name(pthread_mutex_unlock(&lock)));

    pthread_mutex_lock(&lock);
    deadline.tv_sec = t0.tv_sec - 10;
    clock_gettime(CLOCK_REALTIME, &t0);
    printf("a time in the past: %s", name(pthread_cond_timedwait(&cond, &lock, &deadline)));
    printf(" at once: %d\n", ms_since(&t0) < 100);
    deadline.tv_sec = -1;
    printf("a negative time: %s\n", name(pthread_cond_timedwait(&cond, &lock, &deadline)));
    deadline.tv_nsec = 1000000000;
    printf("tv_nsec 1000000000: %s\n", name(pthread_cond_timedwait(&cond, &lock, &deadline)));
    pthread_mutex_unlock(&lock);
    printf("without the mutex: %s\n", name(pthread_cond_timedwait(&cond, &lock, &t0)));

    pthread_create(&t, NULL, signaller, NULL);
    pthread_mutex_lock(&lock);
    clock_gettime(CLOCK_REALTIME, &t0);
    deadline = t0;
    deadline.tv_sec += 10;
    r = 0;
    while (!ready && r == 0)
        r = pthread_cond_timedwait(&cond, &lock, &deadline);
    printf("signalled after 100 ms: %s, ready %d, well before the 10 s: %d\n", name(r), ready, ms_since(&t0) < 5000);
    pthread_mutex_unlock(&lock);
    pthread_join(t, NULL);
    return 0;
}
