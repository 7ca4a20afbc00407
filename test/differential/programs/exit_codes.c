// ARGS: 300
// Only the low 8 bits of the exit status reach the parent: exit(300) is seen as 44.
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
    int code = argc > 1 ? atoi(argv[1]) : 0;
    printf("exiting with %d, the parent sees %d\n", code, code & 0xff);
    fprintf(stderr, "error message before exiting\n");
    exit(code);
}
