// setvbuf(_IOLBF) makes stdout line buffered even though it is a pipe: each '\n' sends the line out, so
// write(2) output lands right after the last complete line. (setvbuf must come before any output.)
#include <stdio.h>
#include <unistd.h>

int main(void) {
    static char buffer[BUFSIZ];
    setvbuf(stdout, buffer, _IOLBF, sizeof buffer);
    printf("line buffered: with newline\n");
    write(1, "[write A]\n", 10);
    printf("line buffered: no newline... ");
    write(1, "[write B]\n", 10);
    printf("now the newline\n");
    write(1, "[write C]\n", 10);
    printf("flushed by fflush without a newline ");
    fflush(stdout);
    write(1, "[write D]\n", 10);
    printf("left for exit to flush");
    return 0;
}
