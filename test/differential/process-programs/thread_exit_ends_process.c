// exit() in any thread ends the whole process: the main thread, blocked in pthread_join, never goes on.
// exit flushes stdio, so the main thread's buffered line appears; the status is the thread's.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static void *quit(void *arg) {
    (void)arg;
    printf("thread: calling exit(3)\n");
    exit(3);
}

static void *sleeper(void *arg) {
    (void)arg;
    for (;;)
        pause();
}

int main(void) {
    pthread_t s, q;
    printf("main: starting threads\n");
    pthread_create(&s, NULL, sleeper, NULL);
    pthread_create(&q, NULL, quit, NULL);
    pthread_join(s, NULL);
    printf("main: not reached\n");
    return 0;
}
