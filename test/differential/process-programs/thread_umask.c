// umask lives in the fs_struct, which threads share (CLONE_FS) and fork copies.
#include <pthread.h>
#include <stdio.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static void *set_umask(void *arg) {
    (void)arg;
    umask(077);
    return NULL;
}

int main(void) {
    umask(022);
    pthread_t t;
    pthread_create(&t, NULL, set_umask, NULL);
    pthread_join(t, NULL);
    mode_t seen = umask(022);
    printf("after the thread's umask(077), main's is %03o\n", (unsigned)seen);

    pid_t pid = fork();
    if (pid == 0) {
        umask(0777);
        _exit(0);
    }
    waitpid(pid, NULL, 0);
    printf("after the child's umask(0777), the parent's is %03o\n", (unsigned)umask(022));
    return 0;
}
