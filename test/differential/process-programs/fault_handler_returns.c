// A SIGSEGV handler that returns goes back to the faulting instruction, which faults again: the
// handler runs once per attempt. This one counts the attempts and ends the process on the third.
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

static volatile sig_atomic_t attempts;

static void on_segv(int sig) {
    (void)sig;
    attempts++;
    char line[] = "handler: attempt 0\n";
    line[sizeof line - 3] = (char)('0' + attempts);
    write(1, line, sizeof line - 1);
    if (attempts == 3)
        _exit(attempts);
}

int main(void) {
    signal(SIGSEGV, on_segv);
    volatile int *nowhere = NULL;
    *nowhere = 1;
    printf("main: not reached\n");
    return 0;
}
