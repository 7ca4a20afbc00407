// A fault's signal cannot be ignored or blocked away: force_sig_fault resets SIG_IGN to the default
// and unblocks it, so the process dies of SIGSEGV all the same. A blocked handler is reset too.
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static void on_segv(int sig) {
    (void)sig;
    const char msg[] = "handler: must not run while SIGSEGV is blocked\n";
    write(1, msg, sizeof msg - 1);
    _exit(9);
}

static void report(const char *what, pid_t child) {
    int status;
    waitpid(child, &status, 0);
    printf("%s: WIFEXITED %d, WIFSIGNALED %d, WTERMSIG %d (%s)\n", what, WIFEXITED(status), WIFSIGNALED(status),
           WIFSIGNALED(status) ? WTERMSIG(status) : 0, WIFSIGNALED(status) ? strsignal(WTERMSIG(status)) : "-");
}

int main(void) {
    pid_t child = fork();
    if (child == 0) {
        signal(SIGSEGV, SIG_IGN);
        volatile int *nowhere = NULL;
        *nowhere = 1;
        _exit(0);
    }
    report("SIG_IGN", child);

    child = fork();
    if (child == 0) {
        signal(SIGSEGV, on_segv);
        sigset_t set;
        sigemptyset(&set);
        sigaddset(&set, SIGSEGV);
        sigprocmask(SIG_BLOCK, &set, NULL);
        volatile int *nowhere = NULL;
        *nowhere = 1;
        _exit(0);
    }
    report("blocked handler", child);
    return 0;
}
