// A recursive process tree of depth 3: each node waits for its 2 children and exits with its subtree's size.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define DEPTH 3

/* Runs one node: makes its children one at a time (so the output order is fixed) and returns the subtree size. */
static int grow(int depth, char *path) {
    int size = 1;
    if (depth < DEPTH) {
        for (int i = 0; i < 2; i++) {
            pid_t child = fork();
            if (child == 0) {
                // Each process has its own copy of path, so extending it here touches only the child's.
                sprintf(path + strlen(path), ".%d", i);
                exit(grow(depth + 1, path));
            }
            int status;
            waitpid(child, &status, 0);
            size += WEXITSTATUS(status);
        }
    }
    printf("%s: depth %d, subtree of %d processes\n", path, depth, size);
    // Flush now: a child's copy of an unflushed line would be printed again when that child exits.
    fflush(stdout);
    return size;
}

int main(void) {
    char path[64] = "root";
    int total = grow(0, path);
    printf("total processes: %d\n", total);
    return 0;
}
