// APUE's orphaned process group: a child stops itself, then its parent, the group's only link to
// another group of the session, exits. The group is orphaned with a stopped member, so the kernel
// (kill_orphaned_pgrp) sends every member SIGHUP, then SIGCONT: the child's handler runs and it goes on.
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

static void on_hup(int sig) {
    const char msg[] = "child: SIGHUP received\n";
    if (sig == SIGHUP)
        write(1, msg, sizeof msg - 1);
}

int main(void) {
    int done[2];
    pipe(done);
    // A group of its own, as a job-control shell gives each job: the parent's parent is outside it.
    setpgid(0, 0);
    pid_t parent = getpid();
    pid_t child = fork();
    if (child == 0) {
        close(done[0]);
        signal(SIGHUP, on_hup);
        kill(getpid(), SIGSTOP);
        printf("child: continued, reparented: %d, same group: %d\n", getppid() != parent, getpgrp() == parent);
        exit(0);
    }
    close(done[1]);
    // Exit only once the child is stopped: waitpid with WUNTRACED reports the stop.
    int status;
    waitpid(child, &status, WUNTRACED);
    printf("parent: child stopped by signal %d, exiting\n", WSTOPSIG(status));
    fflush(stdout);
    _exit(0);
}
