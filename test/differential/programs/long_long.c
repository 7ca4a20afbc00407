// 64-bit arithmetic: long and long long, their overflow, mixing with 32-bit values, unsigned 64-bit.
#include <stdio.h>

static unsigned long long fnv1a(const char *s) {
    unsigned long long h = 14695981039346656037ULL;
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 1099511628211ULL;
    }
    return h;
}

static long long power(long long base, int exp) {
    long long r = 1;
    while (exp-- > 0) r *= base;
    return r;
}

int main(void) {
    int a = 100000, b = 100000;
    long long wrong = a * b;
    long long right = (long long)a * b;
    printf("int * int then widened = %lld, widened first = %lld\n", wrong, right);
    for (int e = 10; e <= 70; e += 10) printf("3^%d = %lld\n", e, power(3, e));
    printf("fnv1a(\"fork\") = %016llx\n", fnv1a("fork"));
    printf("fnv1a(\"exec\") = %llu\n", fnv1a("exec"));
    unsigned long long u = 0xFFFFFFFFFFFFFFFFULL;
    printf("u / 3 = %llu, u %% 1000 = %llu, u >> 1 = %llu\n", u / 3, u % 1000, u >> 1);
    long long neg = -9223372036854775807LL - 1;
    printf("min / -1 is undefined, min / 2 = %lld, min %% 7 = %lld\n", neg / 2, neg % 7);
    long l = 1234567890123L;
    int truncated = (int)l;
    printf("(int)%ld = %d\n", l, truncated);
    unsigned int ui = 4000000000u;
    long long mixed = ui + 1LL;
    printf("unsigned + 1LL = %lld\n", mixed);
    long long diff = 5u - 10LL;
    printf("5u - 10LL = %lld\n", diff);
    unsigned long long mixed2 = 5LL - 10ULL;
    printf("5LL - 10ULL = %llu\n", mixed2);
    long double_to = (long)1e18 + 1;
    printf("from double: %ld, to double: %.1f\n", double_to, (double)double_to);
    printf("comparison -1LL < 0ULL: %d\n", -1LL < 0ULL);
    long fact = 1;
    for (int i = 1; i <= 25; i++) fact *= i;
    printf("25! wrapped = %ld\n", fact);
    return 0;
}
