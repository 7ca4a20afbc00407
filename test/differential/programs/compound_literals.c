// Compound literals: unnamed arrays and structs made on the spot, passed to functions, pointed to.
#include <stdio.h>

struct point { int x, y; };

static int sum(const int *xs, int n) {
    int s = 0;
    for (int i = 0; i < n; i++) s += xs[i];
    return s;
}

static void print_point(struct point p) { printf("(%d, %d)\n", p.x, p.y); }
static int manhattan(const struct point *p) { return (p->x < 0 ? -p->x : p->x) + (p->y < 0 ? -p->y : p->y); }

int main(void) {
    printf("sum = %d\n", sum((int[]){1, 2, 3, 4}, 4));
    print_point((struct point){3, 4});
    print_point((struct point){.y = -1});
    printf("manhattan = %d\n", manhattan(&(struct point){-5, 7}));
    int *p = (int[5]){[3] = 9};
    printf("p[3] = %d, p[0] = %d\n", p[3], p[0]);
    p[0] = 11;
    printf("modified p[0] = %d\n", p[0]);
    struct point pts[2];
    pts[0] = (struct point){1, 1};
    pts[1] = (struct point){pts[0].x + 1, 2};
    printf("pts: (%d,%d) (%d,%d)\n", pts[0].x, pts[0].y, pts[1].x, pts[1].y);
    const char *word = (const char *[]){"zero", "one", "two"}[2];
    printf("word = %s\n", word);
    printf("sizeof = %zu\n", sizeof (int[]){1, 2, 3});
    for (int i = 0; i < 3; i++) {
        struct point *q = &(struct point){i, i * i};
        printf("loop point %d %d\n", q->x, q->y);
    }
    return 0;
}
