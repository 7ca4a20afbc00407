// Benchmark (a): a tight arithmetic loop. i*i overflows int from i = 46341 on; like gcc -O0 on x86-64,
// Forkscope wraps it around, so the result is 308166.
#include <stdio.h>

int main(void) {
    int N = 10000000;
    int s = 0;
    for (int i = 0; i < N; i++) { s = (s + i*i) % 1000003; }
    printf("%d\n", s);
    return 0;
}
