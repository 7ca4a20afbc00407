// errno, strerror and perror: messages as glibc writes them, perror going to stderr.
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <stdlib.h>

int main(void) {
    int codes[] = {0, EPERM, ENOENT, ESRCH, EINTR, EIO, E2BIG, ENOEXEC, EBADF, ECHILD, EAGAIN, ENOMEM, EACCES,
                   EFAULT, EEXIST, ENOTDIR, EISDIR, EINVAL, EMFILE, ENOSPC, ESPIPE, EPIPE, EDOM, ERANGE, ENOSYS};
    int n = sizeof codes / sizeof codes[0];
    for (int i = 0; i < n; i++) printf("%2d %s\n", codes[i], strerror(codes[i]));
    printf("unknown: %s\n", strerror(9999));

    errno = 0;
    strtol("99999999999999999999", NULL, 10);
    printf("errno after overflow = %d (%s)\n", errno, errno == ERANGE ? "ERANGE" : "?");
    perror("strtol");
    errno = ECHILD;
    perror("waitpid");
    errno = ENOENT;
    perror("");
    errno = EAGAIN;
    perror(NULL);
    errno = 0;
    perror("no error");
    printf("stdout line after perror calls\n");
    errno = EINVAL;
    fprintf(stderr, "custom: %s\n", strerror(errno));
    return 0;
}
