// Thread-specific data: each thread sees its own value for a key; at the thread's end (return or
// pthread_exit) the key's destructor gets the value, unless it is NULL; a destructor that sets a value
// again is called again, up to PTHREAD_DESTRUCTOR_ITERATIONS rounds; the main thread's return from
// main runs no destructor. A deleted key is EINVAL, and a key created in its place reads NULL.
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static pthread_key_t name_key, again_key, null_key;
static int again_calls;

static void free_name(void *value) {
    printf("destructor: %s\n", (char *)value);
    free(value);
}

static void set_again(void *value) {
    again_calls++;
    pthread_setspecific(again_key, value); // keeps coming back
}

static void never(void *value) {
    printf("never called: %p\n", value);
}

static void *worker(void *arg) {
    char *name = malloc(32);
    snprintf(name, 32, "value of thread %ld", (long)arg);
    printf("thread %ld: before set %p\n", (long)arg, pthread_getspecific(name_key));
    pthread_setspecific(name_key, name);
    pthread_setspecific(null_key, NULL);
    printf("thread %ld: get %s\n", (long)arg, (char *)pthread_getspecific(name_key));
    fflush(stdout);
    if ((long)arg == 2)
        pthread_exit(NULL);
    return NULL;
}

static void *looper(void *arg) {
    (void)arg;
    pthread_setspecific(again_key, &again_calls);
    return NULL;
}

int main(void) {
    pthread_t t;
    pthread_key_t k;

    printf("PTHREAD_KEYS_MAX %d, PTHREAD_DESTRUCTOR_ITERATIONS %d\n", PTHREAD_KEYS_MAX, PTHREAD_DESTRUCTOR_ITERATIONS);
    pthread_key_create(&name_key, free_name);
    pthread_key_create(&again_key, set_again);
    pthread_key_create(&null_key, never);
    pthread_setspecific(name_key, "main's value");
    for (long i = 1; i <= 2; i++) {
        pthread_create(&t, NULL, worker, (void *)i);
        pthread_join(t, NULL);
    }
    printf("main: get %s\n", (char *)pthread_getspecific(name_key));
    pthread_create(&t, NULL, looper, NULL);
    pthread_join(t, NULL);
    printf("destructor that sets again ran %d times\n", again_calls);

    printf("delete %d\n", pthread_key_delete(null_key));
    printf("delete again: %s\n", pthread_key_delete(null_key) == EINVAL ? "EINVAL" : "?");
    printf("setspecific on a deleted key: %s\n", pthread_setspecific(null_key, "x") == EINVAL ? "EINVAL" : "?");
    pthread_key_create(&k, NULL);
    pthread_setspecific(k, "old");
    pthread_key_delete(k);
    pthread_key_create(&k, NULL);
    printf("a key created in a deleted one's place reads %s\n", pthread_getspecific(k) == NULL ? "NULL" : "the old value");
    printf("setspecific on key %d: %s\n", PTHREAD_KEYS_MAX, pthread_setspecific(PTHREAD_KEYS_MAX, "x") == EINVAL ? "EINVAL" : "?");
    return 0;
}
