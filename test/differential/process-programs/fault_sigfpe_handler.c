// Integer division by zero raises SIGFPE; a handler installed with signal() runs, prints with
// write() and ends the process with _exit(4). The handler's siginfo says FPE_INTDIV.
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static void on_fpe(int sig, siginfo_t *info, void *context) {
    (void)context;
    const char msg[] = "handler: caught SIGFPE\n";
    write(1, msg, sizeof msg - 1);
    if (info->si_signo == SIGFPE && info->si_code == FPE_INTDIV) {
        const char div[] = "handler: si_code is FPE_INTDIV\n";
        write(1, div, sizeof div - 1);
    }
    _exit(sig == SIGFPE ? 4 : 1);
}

int main(int argc, char **argv) {
    (void)argv;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_fpe;
    sa.sa_flags = SA_SIGINFO;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGFPE, &sa, NULL);
    volatile int zero = argc - 1;
    printf("main: dividing by zero\n");
    fflush(stdout);
    int q = 10 / zero;
    printf("main: not reached %d\n", q);
    return 0;
}
