// getrusage's EINVAL for a `who` other than RUSAGE_SELF, RUSAGE_CHILDREN and RUSAGE_THREAD (the
// kernel's RUSAGE_BOTH, -2, included) and EFAULT for a bad buffer; wait4's and wait3's errors, and
// what they leave of the rusage buffer: WNOHANG with nothing to report writes nothing, and a bad
// buffer gives EFAULT only after the child has been reaped.
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

static void show(const char *what, long r) {
    printf("%s = %ld%s%s\n", what, r, r < 0 ? " " : "", r < 0 ? strerror(errno) : "");
    errno = 0;
}

int main(void) {
    struct rusage ru;
    int status;
    int pipefd[2];
    char c;

    show("getrusage(RUSAGE_SELF)", getrusage(RUSAGE_SELF, &ru));
    show("getrusage(RUSAGE_CHILDREN)", getrusage(RUSAGE_CHILDREN, &ru));
    show("getrusage(RUSAGE_THREAD)", getrusage(RUSAGE_THREAD, &ru));
    show("getrusage(2)", getrusage(2, &ru));
    show("getrusage(-2)", getrusage(-2, &ru));
    show("getrusage(-3)", getrusage(-3, &ru));
    show("getrusage(RUSAGE_SELF, NULL)", getrusage(RUSAGE_SELF, NULL));
    show("getrusage(RUSAGE_SELF, (void *)1)", getrusage(RUSAGE_SELF, (struct rusage *)1));
    show("wait4(-1) with no child", wait4(-1, &status, 0, &ru));
    show("wait3 with no child", wait3(&status, 0, &ru));
    show("wait4 with a bad option", wait4(-1, &status, 0x100000, &ru));

    pipe(pipefd);
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        read(pipefd[0], &c, 1);
        _exit(4);
    }
    memset(&ru, 0x5a, sizeof ru);
    show("wait4(pid, WNOHANG) while the child runs", wait4(pid, &status, WNOHANG, &ru));
    printf("rusage left as it was: %d\n", ru.ru_minflt == 0x5a5a5a5a5a5a5a5aL && ru.ru_utime.tv_usec == 0x5a5a5a5a5a5a5a5aL);
    write(pipefd[1], "x", 1);
    long r = wait4(pid, &status, 0, (struct rusage *)8);
    printf("wait4 with a bad rusage: %ld %s\n", r, strerror(errno));
    errno = 0;
    printf("the status was still stored: WEXITSTATUS %d\n", WEXITSTATUS(status));
    show("the child was reaped all the same: wait4(pid)", wait4(pid, &status, 0, NULL));
    printf("sizeof(struct rusage) %zu\n", sizeof(struct rusage));
    return 0;
}
