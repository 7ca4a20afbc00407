// Recursion: factorial, Fibonacci, Towers of Hanoi, Ackermann, mutual recursion and permutations.
#include <stdio.h>

static long factorial(int n) { return n <= 1 ? 1 : n * factorial(n - 1); }
static int fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

static int moves;
static void hanoi(int n, char from, char to, char via) {
    if (n == 0) return;
    hanoi(n - 1, from, via, to);
    moves++;
    if (n >= 3) printf("move disk %d from %c to %c\n", n, from, to);
    hanoi(n - 1, via, to, from);
}

static int ackermann(int m, int n) {
    if (m == 0) return n + 1;
    if (n == 0) return ackermann(m - 1, 1);
    return ackermann(m - 1, ackermann(m, n - 1));
}

static int is_odd(unsigned n);
static int is_even(unsigned n) { return n == 0 ? 1 : is_odd(n - 1); }
static int is_odd(unsigned n) { return n == 0 ? 0 : is_even(n - 1); }

static void permute(char *s, int k, int n) {
    if (k == n) {
        printf("%s ", s);
        return;
    }
    for (int i = k; i < n; i++) {
        char t = s[k]; s[k] = s[i]; s[i] = t;
        permute(s, k + 1, n);
        t = s[k]; s[k] = s[i]; s[i] = t;
    }
}

static int gcd(int a, int b) { return b == 0 ? a : gcd(b, a % b); }

static int depth(int n) { return n == 0 ? 0 : 1 + depth(n - 1); }

int main(void) {
    for (int i = 0; i <= 20; i += 5) printf("%d! = %ld\n", i, factorial(i));
    printf("fib(20) = %d\n", fib(20));
    hanoi(5, 'A', 'C', 'B');
    printf("hanoi(5) took %d moves\n", moves);
    printf("ackermann(2, 3) = %d, ackermann(3, 3) = %d\n", ackermann(2, 3), ackermann(3, 3));
    printf("is_even(10) = %d, is_odd(7) = %d\n", is_even(10), is_odd(7));
    char s[] = "abcd";
    permute(s, 0, 4);
    printf("\n");
    printf("gcd(1071, 462) = %d\n", gcd(1071, 462));
    printf("depth(10000) = %d\n", depth(10000));
    return 0;
}
