// printf's integer conversions with every flag, width, precision and length modifier.
#include <stdio.h>
#include <stddef.h>
#include <stdint.h>

int main(void) {
    int vals[] = {0, 1, -1, 42, -42, 123456, 2147483647, -2147483647 - 1};
    for (int i = 0; i < 8; i++) {
        int v = vals[i];
        printf("[%d] [%i] [%5d] [%-5d] [%05d] [%+d] [% d] [%.3d] [%8.3d] [%-8.3d|] [%+08d]\n",
               v, v, v, v, v, v, v, v, v, v, v);
        printf("  [%u] [%o] [%#o] [%x] [%#x] [%X] [%#X] [%#10x] [%-#10x|] [%#010x]\n",
               v, v, v, v, v, v, v, v, v, v);
    }
    printf("[%.0d] [%.0x] [%#.0o] [%5.0d]\n", 0, 0, 0, 0);
    printf("[%*d] [%-*d] [%.*d] [%*.*d]\n", 6, 42, 6, 42, 4, 42, 8, 5, 42);
    printf("[%*d] negative width means left-justify\n", -6, 42);
    printf("[%.*d] negative precision is ignored\n", -3, 42);
    printf("hh: %hhd %hhu %hhx\n", 300, 300, -1);
    printf("h: %hd %hu %hx\n", 70000, 70000, -1);
    printf("l: %ld %lu %lx %lo\n", -1L, -1UL, -1UL, 8UL);
    printf("ll: %lld %llu %llX\n", -9000000000LL, 18000000000ULL, 0xABCDEF0123ULL);
    printf("z: %zu %zd %zx\n", sizeof(long), (ptrdiff_t)-5, (size_t)255);
    printf("j: %jd %ju t: %td\n", (intmax_t)-7, (uintmax_t)7, (ptrdiff_t)12);
    printf("c: [%c] [%3c] [%-3c] [%c]\n", 'A', 'B', 'C', 65 + 256);
    printf("percent: 100%%\n");
    printf("p: %p\n", (void *)0);
    int written = printf("12345\n");
    printf("printf returned %d\n", written);
    return 0;
}
