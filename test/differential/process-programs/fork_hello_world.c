// printf("hello "); fork(); printf("world\n"); prints "hello world" twice: the unflushed "hello " is copied by fork.
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    printf("hello ");
    pid_t pid = fork();
    printf("world\n");
    if (pid != 0) wait(NULL);
    return 0;
}
