// Bitwise operators: masks, setting/clearing/toggling bits, counting bits, parity, xor tricks.
#include <stdio.h>

static int popcount(unsigned x) {
    int n = 0;
    while (x) {
        x &= x - 1;
        n++;
    }
    return n;
}

static void print_binary(unsigned x, int bits) {
    for (int i = bits - 1; i >= 0; i--) putchar((x >> i) & 1 ? '1' : '0');
    putchar('\n');
}

#define FLAG_READ 0x4
#define FLAG_WRITE 0x2
#define FLAG_EXEC 0x1

int main(void) {
    unsigned flags = 0;
    flags |= FLAG_READ | FLAG_EXEC;
    printf("flags = %u, can write? %d, can exec? %d\n", flags, !!(flags & FLAG_WRITE), !!(flags & FLAG_EXEC));
    flags ^= FLAG_WRITE;
    flags &= ~FLAG_EXEC;
    printf("flags = %u\n", flags);
    unsigned vals[] = {0, 1, 7, 255, 0x80000000u, 0xFFFFFFFFu, 0xDEADBEEFu};
    for (int i = 0; i < 7; i++) printf("popcount(%#x) = %d\n", vals[i], popcount(vals[i]));
    print_binary(0xA5, 8);
    print_binary(~0xA5u & 0xFF, 8);
    print_binary((unsigned)-6, 16);
    int a = 12, b = 10;
    printf("a&b=%d a|b=%d a^b=%d ~a=%d\n", a & b, a | b, a ^ b, ~a);
    a ^= b;
    b ^= a;
    a ^= b;
    printf("xor swap: a=%d b=%d\n", a, b);
    unsigned x = 40;
    printf("lowest set bit of 40 = %u, power of two? %d %d\n", x & -x, (x & (x - 1)) == 0, (64u & 63u) == 0);
    unsigned ip = (192u << 24) | (168u << 16) | (1u << 8) | 42u;
    printf("ip %u.%u.%u.%u\n", ip >> 24, (ip >> 16) & 0xFF, (ip >> 8) & 0xFF, ip & 0xFF);
    int status = (3 << 8) | 0;
    printf("exit status encoded %#x -> %d\n", status, (status >> 8) & 0xff);
    unsigned long long big = 0x0123456789ABCDEFULL, swapped = 0;
    for (int i = 0; i < 8; i++) swapped |= ((big >> (8 * i)) & 0xFF) << (56 - 8 * i);
    printf("bytes swapped: %016llx\n", swapped);
    return 0;
}
