// 4 threads add 2000 each to a counter under a spin lock: the total is exactly 8000. trylock on a
// held spin lock is EBUSY.
#include <errno.h>
#include <pthread.h>
#include <stdio.h>

static pthread_spinlock_t spin;
static long counter;

static void *adder(void *arg) {
    (void)arg;
    for (int i = 0; i < 2000; i++) {
        pthread_spin_lock(&spin);
        counter++;
        pthread_spin_unlock(&spin);
    }
    return NULL;
}

int main(void) {
    pthread_t t[4];
    pthread_spin_init(&spin, PTHREAD_PROCESS_PRIVATE);
    for (int i = 0; i < 4; i++)
        pthread_create(&t[i], NULL, adder, NULL);
    for (int i = 0; i < 4; i++)
        pthread_join(t[i], NULL);
    printf("counter = %ld\n", counter);
    printf("lock %d\n", pthread_spin_lock(&spin));
    printf("trylock held: %s\n", pthread_spin_trylock(&spin) == EBUSY ? "EBUSY" : "?");
    printf("unlock %d\n", pthread_spin_unlock(&spin));
    printf("trylock free: %d\n", pthread_spin_trylock(&spin));
    pthread_spin_unlock(&spin);
    printf("destroy %d\n", pthread_spin_destroy(&spin));
    return 0;
}
