// A process whose main thread has ended (pthread_exit) is not over while another thread runs: its
// parent's waitpid(WNOHANG) still returns 0, and the blocking waitpid returns once the last thread ends.
#include <pthread.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

static void *late(void *arg) {
    (void)arg;
    usleep(400000);
    return NULL;
}

int main(void) {
    pid_t pid = fork();
    if (pid == 0) {
        pthread_t t;
        pthread_create(&t, NULL, late, NULL);
        pthread_exit(NULL); // the process goes on in `late`, then exits with status 0
    }
    usleep(100000);
    int status = -1;
    printf("WNOHANG while a thread still runs: %d\n", waitpid(pid, &status, WNOHANG));
    pid_t reaped = waitpid(pid, &status, 0);
    printf("waitpid matched: %d, WIFEXITED %d, WEXITSTATUS %d\n", reaped == pid, WIFEXITED(status), WEXITSTATUS(status));
    return 0;
}
