// wait3 and wait4: the pid and status as waitpid gives them (an exit code, a signal, a stop and a
// continue with WUNTRACED and WCONTINUED), with the child's resource usage filled in each time: a
// stopped or continued child's as it stands, an ended child's for good.
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

static int filled(const struct rusage *r) {
    return r->ru_utime.tv_usec >= 0 && r->ru_utime.tv_usec < 1000000 && r->ru_stime.tv_usec >= 0 &&
           r->ru_stime.tv_usec < 1000000 && r->ru_ixrss == 0 && r->ru_nswap == 0 && r->ru_maxrss >= 0;
}

int main(void) {
    struct rusage ru;
    int status;

    fflush(stdout);
    pid_t a = fork();
    if (a == 0) _exit(7);
    memset(&ru, 0xff, sizeof ru);
    pid_t r = wait3(&status, 0, &ru);
    printf("wait3: the child %d, WIFEXITED %d, WEXITSTATUS %d, rusage filled %d\n", r == a, WIFEXITED(status),
           WEXITSTATUS(status), filled(&ru));

    pid_t b = fork();
    if (b == 0) {
        for (;;) pause();
    }
    kill(b, SIGTERM);
    memset(&ru, 0xff, sizeof ru);
    r = wait4(b, &status, 0, &ru);
    printf("wait4(pid): the child %d, WIFSIGNALED %d, WTERMSIG %d, rusage filled %d\n", r == b,
           WIFSIGNALED(status), WTERMSIG(status), filled(&ru));

    pid_t c = fork();
    if (c == 0) {
        for (;;) pause();
    }
    kill(c, SIGSTOP);
    memset(&ru, 0xff, sizeof ru);
    r = wait4(c, &status, WUNTRACED, &ru);
    printf("wait4(WUNTRACED): the child %d, WIFSTOPPED %d, WSTOPSIG %d, rusage filled %d\n", r == c,
           WIFSTOPPED(status), WSTOPSIG(status), filled(&ru));
    kill(c, SIGCONT);
    memset(&ru, 0xff, sizeof ru);
    r = wait4(c, &status, WCONTINUED, &ru);
    printf("wait4(WCONTINUED): the child %d, WIFCONTINUED %d, rusage filled %d\n", r == c, WIFCONTINUED(status),
           filled(&ru));
    kill(c, SIGKILL);
    r = wait3(&status, 0, NULL);
    printf("wait3 with no rusage: the child %d, WTERMSIG %d\n", r == c, WTERMSIG(status));

    pid_t d = fork();
    if (d == 0) _exit(0);
    r = wait4(0, &status, 0, &ru);
    printf("wait4(0), the caller's group: the child %d, WEXITSTATUS %d\n", r == d, WEXITSTATUS(status));
    r = wait3(&status, WNOHANG, &ru);
    printf("wait3(WNOHANG) with no child left: %d\n", r);
    return 0;
}
