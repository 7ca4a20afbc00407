// execl replaces the child's image with /bin/echo; the child's copy of the parent's unflushed stdio buffer is dropped.
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    printf("parent: buffered before fork, printed once\n");
    pid_t child = fork();
    if (child == 0) {
        execl("/bin/echo", "echo", "hi", "from", "echo", (char *)NULL);
        _exit(127);
    }
    int status;
    waitpid(child, &status, 0);
    printf("parent: echo exited with %d\n", WEXITSTATUS(status));
    return 0;
}
