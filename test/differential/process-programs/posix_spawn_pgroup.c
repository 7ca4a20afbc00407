// POSIX_SPAWN_SETPGROUP puts the child in a process group: with 0 a group of its own (pgid == pid),
// with a pgid an existing group; without the flag it stays in the caller's. POSIX_SPAWN_SETSID (a GNU
// extension) makes it a session leader; with SETPGROUP too the setpgid fails (EPERM), and so does the
// spawn. getpgid and getsid are asked from the parent while the children sleep.
#define _GNU_SOURCE
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

static char *sleep_argv[] = { "sleep", "10", NULL };

static pid_t spawn_sleep(short flags, pid_t pgroup, int *r) {
    posix_spawnattr_t attr;
    pid_t pid = 0;
    posix_spawnattr_init(&attr);
    posix_spawnattr_setflags(&attr, flags);
    posix_spawnattr_setpgroup(&attr, pgroup);
    *r = posix_spawn(&pid, "/bin/sleep", NULL, &attr, sleep_argv, environ);
    posix_spawnattr_destroy(&attr);
    return pid;
}

static void end(pid_t pid) {
    kill(pid, SIGKILL);
    waitpid(pid, NULL, 0);
}

int main(void) {
    int r;
    pid_t plain = spawn_sleep(0, 0, &r);
    printf("no flags: %d, pgid is the caller's: %d, sid is the caller's: %d\n", r, getpgid(plain) == getpgrp(), getsid(plain) == getsid(0));

    pid_t leader = spawn_sleep(POSIX_SPAWN_SETPGROUP, 0, &r);
    printf("SETPGROUP 0: %d, pgid == its pid: %d\n", r, getpgid(leader) == leader);

    pid_t member = spawn_sleep(POSIX_SPAWN_SETPGROUP, leader, &r);
    printf("SETPGROUP leader's: %d, pgid == leader: %d, its own pid: %d\n", r, getpgid(member) == leader, getpgid(member) == member);

    pid_t session = spawn_sleep(POSIX_SPAWN_SETSID, 0, &r);
    printf("SETSID: %d, sid == its pid: %d, pgid == its pid: %d\n", r, getsid(session) == session, getpgid(session) == session);

    pid_t none = spawn_sleep(POSIX_SPAWN_SETSID | POSIX_SPAWN_SETPGROUP, 0, &r);
    printf("SETSID|SETPGROUP: %d (%s), pid untouched: %d\n", r, strerror(r), none == 0);

    // kill(-pgid) reaches the whole group the spawns made.
    kill(-leader, SIGTERM);
    int status;
    waitpid(leader, &status, 0);
    printf("leader: %s\n", strsignal(WTERMSIG(status)));
    waitpid(member, &status, 0);
    printf("member: %s\n", strsignal(WTERMSIG(status)));
    end(plain);
    end(session);
    return 0;
}
