// TLPI 25.4: write(2) output comes first, then printf's buffered "Hello world" twice (once per process) on a pipe.
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    printf("Hello world\n");
    write(STDOUT_FILENO, "Ciao\n", 5);
    if (fork() != 0) wait(NULL);
    exit(EXIT_SUCCESS);
}
