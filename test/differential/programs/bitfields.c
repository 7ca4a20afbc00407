// Bit-fields: packed into ints, unsigned ones wrap at their width, signed ones are sign-extended.
#include <stdio.h>

struct flags {
    unsigned int readable : 1;
    unsigned int writable : 1;
    unsigned int executable : 1;
    unsigned int mode : 3;
    signed int delta : 4;
    unsigned int count : 7;
};

struct permissions {
    unsigned owner : 3, group : 3, other : 3;
};

struct wide {
    unsigned long long low : 40;
    unsigned long long high : 24;
};

int main(void) {
    struct flags f = {1, 0, 1, 5, -3, 100};
    printf("r=%u w=%u x=%u mode=%u delta=%d count=%u\n", f.readable, f.writable, f.executable, f.mode, f.delta, f.count);
    printf("sizeof(struct flags) = %zu\n", sizeof(struct flags));
    f.mode = 9;
    printf("mode = 9 stores %u\n", f.mode);
    f.delta = 7;
    f.delta++;
    printf("delta 7 + 1 = %d\n", f.delta);
    f.count = 127;
    f.count++;
    printf("count 127 + 1 = %u\n", f.count);
    f.writable = 2;
    printf("writable = 2 stores %u\n", f.writable);

    struct permissions p = {7, 5, 4};
    printf("mode %o%o%o, sizeof %zu\n", p.owner, p.group, p.other, sizeof p);
    p.group |= 2u;
    p.other &= ~4u;
    printf("after g+w o-r: %o%o%o\n", p.owner, p.group, p.other);

    struct wide w;
    w.low = 0xFFFFFFFFFFULL;
    w.high = 0xABCDEF;
    w.low++;
    printf("wide: low=%llx high=%llx sizeof=%zu\n", (unsigned long long)w.low, (unsigned long long)w.high, sizeof w);
    unsigned int total = f.readable + f.executable + f.mode;
    printf("arithmetic on bit-fields: %u\n", total);
    return 0;
}
