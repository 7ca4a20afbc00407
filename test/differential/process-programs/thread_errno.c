// errno is per thread: a failing call in one thread leaves the other's errno alone.
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static int thread_errno_after, thread_errno_at_start;

static void *fail(void *arg) {
    (void)arg;
    thread_errno_at_start = errno;
    close(-1);
    thread_errno_after = errno;
    return NULL;
}

int main(void) {
    pthread_t t;
    errno = 0;
    write(-5, "x", 1);
    int main_errno = errno;
    pthread_create(&t, NULL, fail, NULL);
    pthread_join(t, NULL);
    printf("thread: errno at start %d, after close(-1) %d (EBADF %d)\n", thread_errno_at_start, thread_errno_after, EBADF);
    printf("main: errno still %d (EBADF from its own write)\n", errno);
    printf("main's errno unchanged by the thread: %d\n", errno == main_errno);
    return 0;
}
