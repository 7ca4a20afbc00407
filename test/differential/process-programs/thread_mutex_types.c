// Mutex types: a recursive mutex counts its owner's locks and stays held until as many unlocks; an
// error-checking mutex refuses a second lock by its owner (EDEADLK) and an unlock by another thread
// (EPERM); a normal one held by the caller makes trylock EBUSY. A held mutex cannot be destroyed.
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static pthread_mutex_t rec, err;

static const char *name(int e) {
    switch (e) {
    case 0: return "0";
    case EBUSY: return "EBUSY";
    case EDEADLK: return "EDEADLK";
    case EPERM: return "EPERM";
    case EINVAL: return "EINVAL";
    default: return strerror(e);
    }
}

static void *other(void *arg) {
    (void)arg;
    printf("other: trylock recursive held by main: %s\n", name(pthread_mutex_trylock(&rec)));
    printf("other: unlock recursive held by main: %s\n", name(pthread_mutex_unlock(&rec)));
    printf("other: unlock errorcheck held by main: %s\n", name(pthread_mutex_unlock(&err)));
    return NULL;
}

static int released; // set by main just before its last unlock of rec
static int taker_lock, taker_saw_released, taker_unlock;

static void *taker(void *arg) {
    (void)arg;
    taker_lock = pthread_mutex_lock(&rec);
    taker_saw_released = released;
    taker_unlock = pthread_mutex_unlock(&rec);
    return NULL;
}

int main(void) {
    pthread_mutexattr_t attr;
    pthread_t t;
    int type;

    pthread_mutexattr_init(&attr);
    printf("settype 7: %s\n", name(pthread_mutexattr_settype(&attr, 7)));
    pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_RECURSIVE);
    pthread_mutexattr_gettype(&attr, &type);
    printf("gettype: %d (recursive %d)\n", type, PTHREAD_MUTEX_RECURSIVE);
    pthread_mutex_init(&rec, &attr);
    pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_ERRORCHECK);
    pthread_mutex_init(&err, &attr);
    pthread_mutexattr_destroy(&attr);

    printf("recursive: lock %s\n", name(pthread_mutex_lock(&rec)));
    printf("recursive: lock again %s\n", name(pthread_mutex_lock(&rec)));
    printf("recursive: trylock %s\n", name(pthread_mutex_trylock(&rec)));
    printf("errorcheck: lock %s\n", name(pthread_mutex_lock(&err)));
    printf("errorcheck: lock again %s\n", name(pthread_mutex_lock(&err)));
    printf("errorcheck: trylock %s\n", name(pthread_mutex_trylock(&err)));
    fflush(stdout);
    pthread_create(&t, NULL, other, NULL);
    pthread_join(t, NULL);

    printf("recursive: destroy while held %s\n", name(pthread_mutex_destroy(&rec)));
    printf("recursive: unlock %s\n", name(pthread_mutex_unlock(&rec)));
    printf("recursive: unlock %s\n", name(pthread_mutex_unlock(&rec)));
    fflush(stdout);
    // Still held once: another thread cannot take it before the last unlock.
    pthread_create(&t, NULL, taker, NULL);
    sleep(1);
    released = 1;
    printf("recursive: last unlock %s\n", name(pthread_mutex_unlock(&rec)));
    pthread_join(t, NULL);
    printf("taker: lock %s after the last unlock: %d, unlock %s\n", name(taker_lock), taker_saw_released, name(taker_unlock));
    printf("recursive: unlock when free %s\n", name(pthread_mutex_unlock(&rec)));

    printf("errorcheck: unlock %s\n", name(pthread_mutex_unlock(&err)));
    printf("errorcheck: unlock when free %s\n", name(pthread_mutex_unlock(&err)));
    printf("errorcheck: destroy %s\n", name(pthread_mutex_destroy(&err)));
    printf("errorcheck: lock after destroy %s\n", name(pthread_mutex_lock(&err)));

    pthread_mutex_t normal = PTHREAD_MUTEX_INITIALIZER;
    pthread_mutex_t rec2 = PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP;
    printf("normal: lock %s\n", name(pthread_mutex_lock(&normal)));
    printf("normal: trylock %s\n", name(pthread_mutex_trylock(&normal)));
    printf("normal: destroy while held %s\n", name(pthread_mutex_destroy(&normal)));
    printf("normal: unlock %s\n", name(pthread_mutex_unlock(&normal)));
    printf("normal: destroy %s\n", name(pthread_mutex_destroy(&normal)));
    printf("static recursive: lock %s\n", name(pthread_mutex_lock(&rec2)));
    printf("static recursive: lock again %s\n", name(pthread_mutex_lock(&rec2)));
    return 0;
}
