// malloc, calloc, realloc and free: a growing dynamic array, zeroed memory, copies that survive realloc.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct vec { int *items; size_t len, cap; };

static void push(struct vec *v, int x) {
    if (v->len == v->cap) {
        v->cap = v->cap ? v->cap * 2 : 1;
        v->items = realloc(v->items, v->cap * sizeof *v->items);
        printf("  grew to capacity %zu\n", v->cap);
    }
    v->items[v->len++] = x;
}

static char *join(const char *a, const char *b) {
    char *s = malloc(strlen(a) + strlen(b) + 2);
    if (s == NULL) return NULL;
    sprintf(s, "%s/%s", a, b);
    return s;
}

int main(void) {
    struct vec v = {NULL, 0, 0};
    for (int i = 0; i < 10; i++) push(&v, i * i);
    long sum = 0;
    for (size_t i = 0; i < v.len; i++) sum += v.items[i];
    printf("len %zu sum %ld last %d\n", v.len, sum, v.items[v.len - 1]);
    free(v.items);

    int *zeros = calloc(100, sizeof(int));
    int nonzero = 0;
    for (int i = 0; i < 100; i++) nonzero += zeros[i] != 0;
    printf("calloc nonzero count = %d\n", nonzero);
    free(zeros);

    char *path = join("/home", "student");
    printf("joined: %s\n", path);
    char *longer = realloc(path, 64);
    strcat(longer, "/projects");
    printf("after realloc: %s\n", longer);
    char *shorter = realloc(longer, 8);
    shorter[7] = '\0';
    printf("after shrink: %s\n", shorter);
    free(shorter);

    free(NULL);
    printf("free(NULL) is fine\n");
    char *fresh = realloc(NULL, 6);
    strcpy(fresh, "fresh");
    printf("realloc(NULL, n) works like malloc: %s\n", fresh);
    free(fresh);

    int **rows = malloc(4 * sizeof *rows);
    for (int r = 0; r < 4; r++) {
        rows[r] = malloc((r + 1) * sizeof **rows);
        for (int c = 0; c <= r; c++) rows[r][c] = (c == 0 || c == r) ? 1 : rows[r - 1][c - 1] + rows[r - 1][c];
    }
    for (int r = 0; r < 4; r++) {
        for (int c = 0; c <= r; c++) printf("%d ", rows[r][c]);
        printf("\n");
        free(rows[r]);
    }
    free(rows);

    void *blocks[50];
    for (int round = 0; round < 3; round++) {
        for (int i = 0; i < 50; i++) {
            blocks[i] = malloc(16 + i * 8);
            memset(blocks[i], i, 16 + i * 8);
        }
        int ok = 1;
        for (int i = 0; i < 50; i++) ok &= ((unsigned char *)blocks[i])[15 + i * 8] == i;
        for (int i = 0; i < 50; i++) free(blocks[i]);
        printf("round %d blocks intact: %d\n", round, ok);
    }
    void *huge = malloc((size_t)1 << 62);
    printf("absurd malloc returns %s\n", huge == NULL ? "NULL" : "memory");
    return 0;
}
