/*
 * hello.c - the first program.
 *
 * Run it:   npx forkscope run sample-programs/hello.c
 *
 * Every C program starts in main(). What main returns becomes the exit status of the process: 0 means
 * success. In a shell, `echo $?` right after the run shows it.
 */
#include <stdio.h>   /* declares printf */

int main(void) {
    printf("Hello, world!\n");   /* \n ends the line */
    return 0;
}
