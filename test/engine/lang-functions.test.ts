// Functions: prototypes, recursion, static functions and locals, function pointers, variadic functions,
// VLAs, GNU statement expressions and __func__. Expected output is gcc -O0's on x86-64.
import { langCases } from './lang-harness';

langCases('functions', [
  {
    name: 'prototypes before definitions and implicit conversion of arguments',
    src: `#include <stdio.h>
double half(double x);
long widen(int x);
unsigned char narrow(unsigned char c);
int main(void) {
  printf("%.2f %ld %d\\n", half(5), widen(-1), narrow(258));
  return 0;
}
double half(double x) { return x / 2; }
long widen(int x) { return x; }
unsigned char narrow(unsigned char c) { return c; }
`,
    out: `2.50 -1 2
`,
  },
  {
    name: 'recursion and mutual recursion',
    src: `#include <stdio.h>
int is_even(unsigned n);
int is_odd(unsigned n) { return n == 0 ? 0 : is_even(n - 1); }
int is_even(unsigned n) { return n == 0 ? 1 : is_odd(n - 1); }
long fact(int n) { return n <= 1 ? 1 : n * fact(n - 1); }
int fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
int ackermann(int m, int n) { if (m == 0) return n + 1; if (n == 0) return ackermann(m - 1, 1); return ackermann(m - 1, ackermann(m, n - 1)); }
void hanoi(int n, char a, char b, char c, int *moves) { if (n == 0) return; hanoi(n - 1, a, c, b, moves); ++*moves; hanoi(n - 1, c, b, a, moves); }
int main(void) {
  int moves = 0; hanoi(10, 'A', 'B', 'C', &moves);
  printf("%d %d %ld %d %d %d\\n", is_even(10), is_odd(7), fact(20), fib(20), ackermann(2, 3), moves);
  return 0;
}
`,
    out: `1 1 2432902008176640000 6765 9 1023
`,
  },
  {
    name: 'deep recursion',
    src: `#include <stdio.h>
long depth(long n) { return n == 0 ? 0 : 1 + depth(n - 1); }
int main(void) { printf("%ld\\n", depth(10000)); return 0; }
`,
    out: `10000
`,
  },
  {
    name: 'static functions and static locals keep their value across calls',
    src: `#include <stdio.h>
static int helper(int x) { return x * 3; }
int counter(void) { static int n; return ++n; }
int next_id(void) { static int id = 100; return id++; }
const char *label(void) { static char buf[8]; static int k = 0; buf[0] = 'a' + k++; return buf; }
int main(void) {
  counter(); counter();
  printf("%d %d\\n", counter(), helper(4));
  int first = next_id(), second = next_id();
  printf("%d %d %d\\n", first, second, next_id());
  label(); printf("%s\\n", label());
  return 0;
}
`,
    out: `3 12
100 101 102
b
`,
  },
  {
    name: 'function pointers: arrays, arguments and return values',
    src: `#include <stdio.h>
int add(int a, int b) { return a + b; }
int sub(int a, int b) { return a - b; }
int mul(int a, int b) { return a * b; }
int apply(int (*f)(int, int), int a, int b) { return f(a, b); }
int (*pick(char op))(int, int) { return op == '+' ? add : op == '-' ? sub : mul; }
typedef int (*binop)(int, int);
binop table[] = {add, sub, mul};
int main(void) {
  int (*ops[3])(int, int) = {add, sub, mul};
  for (int i = 0; i < 3; i++) printf("%d ", ops[i](7, 3));
  printf("\\n%d %d %d\\n", apply(sub, 10, 4), pick('*')(6, 7), (*pick('+'))(1, 2));
  printf("%d %d\\n", table[2](2, 5), (*table[0])(1, 1));
  int (*fp)(int, int) = &mul;
  printf("%d %d %d\\n", fp == mul, fp != add, fp(3, 3));
  return 0;
}
`,
    out: `10 4 21 
6 42 3
10 2
1 1 9
`,
  },
  {
    name: 'signal-style function pointer typedefs',
    src: `#include <stdio.h>
typedef void (*handler_t)(int);
static int last = -1;
void on_event(int n) { last = n; }
void other(int n) { last = -n; }
handler_t install(handler_t h) { static handler_t current; handler_t old = current; current = h; if (h) h(42); return old; }
void (*install_raw(void (*h)(int)))(int) { return install(h); }
int main(void) {
  handler_t prev = install(on_event);
  printf("%d %d\\n", prev == NULL, last);
  prev = install_raw(other);
  printf("%d %d\\n", prev == on_event, last);
  return 0;
}
`,
    out: `1 42
1 -42
`,
  },
  {
    name: 'qsort with a comparison callback',
    src: `#include <stdio.h>
#include <stdlib.h>
#include <string.h>
int by_value(const void *a, const void *b) { return *(const int *)a - *(const int *)b; }
int by_name(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }
int main(void) {
  int v[] = {5, -2, 9, 0, 3};
  const char *names[] = {"pear", "apple", "fig"};
  qsort(v, 5, sizeof v[0], by_value);
  qsort(names, 3, sizeof names[0], by_name);
  for (int i = 0; i < 5; i++) printf("%d ", v[i]);
  printf("%s %s %s\\n", names[0], names[1], names[2]);
  return 0;
}
`,
    out: `-2 0 3 5 9 apple fig pear
`,
  },
  {
    name: 'variadic functions with va_list',
    src: `#include <stdio.h>
#include <stdarg.h>
int sum_ints(int n, ...) { va_list ap; va_start(ap, n); int s = 0; for (int i = 0; i < n; i++) s += va_arg(ap, int); va_end(ap); return s; }
double avg(int n, ...) { va_list ap; va_start(ap, n); double s = 0; for (int i = 0; i < n; i++) s += va_arg(ap, double); va_end(ap); return s / n; }
void show(const char *fmt, ...) {
  va_list ap; va_start(ap, fmt);
  for (const char *p = fmt; *p; p++) {
    if (*p == 'i') printf("i=%d ", va_arg(ap, int));
    else if (*p == 'l') printf("l=%ld ", va_arg(ap, long));
    else if (*p == 'd') printf("d=%.2f ", va_arg(ap, double));
    else if (*p == 's') printf("s=%s ", va_arg(ap, char *));
    else if (*p == 'c') printf("c=%c ", va_arg(ap, int));
  }
  va_end(ap);
  printf("\\n");
}
int my_printf(const char *fmt, ...) { va_list ap; va_start(ap, fmt); int n = vprintf(fmt, ap); va_end(ap); return n; }
int main(void) {
  char c = 'q'; float f = 1.5f; short sh = -2;
  printf("%d %.2f\\n", sum_ints(4, 1, 2, 3, sh), avg(3, 1.0, 2.0, (double)f));
  show("ildsc", 7, 1L << 40, 2.25, "str", c);
  show("dd", f, 0.125);
  int n = my_printf("%s-%d|", "vp", 5);
  printf("%d\\n", n);
  return 0;
}
`,
    out: `4 1.50
i=7 l=1099511627776 d=2.25 s=str c=q 
d=1.50 d=0.12 
vp-5|5
`,
  },
  {
    name: 'va_copy and passing a va_list on',
    src: `#include <stdio.h>
#include <stdarg.h>
int total(int n, va_list ap) { int s = 0; while (n--) s += va_arg(ap, int); return s; }
void twice(int n, ...) {
  va_list ap, copy; va_start(ap, n); va_copy(copy, ap);
  int a = total(n, ap), b = total(n, copy);
  va_end(copy); va_end(ap);
  printf("%d %d\\n", a, b);
}
int main(void) { twice(3, 10, 20, 30); return 0; }
`,
    out: `60 60
`,
  },
  {
    name: 'variable-length arrays',
    src: `#include <stdio.h>
int sum(int n, int a[n]) { int s = 0; for (int i = 0; i < n; i++) s += a[i]; return s; }
int main(void) {
  for (int n = 1; n <= 3; n++) {
    int a[n * 2];
    for (int i = 0; i < n * 2; i++) a[i] = i + n;
    printf("%zu %d\\n", sizeof a, sum(n * 2, a));
  }
  int rows = 2, cols = 3;
  double m[rows][3];
  for (int i = 0; i < rows; i++) for (int j = 0; j < cols; j++) m[i][j] = i * 10 + j;
  printf("%.0f %zu %zu\\n", m[1][2], sizeof m, sizeof m[0]);
  return 0;
}
`,
    out: `8 3
16 14
24 33
12 48 24
`,
  },
  {
    name: 'GNU statement expressions',
    src: `#include <stdio.h>
#define MAX(a, b) ({ __typeof__(a) _a = (a); __typeof__(b) _b = (b); _a > _b ? _a : _b; })
int main(void) {
  int i = 3;
  int m = MAX(i++, 2);
  int v = ({ int t = 10; for (int k = 0; k < 3; k++) t += k; t; });
  printf("%d %d %d\\n", m, i, v);
  printf("%.1f\\n", MAX(1.5, 0.5));
  return 0;
}
`,
    out: `3 4 13
1.5
`,
  },
  {
    name: '__func__ names the enclosing function',
    src: `#include <stdio.h>
void where(void) { printf("%s %zu\\n", __func__, sizeof __func__); }
int main(void) { where(); printf("%s\\n", __func__); return 0; }
`,
    out: `where 6
main
`,
  },
  {
    name: 'main return value is the exit status',
    src: `#include <stdio.h>
int main(void) { printf("bye\\n"); return 300; }
`,
    out: `bye
`, status: 44,
  },
  {
    name: 'exit from a nested call flushes stdout',
    src: `#include <stdio.h>
#include <stdlib.h>
void leave(int code) { printf("leaving %d\\n", code); exit(code); }
int main(void) { leave(3); printf("unreachable\\n"); return 0; }
`,
    out: `leaving 3
`, status: 3,
  },
  {
    name: 'call arguments are evaluated right to left like gcc -O0',
    src: `#include <stdio.h>
int trace(int n) { printf("arg%d ", n); return n; }
int next(void) { static int k; return ++k; }
int main(void) {
  printf("| %d %d %d\\n", trace(1), trace(2), trace(3));
  printf("%d %d\\n", next(), next());
  return 0;
}
`,
    out: `arg3 arg2 arg1 | 1 2 3
2 1
`,
  },
  {
    name: 'parameters are copies and arrays are not',
    src: `#include <stdio.h>
void bump(int x, int *p, int a[]) { x++; (*p)++; a[0]++; }
int main(void) { int x = 1, y = 1, a[1] = {1}; bump(x, &y, a); printf("%d %d %d\\n", x, y, a[0]); return 0; }
`,
    out: `1 2 2
`,
  },
  {
    name: 'evaluation of calls inside expressions',
    src: `#include <stdio.h>
int sq(int x) { return x * x; }
int twice(int x) { return 2 * x; }
int main(void) {
  int r = sq(3) + twice(sq(2)) * sq(1) - twice(twice(1));
  int arr[3] = {sq(1), sq(2), sq(3)};
  printf("%d %d %d\\n", r, arr[2], sq(twice(3)) > 30 ? sq(2) : twice(2));
  return 0;
}
`,
    out: `13 9 4
`,
  },
]);
