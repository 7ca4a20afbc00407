// While system() waits, SIGCHLD is blocked: the shell's SIGCHLD stays pending and the handler runs only
// once system() has reaped the shell and restored the mask (its waitpid finds no child left). SIGINT and
// SIGQUIT are ignored only during the call: the caller's own dispositions are back afterwards.
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile sig_atomic_t sigchld_count;
static volatile sig_atomic_t sigchld_waitpid_echild;

static void on_sigchld(int sig)
{
    (void)sig;
    sigchld_count++;
    int saved = errno;
    if (waitpid(-1, NULL, WNOHANG) < 0 && errno == ECHILD)
        sigchld_waitpid_echild = 1;
    errno = saved;
}

static void on_sigint(int sig)
{
    (void)sig;
}

int main(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_sigchld;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGCHLD, &sa, NULL);
    sa.sa_handler = on_sigint;
    sigaction(SIGINT, &sa, NULL);

    int status = system("true");
    printf("system(\"true\"): %d\n", status);
    printf("SIGCHLD handler ran: %d time(s), its waitpid found no child: %d\n", (int)sigchld_count, (int)sigchld_waitpid_echild);

    struct sigaction now;
    sigaction(SIGINT, NULL, &now);
    printf("SIGINT handler restored: %d\n", now.sa_handler == on_sigint);
    sigaction(SIGQUIT, NULL, &now);
    printf("SIGQUIT default restored: %d\n", now.sa_handler == SIG_DFL);
    sigset_t mask;
    sigprocmask(SIG_SETMASK, NULL, &mask);
    printf("SIGCHLD blocked after: %d\n", sigismember(&mask, SIGCHLD));
    return 0;
}
