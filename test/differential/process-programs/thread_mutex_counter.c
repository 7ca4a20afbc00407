// Four threads add to one counter under a mutex; joined, the total is exact (4 x 10000).
#include <pthread.h>
#include <stdio.h>

#define THREADS 4
#define ROUNDS 10000

static long counter;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static void *add(void *arg) {
    (void)arg;
    for (int i = 0; i < ROUNDS; i++) {
        pthread_mutex_lock(&lock);
        counter++;
        pthread_mutex_unlock(&lock);
    }
    return NULL;
}

int main(void) {
    pthread_t t[THREADS];
    for (int i = 0; i < THREADS; i++)
        pthread_create(&t[i], NULL, add, NULL);
    for (int i = 0; i < THREADS; i++)
        pthread_join(t[i], NULL);
    printf("counter = %ld (expected %d)\n", counter, THREADS * ROUNDS);
    printf("trylock on a free mutex: %d\n", pthread_mutex_trylock(&lock));
    printf("trylock on a held mutex is EBUSY: %d\n", pthread_mutex_trylock(&lock) == 16);
    pthread_mutex_unlock(&lock);
    printf("destroy: %d\n", pthread_mutex_destroy(&lock));
    return 0;
}
