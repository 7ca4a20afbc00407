// qsort with comparison callbacks for ints, strings and structs; bsearch in the sorted result.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct proc { int pid; int priority; const char *name; };

static int by_int(const void *a, const void *b) {
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

static int by_int_desc(const void *a, const void *b) { return by_int(b, a); }

static int by_string(const void *a, const void *b) {
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int by_priority_then_pid(const void *a, const void *b) {
    const struct proc *p = a, *q = b;
    if (p->priority != q->priority) return p->priority - q->priority;
    return p->pid - q->pid;
}

int main(void) {
    int xs[] = {42, -7, 19, 0, 3, 3, 100, -50, 8, 27};
    int n = sizeof xs / sizeof xs[0];
    qsort(xs, n, sizeof xs[0], by_int);
    for (int i = 0; i < n; i++) printf("%d ", xs[i]);
    printf("\n");
    int key = 19;
    int *hit = bsearch(&key, xs, n, sizeof xs[0], by_int);
    printf("bsearch 19 -> index %td\n", hit ? hit - xs : -1);
    key = 20;
    printf("bsearch 20 -> %s\n", bsearch(&key, xs, n, sizeof xs[0], by_int) ? "found" : "not found");
    qsort(xs, n, sizeof xs[0], by_int_desc);
    for (int i = 0; i < n; i++) printf("%d ", xs[i]);
    printf("\n");

    const char *words[] = {"waitpid", "fork", "exec", "exit", "clone", "kill", "getpid"};
    qsort(words, 7, sizeof words[0], by_string);
    for (int i = 0; i < 7; i++) printf("%s ", words[i]);
    printf("\n");

    struct proc procs[] = {{300, 2, "c"}, {100, 1, "a"}, {200, 2, "b"}, {50, 0, "z"}, {120, 1, "d"}};
    qsort(procs, 5, sizeof procs[0], by_priority_then_pid);
    for (int i = 0; i < 5; i++) printf("[%d pri %d %s] ", procs[i].pid, procs[i].priority, procs[i].name);
    printf("\n");

    int many[200];
    for (int i = 0; i < 200; i++) many[i] = (i * 7919) % 211;
    qsort(many, 200, sizeof(int), by_int);
    int sorted = 1;
    for (int i = 1; i < 200; i++) sorted &= many[i - 1] <= many[i];
    printf("200 sorted: %d, first %d last %d\n", sorted, many[0], many[199]);
    qsort(many, 0, sizeof(int), by_int);
    printf("qsort of nothing is fine\n");
    return 0;
}
