// sprintf and snprintf: return values, truncation, measuring with snprintf(NULL, 0, ...), building text.
#include <stdio.h>
#include <string.h>
#include <stdlib.h>

int main(void) {
    char buf[64];
    int n = sprintf(buf, "pid=%d name=%s", 1234, "bash");
    printf("sprintf wrote %d: [%s]\n", n, buf);

    char small[8];
    n = snprintf(small, sizeof small, "%s", "truncated text");
    printf("snprintf returned %d, buffer [%s] (strlen %zu)\n", n, small, strlen(small));
    n = snprintf(small, sizeof small, "%d", 1234567);
    printf("exactly fits: %d [%s]\n", n, small);
    n = snprintf(small, 1, "abc");
    printf("size 1: %d [%s]\n", n, small);
    memcpy(small, "XXXXXXX", 8);
    n = snprintf(small, 0, "abc");
    printf("size 0 leaves buffer alone: %d [%s]\n", n, small);

    int needed = snprintf(NULL, 0, "%s-%05d-%.2f", "job", 42, 3.14159);
    char *exact = malloc(needed + 1);
    snprintf(exact, needed + 1, "%s-%05d-%.2f", "job", 42, 3.14159);
    printf("measured %d: [%s]\n", needed, exact);
    free(exact);

    char line[128] = "";
    size_t used = 0;
    for (int i = 0; i < 5; i++) used += sprintf(line + used, "%s%d", i ? "," : "", i * i);
    printf("built: [%s] length %zu\n", line, used);

    char table[256];
    int off = 0;
    const char *names[] = {"init", "kthreadd", "systemd-journal"};
    for (int i = 0; i < 3; i++) off += snprintf(table + off, sizeof table - off, "%-10.10s|%5d\n", names[i], (i + 1) * 100);
    fputs(table, stdout);
    n = sprintf(buf, "%c%c%c", 'a', 0, 'b');
    printf("embedded NUL: returned %d, strlen %zu\n", n, strlen(buf));
    n = sprintf(buf, "%s", "");
    printf("empty: %d\n", n);
    return 0;
}
