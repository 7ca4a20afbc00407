// A thread other than main calls execve while main sleeps. Linux's de_thread kills every other thread
// of the process and the exec'ing thread takes over the leader's PID: the new program runs as the same
// process, and the parent's waitpid reports that PID with the new program's exit status.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static void *exec_echo(void *arg) {
    (void)arg;
    char pid[32];
    snprintf(pid, sizeof pid, "%d", (int)getpid());
    execl("/bin/echo", "echo", "from-a-thread", pid, (char *)NULL);
    return NULL;
}

int main(void) {
    int fds[2];
    pipe(fds);
    pid_t pid = fork();
    if (pid == 0) {
        dup2(fds[1], 1);
        close(fds[0]);
        close(fds[1]);
        pthread_t t;
        pthread_create(&t, NULL, exec_echo, NULL);
        sleep(5);
        printf("main was not killed by the exec\n");
        _exit(9);
    }
    close(fds[1]);
    char buf[128] = {0};
    size_t got = 0;
    long n;
    while ((n = read(fds[0], buf + got, sizeof buf - 1 - got)) > 0)
        got += (size_t)n;
    int status;
    pid_t reaped = waitpid(pid, &status, 0);
    char word[64];
    int printed_pid = 0;
    sscanf(buf, "%63s %d", word, &printed_pid);
    printf("echo printed: %s; its pid argument is the child's: %d\n", word, printed_pid == pid);
    printf("waitpid matched: %d, exited: %d, status %d\n", reaped == pid, WIFEXITED(status), WEXITSTATUS(status));
    return 0;
}
