// RUSAGE_CHILDREN: zero before the parent has waited for any child (even while a child runs), then
// the CPU time of the children it has reaped, the same figures wait4 reported for each. The child
// burns CPU until its own RUSAGE_SELF shows some; times are compared, never printed.
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

static int is_zero(const struct rusage *r) {
    return r->ru_utime.tv_sec == 0 && r->ru_utime.tv_usec == 0 && r->ru_stime.tv_sec == 0 &&
           r->ru_stime.tv_usec == 0 && r->ru_minflt == 0 && r->ru_majflt == 0 && r->ru_nvcsw == 0 &&
           r->ru_nivcsw == 0 && r->ru_maxrss == 0;
}

static long usec(struct timeval tv) {
    return tv.tv_sec * 1000000L + tv.tv_usec;
}

int main(void) {
    struct rusage r, child;
    int pipefd[2];
    char c;

    getrusage(RUSAGE_CHILDREN, &r);
    printf("before fork: RUSAGE_CHILDREN all zero: %d\n", is_zero(&r));
    fflush(stdout);
    pipe(pipefd);
    pid_t pid = fork();
    if (pid == 0) {
        volatile unsigned long x = 0;
        struct rusage self;
        do {
            for (int i = 0; i < 10000; i++) x += i;
            getrusage(RUSAGE_SELF, &self);
        } while (usec(self.ru_utime) + usec(self.ru_stime) == 0);
        read(pipefd[0], &c, 1); // until the parent has looked once more
        _exit(0);
    }
    getrusage(RUSAGE_CHILDREN, &r);
    printf("child running: RUSAGE_CHILDREN all zero: %d\n", is_zero(&r));
    write(pipefd[1], "x", 1);
    int status;
    wait4(pid, &status, 0, &child);
    printf("wait4's rusage: CPU time > 0: %d\n", usec(child.ru_utime) + usec(child.ru_stime) > 0);
    getrusage(RUSAGE_CHILDREN, &r);
    printf("after wait: RUSAGE_CHILDREN CPU time > 0: %d\n", usec(r.ru_utime) + usec(r.ru_stime) > 0);
    printf("after wait: RUSAGE_CHILDREN times equal wait4's: %d\n",
           usec(r.ru_utime) == usec(child.ru_utime) && usec(r.ru_stime) == usec(child.ru_stime));
    printf("microseconds below a second: %d\n", r.ru_utime.tv_usec < 1000000 && r.ru_stime.tv_usec < 1000000);
    return 0;
}
