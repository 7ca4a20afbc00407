// The simple output functions: puts adds a newline, fputs does not, putchar/putc/fputc write one byte.
#include <stdio.h>

int main(void) {
    puts("puts adds a newline");
    puts("");
    fputs("fputs does not", stdout);
    fputs(" ... until now\n", stdout);
    for (char c = 'a'; c <= 'e'; c++) putchar(c);
    putchar('\n');
    putc('X', stdout);
    fputc('Y', stdout);
    fputc('\n', stdout);
    int r = putchar('Z');
    printf(" putchar returned %d\n", r);
    r = puts("counted");
    printf("puts returned non-negative: %d\n", r >= 0);
    fputs("to stderr\n", stderr);
    fprintf(stderr, "fprintf to stderr %d\n", 2);
    fputc('!', stderr);
    fputc('\n', stderr);
    fprintf(stdout, "fprintf to stdout\n");
    putchar(200);
    putchar('\n');
    printf("%s", "no newline at the end");
    return 0;
}
