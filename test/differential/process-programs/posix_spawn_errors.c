// posix_spawn reports failure as an errno number, never -1: an exec that fails (ENOENT), and a file
// action that fails in the child (an open in a missing folder). The child that could not exec has
// been reaped already: waitpid(-1, WNOHANG) finds no child (ECHILD). Bad descriptors are refused when
// the action is added (EBADF), and setflags refuses an unknown flag (EINVAL). A scheduling attribute
// the child cannot set fails the spawn too.
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

static void no_zombie(const char *what) {
    errno = 0;
    pid_t w = waitpid(-1, NULL, WNOHANG);
    printf("%s: waitpid(-1, WNOHANG) = %d, errno ECHILD: %d\n", what, w, errno == ECHILD);
}

int main(void) {
    char *argv[] = { "missing", NULL };
    pid_t pid = 12345;

    int r = posix_spawn(&pid, "/no/such/program", NULL, NULL, argv, environ);
    printf("posix_spawn of a missing program: %d (%s), pid untouched: %d\n", r, strerror(r), pid == 12345);
    no_zombie("after ENOENT");

    r = posix_spawnp(&pid, "no-such-program-anywhere", NULL, NULL, argv, environ);
    printf("posix_spawnp of a missing program: %d (%s)\n", r, strerror(r));
    no_zombie("after posix_spawnp");

    // The open fails in the child, which exits 127 before it gets to exec.
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    printf("addopen: %d\n", posix_spawn_file_actions_addopen(&fa, 1, "/no-such-dir/out", O_WRONLY | O_CREAT | O_TRUNC, 0644));
    char *echo_argv[] = { "echo", "never printed", NULL };
    r = posix_spawn(&pid, "/bin/echo", &fa, NULL, echo_argv, environ);
    printf("posix_spawn with a failing addopen: %d (%s)\n", r, strerror(r));
    no_zombie("after the failing action");
    posix_spawn_file_actions_destroy(&fa);

    // A close of a descriptor that is not open is no error.
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addclose(&fa, 40);
    char *true_argv[] = { "true", NULL };
    r = posix_spawn(&pid, "/bin/true", &fa, NULL, true_argv, environ);
    int status;
    waitpid(pid, &status, 0);
    printf("addclose of a closed descriptor: %d, exit %d\n", r, WEXITSTATUS(status));
    // dup2 of a descriptor that is not open is EBADF, from the child.
    posix_spawn_file_actions_adddup2(&fa, 41, 1);
    r = posix_spawn(&pid, "/bin/true", &fa, NULL, true_argv, environ);
    printf("adddup2 of a closed descriptor: %d (%s)\n", r, strerror(r));
    posix_spawn_file_actions_destroy(&fa);

    // Descriptors that can never be valid are refused at once.
    posix_spawn_file_actions_init(&fa);
    printf("addclose(-1): %d, adddup2(-1, 1): %d, adddup2(1, INT_MAX): %d, addopen(-5): %d\n",
           posix_spawn_file_actions_addclose(&fa, -1), posix_spawn_file_actions_adddup2(&fa, -1, 1),
           posix_spawn_file_actions_adddup2(&fa, 1, INT_MAX),
           posix_spawn_file_actions_addopen(&fa, -5, "/dev/null", O_RDONLY, 0));
    // Many actions: the array grows.
    int i, ok = 0;
    for (i = 0; i < 20; i++)
        ok += posix_spawn_file_actions_addclose(&fa, 50 + i) == 0;
    r = posix_spawn(&pid, "/bin/true", &fa, NULL, true_argv, environ);
    waitpid(pid, &status, 0);
    printf("20 addclose: %d added, posix_spawn %d, exit %d\n", ok, r, WEXITSTATUS(status));
    posix_spawn_file_actions_destroy(&fa);

    posix_spawnattr_t attr;
    short flags = -1;
    posix_spawnattr_init(&attr);
    posix_spawnattr_getflags(&attr, &flags);
    printf("initial flags %d\n", flags);
    printf("setflags(0x100): %d (%s)\n", posix_spawnattr_setflags(&attr, 0x100), strerror(posix_spawnattr_setflags(&attr, 0x100)));
    printf("setflags(SETSIGMASK|SETPGROUP): %d\n", posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETPGROUP));
    posix_spawnattr_getflags(&attr, &flags);
    printf("flags now %#x\n", flags);
    sigset_t set, got;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR2);
    posix_spawnattr_setsigmask(&attr, &set);
    posix_spawnattr_getsigmask(&attr, &got);
    printf("sigmask has USR2: %d, USR1: %d\n", sigismember(&got, SIGUSR2), sigismember(&got, SIGUSR1));
    posix_spawnattr_setsigdefault(&attr, &set);
    posix_spawnattr_getsigdefault(&attr, &got);
    printf("sigdefault has USR2: %d\n", sigismember(&got, SIGUSR2));
    pid_t pg = -1;
    posix_spawnattr_setpgroup(&attr, 77);
    posix_spawnattr_getpgroup(&attr, &pg);
    printf("pgroup %d\n", pg);

    // The scheduling attributes: setschedpolicy takes POSIX's three policies only; a priority that
    // SCHED_OTHER does not have fails sched_setparam in the child (EINVAL).
    struct sched_param param = { 5 };
    posix_spawnattr_init(&attr);
    printf("setschedpolicy(SCHED_BATCH): %d\n", posix_spawnattr_setschedpolicy(&attr, SCHED_BATCH));
    posix_spawnattr_setschedparam(&attr, &param);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSCHEDPARAM);
    r = posix_spawn(&pid, "/bin/true", NULL, &attr, true_argv, environ);
    printf("SETSCHEDPARAM priority 5: %d (%s)\n", r, strerror(r));
    no_zombie("after the failing sched_setparam");
    param.sched_priority = 0;
    posix_spawnattr_setschedparam(&attr, &param);
    posix_spawnattr_setschedpolicy(&attr, SCHED_OTHER);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSCHEDPARAM | POSIX_SPAWN_SETSCHEDULER);
    r = posix_spawn(&pid, "/bin/true", NULL, &attr, true_argv, environ);
    waitpid(pid, &status, 0);
    printf("SETSCHEDULER SCHED_OTHER priority 0: %d, exit %d\n", r, WEXITSTATUS(status));
    posix_spawnattr_destroy(&attr);
    return 0;
}
