// setvbuf(_IONBF) makes stdout unbuffered: every printf reaches the file descriptor at once, in order
// with write(2). (setvbuf must come before any output.)
#include <stdio.h>
#include <unistd.h>

int main(void) {
    setvbuf(stdout, NULL, _IONBF, 0);
    printf("unbuffered ");
    write(1, "[write A]\n", 10);
    printf("each printf goes out at once\n");
    write(1, "[write B]\n", 10);
    putchar('x');
    write(1, "[write C]\n", 10);
    fprintf(stderr, "stderr is unbuffered by default\n");
    return 0;
}
