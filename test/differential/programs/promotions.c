// Integer promotions and conversions: plain char is signed on x86-64, small types become int before
// arithmetic, and int converts to unsigned when the other operand is unsigned.
#include <stdio.h>

int main(void) {
    char c = 200;
    printf("char 200 = %d\n", c);
    unsigned char uc = 200;
    printf("unsigned char 200 = %d\n", uc);
    signed char sc = -1;
    printf("(unsigned char)(signed char)-1 = %d\n", (unsigned char)sc);
    printf("(unsigned)(signed char)-1 = %u\n", (unsigned)sc);

    char bytes[] = "\xff\x80\x7f";
    for (int i = 0; i < 3; i++) printf("bytes[%d] = %d, as unsigned char %d\n", i, bytes[i], (unsigned char)bytes[i]);

    unsigned char a = 100, b = 200;
    int sum = a + b;
    printf("100 + 200 with unsigned chars = %d\n", sum);
    unsigned char wrapped = a + b;
    printf("stored in unsigned char = %d\n", wrapped);
    printf("~(unsigned char)0 = %d\n", ~(unsigned char)0);
    printf("sizeof(a + b) = %zu\n", sizeof(a + b));
    printf("sizeof('x') = %zu\n", sizeof('x'));

    short sh = -2;
    unsigned short ush = 65534;
    printf("short -2 == unsigned short 65534? %d\n", sh == ush);
    printf("(unsigned short)-2 == 65534? %d\n", (unsigned short)sh == ush);

    int i = -1;
    unsigned int u = 1;
    printf("-1 > 1u? %d\n", i > u);
    long l = -1;
    printf("-1L > 1u? %d\n", l > u);
    unsigned long ul = 1;
    printf("-1 > 1ul? %d\n", i > ul);

    double d = 3.99;
    int trunc = d;
    printf("int from 3.99 = %d, from -3.99 = %d\n", trunc, (int)-3.99);
    float f = 16777217;
    printf("float 16777217 = %.1f\n", f);
    int big = 2147483647;
    float fb = big;
    printf("float from INT_MAX = %.1f\n", fb);
    printf("char + 1 promotes: %d\n", (char)127 + 1);
    printf("'a' + 1 = %c\n", 'a' + 1);
    return 0;
}
