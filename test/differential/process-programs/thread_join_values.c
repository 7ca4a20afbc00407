// pthread_join hands back what the thread's function returned, or what it passed to pthread_exit.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static void *square(void *arg) {
    long n = (long)arg;
    return (void *)(n * n);
}

static void *leave_early(void *arg) {
    long *result = malloc(sizeof *result);
    *result = (long)arg + 1000;
    pthread_exit(result);
    return NULL; // not reached
}

int main(void) {
    pthread_t t[5];
    for (long i = 0; i < 5; i++)
        pthread_create(&t[i], NULL, square, (void *)i);
    for (int i = 0; i < 5; i++) {
        void *r;
        pthread_join(t[i], &r);
        printf("thread %d returned %ld\n", i, (long)r);
    }
    pthread_t e;
    pthread_create(&e, NULL, leave_early, (void *)7);
    void *r;
    int err = pthread_join(e, &r);
    printf("pthread_exit value: %ld (join returned %d)\n", *(long *)r, err);
    free(r);
    printf("pthread_equal(self, self): %d\n", pthread_equal(pthread_self(), pthread_self()));
    printf("pthread_equal(self, joined thread): %d\n", pthread_equal(pthread_self(), e));
    return 0;
}
