// printf's %s and %c: width, precision, justification and '*'.
#include <stdio.h>

int main(void) {
    const char *words[] = {"", "a", "fork", "process", "supercalifragilistic"};
    for (int i = 0; i < 5; i++) {
        const char *w = words[i];
        printf("[%s] [%10s] [%-10s] [%.3s] [%10.3s] [%-10.3s] [%.0s] [%*s] [%-*s] [%.*s]\n",
               w, w, w, w, w, w, w, 8, w, 8, w, 2, w);
    }
    char name[] = {'a', 'b', 'c', 'd', 'e'};
    printf("precision stops before a missing NUL: [%.5s]\n", name);
    printf("[%s]\n", "embedded\tTAB and \"quotes\" and \\backslash");
    printf("%s %s %s\n", "one", "two", "three");
    printf("%5s|%-5s|%5.1s|\n", "xy", "xy", "xy");
    printf("%c%c%c%c\n", 'f', 'o', 'r', 'k');
    printf("null string: %s\n", (char *)NULL);
    printf("%-3c|%3c|\n", 'L', 'R');
    printf("%s\n", "");
    printf("%%s of a longer text: %s\n", "The kernel keeps a process control block for every process in the system, including its state, PID, and registers.");
    return 0;
}
