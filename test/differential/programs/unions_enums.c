// Unions share storage (reading another member reinterprets the bytes); enums are named ints; typedef
// names types.
#include <stdio.h>
#include <stdint.h>

typedef enum { READY, RUNNING, BLOCKED = 5, ZOMBIE, DEAD = -1 } state_t;
enum color { RED = 'r', GREEN = 'g' };

typedef union {
    float f;
    uint32_t bits;
    unsigned char bytes[4];
} float_bits;

typedef struct {
    enum { INT_VALUE, TEXT_VALUE } kind;
    union {
        int number;
        const char *text;
    } as;
} value;

typedef unsigned long ulong;
typedef int (*binary_op)(int, int);
typedef int vector3[3];

static const char *state_name(state_t s) {
    switch (s) {
    case READY: return "READY";
    case RUNNING: return "RUNNING";
    case BLOCKED: return "BLOCKED";
    case ZOMBIE: return "ZOMBIE";
    case DEAD: return "DEAD";
    }
    return "?";
}

static void print_value(value v) {
    if (v.kind == INT_VALUE) printf("int %d\n", v.as.number);
    else printf("text %s\n", v.as.text);
}

int main(void) {
    for (int s = -1; s <= 6; s++) printf("%d -> %s\n", s, state_name((state_t)s));
    printf("sizeof(state_t) = %zu, ZOMBIE + 1 = %d\n", sizeof(state_t), ZOMBIE + 1);
    printf("colors %c %c\n", RED, GREEN);

    float_bits fb;
    fb.f = 1.0f;
    printf("1.0f bits = %#010x, bytes %02x %02x %02x %02x\n", fb.bits, fb.bytes[0], fb.bytes[1], fb.bytes[2], fb.bytes[3]);
    fb.bits = 0xC0490FDB;
    printf("0xC0490FDB as float = %f\n", fb.f);
    printf("sizeof union = %zu\n", sizeof(float_bits));

    union { int i; char c[8]; double d; } u;
    printf("sizeof mixed union = %zu\n", sizeof u);
    u.i = 0x41424344;
    printf("low byte first: %c%c%c%c\n", u.c[0], u.c[1], u.c[2], u.c[3]);

    value vs[2] = {{INT_VALUE, {.number = 42}}, {.kind = TEXT_VALUE, .as.text = "hello"}};
    print_value(vs[0]);
    print_value(vs[1]);
    printf("sizeof value = %zu\n", sizeof(value));

    ulong big = 1UL << 40;
    printf("ulong %lu, sizeof %zu\n", big, sizeof(ulong));
    vector3 v = {1, 2, 3};
    printf("vector3 sum %d, sizeof %zu\n", v[0] + v[1] + v[2], sizeof(vector3));
    enum color c = GREEN;
    c++;
    printf("enum incremented = %d\n", c);
    return 0;
}
