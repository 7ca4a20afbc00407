// goto (loops, breaking out of nested loops, cleanup paths), break/continue and every kind of loop.
#include <stdio.h>
#include <stdlib.h>

static int find_pair(int target, int *ia, int *ib) {
    for (int a = 1; a < 20; a++)
        for (int b = a; b < 20; b++)
            if (a * b == target) {
                *ia = a;
                *ib = b;
                goto found;
            }
    return 0;
found:
    return 1;
}

static int process(int fail_at) {
    int status = -1;
    char *first = malloc(16);
    if (fail_at == 1) goto out;
    char *second = malloc(16);
    if (fail_at == 2) goto free_first;
    printf("  all steps done\n");
    status = 0;
    free(second);
free_first:
    free(first);
    printf("  freed first\n");
    return status;
out:
    free(first);
    printf("  failed early\n");
    return status;
}

int main(void) {
    int i = 0;
loop:
    if (i < 5) {
        printf("goto loop %d\n", i);
        i++;
        goto loop;
    }
    int a, b;
    if (find_pair(91, &a, &b)) printf("91 = %d * %d\n", a, b);
    if (!find_pair(997, &a, &b)) printf("997 has no pair under 20\n");
    for (int f = 0; f <= 2; f++) {
        printf("process(%d):\n", f);
        printf("  -> %d\n", process(f));
    }

    int n = 0;
    while (1) {
        n++;
        if (n % 2 == 0) continue;
        if (n > 9) break;
        printf("odd %d\n", n);
    }
    int k = 10;
    do {
        printf("do-while runs once with k=%d\n", k);
    } while (k < 5);
    int x, y;
    for (x = 0, y = 10; x < y; x += 3, y -= 2) printf("x=%d y=%d\n", x, y);
    int sum = 0;
    for (int r = 0; r < 4; r++) {
        for (int c = 0; c < 4; c++) {
            if (c > r) break;
            if ((r + c) % 2) continue;
            sum += r * 10 + c;
        }
    }
    printf("nested sum = %d\n", sum);
    int comma = (printf("first "), printf("second "), 42);
    printf("comma = %d\n", comma);
    for (;;) {
        if (++n > 20) break;
    }
    printf("n = %d\n", n);
    return 0;
}
