// Benchmark (b): function calls. fib(27) = 196418 takes 635,621 calls.
#include <stdio.h>

int fib(int n) { if (n < 2) return n; return fib(n - 1) + fib(n - 2); }

int main(void) {
    printf("%d\n", fib(27));
    return 0;
}
