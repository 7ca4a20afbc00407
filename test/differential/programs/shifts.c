// Shifts: left shifts of unsigned values drop bits, right shifts of negative ints are arithmetic (gcc).
#include <stdio.h>

int main(void) {
    for (int i = 0; i < 32; i += 5) printf("1 << %d = %d\n", i, 1 << i);
    printf("1u << 31 = %u\n", 1u << 31);
    printf("1LL << 40 = %lld\n", 1LL << 40);
    int neg = -100;
    printf("-100 >> 2 = %d\n", neg >> 2);
    printf("-1 >> 10 = %d\n", -1 >> 10);
    unsigned int un = 0x80000000u;
    printf("0x80000000u >> 4 = %#x\n", un >> 4);
    int sn = (int)0x80000000u;
    printf("(int)0x80000000 >> 4 = %#x\n", sn >> 4);
    unsigned char c = 0xF0;
    printf("(unsigned char)0xF0 << 4 = %#x (promoted to int)\n", c << 4);
    unsigned char d = c << 4;
    printf("stored back in unsigned char = %#x\n", d);
    int k = 3;
    int v = 5;
    v <<= k;
    printf("5 <<= 3 -> %d\n", v);
    v >>= 1;
    printf(">>= 1 -> %d\n", v);
    unsigned long long mask = ~0ULL >> 8;
    printf("~0ULL >> 8 = %llx\n", mask);
    long long sl = (long long)(1ULL << 63);
    printf("(long long)(1ULL << 63) = %lld\n", sl);
    return 0;
}
