// vfork shares memory and suspends the parent until the child _exits, so the parent sees the child's write.
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    int value = 1;
    pid_t child = vfork();
    if (child == 0) {
        // Only assignments and _exit are safe in a vfork child: it runs on the parent's memory.
        value = 42;
        _exit(0);
    }
    printf("parent: value after the vfork child ran: %d\n", value);
    int status;
    waitpid(child, &status, 0);
    printf("parent: child exited with %d\n", WEXITSTATUS(status));
    return 0;
}
