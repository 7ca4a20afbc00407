// A producer and a consumer share a bounded buffer of 4 slots, guarded by a mutex and two condition
// variables. The consumer gets the 20 items in the order they were produced.
#include <pthread.h>
#include <stdio.h>

#define SLOTS 4
#define ITEMS 20

static int buffer[SLOTS];
static int count, head, tail;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t not_full = PTHREAD_COND_INITIALIZER;
static pthread_cond_t not_empty = PTHREAD_COND_INITIALIZER;

static void *producer(void *arg) {
    (void)arg;
    for (int i = 1; i <= ITEMS; i++) {
        pthread_mutex_lock(&lock);
        while (count == SLOTS)
            pthread_cond_wait(&not_full, &lock);
        buffer[tail] = i * i;
        tail = (tail + 1) % SLOTS;
        count++;
        pthread_cond_signal(&not_empty);
        pthread_mutex_unlock(&lock);
    }
    return NULL;
}

static void *consumer(void *arg) {
    long sum = 0;
    (void)arg;
    for (int i = 1; i <= ITEMS; i++) {
        pthread_mutex_lock(&lock);
        while (count == 0)
            pthread_cond_wait(&not_empty, &lock);
        int item = buffer[head];
        head = (head + 1) % SLOTS;
        count--;
        pthread_cond_signal(&not_full);
        pthread_mutex_unlock(&lock);
        printf("got %d\n", item);
        sum += item;
    }
    return (void *)sum;
}

int main(void) {
    pthread_t p, c;
    void *sum;
    pthread_create(&c, NULL, consumer, NULL);
    pthread_create(&p, NULL, producer, NULL);
    pthread_join(p, NULL);
    pthread_join(c, &sum);
    printf("sum = %ld\n", (long)sum);
    pthread_cond_broadcast(&not_empty);
    printf("destroy: %d %d\n", pthread_cond_destroy(&not_full), pthread_cond_destroy(&not_empty));
    return 0;
}
