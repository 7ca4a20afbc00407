// Signed overflow wraps around as it does with gcc -O0 on x86-64 (two's complement), and conversions to
// narrower types keep the low bits.
#include <stdio.h>
#include <limits.h>

int main(void) {
    int big = INT_MAX;
    big = big + 1;
    printf("INT_MAX + 1 = %d\n", big);
    int small = INT_MIN;
    small = small - 1;
    printf("INT_MIN - 1 = %d\n", small);
    int m = INT_MIN;
    printf("-INT_MIN = %d\n", -m);
    printf("INT_MIN * -1 = %d\n", m * -1);

    int prod = 1;
    for (int i = 1; i <= 20; i++) prod *= i;
    printf("20! as int = %d\n", prod);

    int sq = 0;
    for (int i = 46340; i < 46345; i++) {
        sq = i * i;
        printf("%d^2 = %d\n", i, sq);
    }

    short s = 32767;
    s++;
    printf("short 32767 + 1 = %d\n", s);
    signed char c = 127;
    c++;
    printf("signed char 127 + 1 = %d\n", c);
    short t = (short)70000;
    printf("(short)70000 = %d\n", t);
    int from_long = (int)4294967297LL;
    printf("(int)4294967297 = %d\n", from_long);
    long long ll = LLONG_MAX;
    ll++;
    printf("LLONG_MAX + 1 = %lld\n", ll);

    int h = 0;
    const char *str = "the quick brown fox";
    for (const char *p = str; *p; p++) h = h * 31 + *p;
    printf("hash = %d\n", h);
    return 0;
}
