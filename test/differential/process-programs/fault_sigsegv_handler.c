// A SIGSEGV handler runs when the program writes through a null pointer (force_sig_fault queues the
// fault's signal and delivery runs the handler); it reports with write() and ends with _exit(3).
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static void on_segv(int sig) {
    const char msg[] = "handler: caught SIGSEGV\n";
    write(1, msg, sizeof msg - 1);
    _exit(sig == SIGSEGV ? 3 : 1);
}

int main(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_segv;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGSEGV, &sa, NULL);
    printf("main: about to write through a null pointer\n");
    fflush(stdout);
    volatile int *nowhere = NULL;
    *nowhere = 1;
    printf("main: not reached\n");
    return 0;
}
