// Unsigned arithmetic is modular, and mixing signed with unsigned converts the signed side first.
#include <stdio.h>
#include <stddef.h>

int main(void) {
    unsigned int zero = 0;
    printf("0u - 1 = %u\n", zero - 1);
    unsigned int u = 4000000000u;
    printf("4000000000u + 500000000u = %u\n", u + 500000000u);
    printf("4000000000u * 3 = %u\n", u * 3);
    printf("4000000000u / 7 = %u, %% 7 = %u\n", u / 7, u % 7);

    int minus_one = -1;
    unsigned int one = 1;
    if (minus_one < one) printf("-1 < 1u\n");
    else printf("-1 >= 1u: -1 becomes %u\n", (unsigned)minus_one);
    long lminus = -1;
    if (lminus < one) printf("-1L < 1u (long holds every unsigned int)\n");

    size_t n = 3;
    int i = -1;
    if (i < n) printf("-1 < (size_t)3\n");
    else printf("-1 >= (size_t)3\n");

    unsigned char uc = 250;
    uc += 10;
    printf("unsigned char 250 + 10 = %u\n", uc);
    unsigned short us = 0;
    us--;
    printf("unsigned short 0 - 1 = %u\n", us);

    unsigned long long ull = 0;
    ull--;
    printf("unsigned long long 0 - 1 = %llu\n", ull);
    printf("as hex = %llx\n", ull);

    unsigned int x = 0x12345678;
    unsigned int rotated = (x << 8) | (x >> 24);
    printf("rotate left 8 = %#x\n", rotated);
    printf("negate 5u = %u\n", -5u);
    printf("(unsigned)-5 / 2 = %u\n", (unsigned)-5 / 2);

    unsigned sum = 0;
    for (unsigned k = 10; k < 20; k--) sum += k;
    printf("countdown sum = %u\n", sum);
    return 0;
}
