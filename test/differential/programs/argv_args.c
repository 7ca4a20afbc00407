// ARGS: first second 42 -7 --flag=value
// argc and argv: every argument as a string, argv[argc] is NULL, numbers parsed with atoi.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char *argv[]) {
    printf("argc = %d\n", argc);
    for (int i = 0; i < argc; i++) printf("argv[%d] = \"%s\" (length %zu)\n", i, argv[i], strlen(argv[i]));
    printf("argv[argc] is %s\n", argv[argc] == NULL ? "NULL" : "not NULL");
    int sum = 0;
    for (int i = 1; i < argc; i++) sum += atoi(argv[i]);
    printf("sum of numeric arguments = %d\n", sum);
    for (char **p = argv + 1; *p; p++)
        if (strncmp(*p, "--", 2) == 0) printf("option %s\n", *p + 2);
    const char *prog = strrchr(argv[0], '/');
    printf("program name: %s\n", prog ? prog + 1 : argv[0]);
    argv[1][0] = 'F';
    printf("arguments are writable: %s\n", argv[1]);
    return argc;
}
