// Logical operators short-circuit, comparisons give int 0 or 1, and the conditional operator chooses.
#include <stdio.h>

static int calls;
static int noisy(int v) {
    calls++;
    printf("noisy(%d) ", v);
    return v;
}

int main(void) {
    int r = noisy(0) && noisy(1);
    printf("-> %d\n", r);
    r = noisy(1) && noisy(2);
    printf("-> %d\n", r);
    r = noisy(1) || noisy(0);
    printf("-> %d\n", r);
    r = noisy(0) || noisy(0) || noisy(3);
    printf("-> %d\n", r);
    printf("calls = %d\n", calls);
    printf("comparisons: %d %d %d %d %d %d\n", 3 < 4, 3 > 4, 3 <= 3, 3 >= 4, 3 == 3, 3 != 3);
    printf("negation: %d %d %d %d\n", !0, !1, !42, !!42);
    printf("(5 > 3) + (2 > 1) = %d\n", (5 > 3) + (2 > 1));
    for (int i = -2; i <= 2; i++) printf("%d is %s\n", i, i < 0 ? "negative" : i == 0 ? "zero" : "positive");
    int a = 5, b = 9;
    int *bigger = a > b ? &a : &b;
    *bigger = 0;
    printf("after zeroing the bigger: a=%d b=%d\n", a, b);
    const char *plural = calls == 1 ? "" : "s";
    printf("%d call%s\n", calls, plural);
    double mixed = 1 ? 1 : 2.5;
    printf("conditional type is double: %.1f, sizeof %zu\n", mixed, sizeof(1 ? 1 : 2.5));
    int x = 0;
    int y = (x++ > 0) ? x : -x;
    printf("x=%d y=%d\n", x, y);
    printf("precedence: %d %d %d\n", 1 + 2 * 3, (1 + 2) * 3, 1 < 2 == 1);
    printf("pointer truth: %d %d\n", !(char *)0, !!"text");
    return 0;
}
