// waitpid by pid reaps children in the order asked; WEXITSTATUS keeps only the low 8 bits of the exit code.
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    int codes[5] = {0, 1, 42, 256, -1};
    pid_t pids[5];
    for (int i = 0; i < 5; i++) {
        pids[i] = fork();
        if (pids[i] == 0) exit(codes[i]);
    }
    // Reap in reverse order of creation, whatever order the children finished in.
    for (int i = 4; i >= 0; i--) {
        int status;
        pid_t reaped = waitpid(pids[i], &status, 0);
        printf("exit(%d): reaped the right pid %d, WIFEXITED %d, WEXITSTATUS %d, WIFSIGNALED %d\n", codes[i],
               reaped == pids[i], WIFEXITED(status), WEXITSTATUS(status), WIFSIGNALED(status));
    }
    int status;
    printf("no child left: waitpid(-1) returns %d\n", waitpid(-1, &status, 0));
    return 3;
}
