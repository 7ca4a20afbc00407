// POSIX_SPAWN_SETSIGMASK and POSIX_SPAWN_SETSIGDEF, seen in a spawned /bin/sleep by how signals end
// it. A blocked SIGUSR1 stays pending, so the SIGTERM sent after it is what kills; an unblocked one
// kills first. A signal the parent ignores stays ignored across the exec unless SETSIGDEF resets it;
// one it catches is back at SIG_DFL in the child whatever the flags. posix_spawn returns once the child
// has exec'd, so the signals find sleep running with the mask and dispositions it was given.
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

/* Spawns sleep with attr, sends first then SIGTERM, and tells which signal ended it. */
static void try(const char *what, const posix_spawnattr_t *attr, int first) {
    char *argv[] = { "sleep", "10", NULL };
    pid_t pid;
    int status;
    int r = posix_spawn(&pid, "/bin/sleep", NULL, attr, argv, environ);
    kill(pid, first);
    kill(pid, SIGTERM);
    waitpid(pid, &status, 0);
    printf("%s: posix_spawn %d, killed by %s\n", what, r, WIFSIGNALED(status) ? strsignal(WTERMSIG(status)) : "nothing");
}

static void on_usr1(int sig) { (void)sig; }

int main(void) {
    posix_spawnattr_t attr;
    sigset_t set;

    posix_spawnattr_init(&attr);
    try("no attributes, SIGUSR1", &attr, SIGUSR1);

    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    posix_spawnattr_setsigmask(&attr, &set);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK);
    try("SETSIGMASK [USR1], SIGUSR1", &attr, SIGUSR1);

    // Without SETSIGMASK the child has the caller's mask.
    sigprocmask(SIG_BLOCK, &set, NULL);
    posix_spawnattr_setflags(&attr, 0);
    try("caller blocks USR1, SIGUSR1", &attr, SIGUSR1);
    sigemptyset(&set);
    posix_spawnattr_setsigmask(&attr, &set);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK);
    try("caller blocks USR1, SETSIGMASK [], SIGUSR1", &attr, SIGUSR1);
    sigaddset(&set, SIGUSR1);
    sigprocmask(SIG_UNBLOCK, &set, NULL);

    signal(SIGUSR2, SIG_IGN);
    posix_spawnattr_setflags(&attr, 0);
    try("caller ignores USR2, SIGUSR2", &attr, SIGUSR2);
    sigemptyset(&set);
    sigaddset(&set, SIGUSR2);
    posix_spawnattr_setsigdefault(&attr, &set);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGDEF);
    try("caller ignores USR2, SETSIGDEF [USR2], SIGUSR2", &attr, SIGUSR2);

    signal(SIGUSR1, on_usr1);
    posix_spawnattr_setflags(&attr, 0);
    try("caller catches USR1, SIGUSR1", &attr, SIGUSR1);
    posix_spawnattr_destroy(&attr);
    return 0;
}
