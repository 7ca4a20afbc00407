// Threads share one descriptor table (pthread_create clones with CLONE_FILES): a descriptor a thread
// closes is closed for main too, and one it dup2s onto another number is main's as well.
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static int fds[2];

static void *worker(void *arg) {
    (void)arg;
    dup2(fds[1], 10);
    close(fds[1]);
    return NULL;
}

int main(void) {
    pipe(fds);
    pthread_t t;
    pthread_create(&t, NULL, worker, NULL);
    pthread_join(t, NULL);

    errno = 0;
    long w = write(fds[1], "x", 1);
    printf("write on the fd the thread closed: %ld, EBADF: %d\n", w, errno == EBADF);
    w = write(10, "yz", 2);
    char buf[4] = {0};
    long r = read(fds[0], buf, sizeof buf - 1);
    printf("write on the fd the thread dup2'd: %ld, read back %ld: %s\n", w, r, buf);
    return 0;
}
