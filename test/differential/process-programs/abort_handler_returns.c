// abort() raises SIGABRT: a handler runs first, and when it returns, abort restores the default
// action and raises SIGABRT again, so the process still dies of it (status 134 from the shell).
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile sig_atomic_t calls;

static void on_abrt(int sig) {
    calls++;
    const char msg[] = "handler: caught SIGABRT, returning\n";
    if (sig == SIGABRT)
        write(1, msg, sizeof msg - 1);
}

int main(void) {
    pid_t child = fork();
    if (child == 0) {
        signal(SIGABRT, on_abrt);
        abort();
    }
    int status;
    waitpid(child, &status, 0);
    printf("child: WIFSIGNALED %d, WTERMSIG %d (%s)\n", WIFSIGNALED(status), WTERMSIG(status), strsignal(WTERMSIG(status)));
    fflush(stdout);
    // The same in this process, with SIGABRT blocked: abort unblocks it.
    signal(SIGABRT, on_abrt);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGABRT);
    sigprocmask(SIG_BLOCK, &set, NULL);
    abort();
}
