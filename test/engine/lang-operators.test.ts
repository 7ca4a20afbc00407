// Operators: arithmetic, bitwise, logical, relational, comma, ternary, assignment, increment and
// decrement on every kind of operand, floating point and casts. Expected output is gcc -O0's on x86-64.
import { langCases } from './lang-harness';

langCases('operators', [
  {
    name: 'arithmetic and bitwise operators',
    src: `#include <stdio.h>
int main(void) {
  int a = 29, b = 6;
  printf("%d %d %d %d %d\\n", a + b, a - b, a * b, a / b, a % b);
  printf("%d %d %d %d %d\\n", a & b, a | b, a ^ b, ~a, -a);
  printf("%d %d %d\\n", +a, !a, !0);
  printf("%d %d\\n", a << 2, a >> 2);
  return 0;
}
`,
    out: `35 23 174 4 5
4 31 27 -30 -29
29 0 1
116 7
`,
  },
  {
    name: 'relational and equality operators yield int 0 or 1',
    src: `#include <stdio.h>
int main(void) {
  int a = 3, b = 5; double x = 0.1 + 0.2;
  printf("%d %d %d %d %d %d\\n", a < b, a > b, a <= 3, a >= 4, a == 3, a != 3);
  printf("%d %d\\n", x == 0.3, x > 0.3);
  printf("%d %zu\\n", (a < b) + (b < a) * 10, sizeof(a < b));
  printf("%d\\n", 1 < 2 < 3 == 1);
  return 0;
}
`,
    out: `1 0 1 0 1 0
0 1
1 4
1
`,
  },
  {
    name: 'logical operators short-circuit',
    src: `#include <stdio.h>
int calls;
int t(int v) { calls++; return v; }
int main(void) {
  int r1 = t(0) && t(1);
  int r2 = t(1) || t(0);
  int r3 = t(1) && t(2);
  int r4 = t(0) || t(0);
  printf("%d %d %d %d calls=%d\\n", r1, r2, r3, r4, calls);
  int *p = 0;
  if (p && *p) printf("never\\n");
  printf("%d\\n", !p || *p);
  printf("%d\\n", 5 && 0.5);
  return 0;
}
`,
    out: `0 1 1 0 calls=6
1
1
`,
  },
  {
    name: 'comma operator',
    src: `#include <stdio.h>
int main(void) {
  int i, j, x;
  x = (i = 3, j = i * 2, i + j);
  printf("%d %d %d\\n", i, j, x);
  for (i = 0, j = 10; i < j; i += 3, j -= 3) printf("%d,%d ", i, j);
  printf("\\n%zu\\n", sizeof(0, 1.0));
  return 0;
}
`,
    out: `3 6 9
0,10 3,7 
8
`,
  },
  {
    name: 'ternary operator',
    src: `#include <stdio.h>
int f(int n) { printf("f%d ", n); return n; }
int main(void) {
  int a = 5;
  printf("%s\\n", a > 3 ? "big" : "small");
  int r = a ? f(1) : f(2);
  printf("%d\\n", r);
  printf("%d\\n", a < 0 ? -1 : a == 0 ? 0 : 1);
  printf("%f\\n", a > 0 ? 1 : 2.5);
  unsigned u = 1;
  printf("%ld\\n", (long)(a > 0 ? -1 : u));
  int x = 1, y = 2;
  *(a ? &x : &y) = 9;
  printf("%d %d\\n", x, y);
  return 0;
}
`,
    out: `big
f1 1
1
1.000000
4294967295
9 2
`,
  },
  {
    name: 'compound assignment on every type',
    src: `#include <stdio.h>
int main(void) {
  char c = 100; c += 200;
  unsigned char uc = 10; uc -= 20;
  short s = 30000; s += 30000;
  unsigned u = 5; u -= 10;
  int i = 7; i *= -3; i /= 2; i %= 4;
  long l = 1; l <<= 40; l |= 5; l ^= 1; l &= ~0L;
  unsigned long ul = 100; ul -= 200;
  double d = 1.5; d *= 3; d /= 4; d -= 0.125; d += 10;
  float f = 0.1f; f *= 3;
  int sh = -64; sh >>= 3;
  char *p = "abcdefgh"; p += 3; p -= 1;
  int k = 10; k += 2.7;
  printf("%d %d %d %u %d\\n", c, uc, s, u, i);
  printf("%ld %lu %g %.9g %d %c %d\\n", l, ul, d, f, sh, *p, k);
  return 0;
}
`,
    out: `44 246 -5536 4294967291 -2
1099511627780 18446744073709551516 11 0.300000012 -8 c 12
`,
  },
  {
    name: 'increment and decrement of every kind of operand',
    src: `#include <stdio.h>
int main(void) {
  int i = 5;
  int a = i++, b = ++i, c = i--, d = --i;
  printf("%d %d %d %d %d\\n", a, b, c, d, i);
  double x = 1.5; x++; ++x; float f = 0.5f; f--;
  printf("%g %g\\n", x, f);
  _Bool t = 0; t++; t++; _Bool z = 1; z--; _Bool z2 = 0; z2--;
  printf("%d %d %d\\n", t, z, z2);
  int arr[] = {10, 20, 30}; int *p = arr;
  printf("%d ", *p++); printf("%d ", *++p); printf("%d ", *p--); printf("%d\\n", *--p);
  char ch = 127; ch++;
  unsigned char uc = 0; uc--;
  printf("%d %d\\n", ch, uc);
  long *lp = (long *)0; lp++;
  printf("%ld\\n", (long)lp);
  return 0;
}
`,
    out: `5 7 7 5 5
3.5 -0.5
1 0 1
10 30 30 10
-128 255
8
`,
  },
  {
    name: 'assignment is an expression',
    src: `#include <stdio.h>
int main(void) {
  int a, b, c;
  a = b = c = 7;
  printf("%d %d %d\\n", a, b, c);
  int x;
  if ((x = a * 2) > 10) printf("x=%d\\n", x);
  char small; int v = (small = 300);
  printf("%d\\n", v);
  return 0;
}
`,
    out: `7 7 7
x=14
44
`,
  },
  {
    name: 'float versus double precision',
    src: `#include <stdio.h>
int main(void) {
  float fs = 0; double ds = 0;
  for (int i = 0; i < 1000; i++) { fs += 0.1f; ds += 0.1; }
  printf("%.10f %.10f\\n", fs, ds);
  float big = 16777216.0f; big += 1.0f;
  printf("%.1f %.1f\\n", big, 16777216.0 + 1.0);
  float third = 1.0f / 3;
  printf("%.20f\\n%.20f\\n", third, 1.0 / 3);
  printf("%d %d\\n", 0.1f == 0.1, (float)0.1 == 0.1f);
  printf("%g %g %g\\n", 1e308 * 10, -1e308 * 10, 0.0 / 0.0 != 0.0 / 0.0 ? 1.0 : 0.0);
  printf("%g %g\\n", 1.0 / 0.0, 5e-324 / 2);
  return 0;
}
`,
    out: `99.9990463257 100.0000000000
16777216.0 16777217.0
0.33333334326744079590
0.33333333333333331483
0 1
inf -inf 1
inf 0
`,
  },
  {
    name: 'casts between integer and floating types',
    src: `#include <stdio.h>
int main(void) {
  double d = -3.99; float f = 2.75f;
  printf("%d %d %d %d\\n", (int)d, (int)f, (int)-0.5, (int)3.999999);
  printf("%ld %lu\\n", (long)1e18, (unsigned long)1.8e19);
  printf("%u\\n", (unsigned char)(int)300.7);
  int i = 16777217;
  printf("%.1f %.1f\\n", (float)i, (double)i);
  long big = 9007199254740993L;
  printf("%.1f\\n", (double)big);
  printf("%f %f\\n", (double)7 / 2, (double)(7 / 2));
  printf("%d\\n", (int)'A' + (char)1);
  return 0;
}
`,
    out: `-3 2 0 3
1000000000000000000 18000000000000000000
44
16777216.0 16777217.0
9007199254740992.0
3.500000 3.000000
66
`,
  },
  {
    name: 'casts between pointers and integers',
    src: `#include <stdio.h>
#include <stdint.h>
int main(void) {
  int x = 42; int *p = &x;
  long addr = (long)p;
  uintptr_t u = (uintptr_t)p;
  int *q = (int *)addr;
  printf("%d %d %d\\n", *q, addr == (long)u, q == p);
  char *c = (char *)p;
  printf("%d\\n", (int)((char *)(p + 1) - c));
  void *v = p; int *back = v;
  printf("%d\\n", *back);
  printf("%d\\n", (int *)0 == NULL);
  unsigned int ux = 0x41424344; unsigned char *b = (unsigned char *)&ux;
  printf("%x %x %x %x\\n", b[0], b[1], b[2], b[3]);
  return 0;
}
`,
    out: `42 1 1
4
42
1
44 43 42 41
`,
  },
  {
    name: 'floating arithmetic and formatting',
    src: `#include <stdio.h>
int main(void) {
  double a = 2.0, x = 7.5;
  printf("%.6f %.6f %.6f\\n", a / 3, a * a * a * a * a * a * a * a * a * a, -1.25 < 0 ? 1.25 : -1.25);
  printf("%.3f %.3f %.3f\\n", (double)(long)-2.5, x - (int)(x / 2) * 2, 0.1 * 3);
  printf("%e %g %G\\n", 12345.678, 0.0001234, 1e-10);
  printf("%.2f %5.1f|%-8.3f|%+d\\n", 3.14159, 2.25, 1.0, 5);
  double neg = -0.0;
  printf("%g %d\\n", neg, neg == 0.0);
  return 0;
}
`,
out: `0.666667 1024.000000 1.250000
-2.000 1.500 0.300
1.234568e+04 0.0001234 1E-10
3.14   2.2|1.000   |+5
-0 1
`,
  },
  {
    name: 'operator precedence and associativity',
    src: `#include <stdio.h>
int main(void) {
  int a = 2, b = 3, c = 4;
  printf("%d %d %d\\n", a + b * c, (a + b) * c, a - b - c);
  printf("%d %d\\n", a << 1 + 1, a & b == b);
  printf("%d %d\\n", 100 / 10 / 5, 2 * 3 % 4);
  printf("%d\\n", a | b ^ c & 7);
  int x = 0;
  x += a *= 3;
  printf("%d %d\\n", x, a);
  printf("%d\\n", -a++ + ++b);
  return 0;
}
`,
    out: `14 20 -5
8 0
2 2
7
6 6
-2
`,
  },
]);
