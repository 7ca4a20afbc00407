// Integer types: widths, wrap-around, signedness, promotions, the usual arithmetic conversions,
// 64-bit arithmetic beyond 2^53, division and shifts. Expected output is gcc -O0's on x86-64.
import { langCases } from './lang-harness';

langCases('integers', [
  {
    name: 'wrap-around at each width',
    src: `#include <stdio.h>
int main(void) {
  signed char sc = 127; sc++;
  unsigned char uc = 255; uc++;
  short s = 32767; s++;
  unsigned short us = 0; us--;
  int i = 2147483647; i++;
  unsigned u = 0; u--;
  long l = 9223372036854775807L; l++;
  unsigned long ul = 0; ul--;
  long long ll = -9223372036854775807LL - 1; ll--;
  unsigned long long ull = 18446744073709551615ULL; ull++;
  printf("%d %u %d %u %d %u\\n", sc, uc, s, us, i, u);
  printf("%ld %lu %lld %llu\\n", l, ul, ll, ull);
  return 0;
}
`,
    out: `-128 0 -32768 65535 -2147483648 4294967295
-9223372036854775808 18446744073709551615 9223372036854775807 0
`,
  },
  {
    name: 'conversion to narrower types truncates',
    src: `#include <stdio.h>
int main(void) {
  int big = 0x12345678;
  char c = big; short s = big; unsigned char uc = 300; signed char sc = 200;
  long l = 0x123456789abcLL; int i = l; unsigned u = -1L;
  _Bool b = 256; _Bool b2 = 0.5;
  printf("%d %d %d %d %d %u %d %d\\n", c, s, uc, sc, i, u, b, b2);
  return 0;
}
`,
    out: `120 22136 44 -56 1450744508 4294967295 1 1
`,
  },
  {
    name: 'char is signed, unsigned char is not',
    src: `#include <stdio.h>
int main(void) {
  char c = '\\xff'; unsigned char u = '\\xff'; signed char s = 0x80;
  printf("%d %d %d %d\\n", c, u, s, c == -1);
  printf("%d %d\\n", (char)200 < 0, (unsigned char)200 < 0);
  char str[] = "\\xe9"; int i = str[0];
  printf("%d %d\\n", i, (unsigned char)str[0]);
  return 0;
}
`,
    out: `-1 255 -128 1
1 0
-23 233
`,
  },
  {
    name: 'signed and unsigned comparisons',
    src: `#include <stdio.h>
int main(void) {
  int n = -1; unsigned u = 1; long l = -1; unsigned long ul = 1; unsigned short us = 1;
  printf("%d %d %d %d\\n", n < u, l < u, n < ul, n < us);
  printf("%d %d\\n", -1 < 0u, -1L < 0u);
  printf("%d\\n", (unsigned char)255 == -1);
  printf("%d\\n", sizeof(int) > -1);
  return 0;
}
`,
    out: `0 1 0 1
0 1
0
0
`,
  },
  {
    name: 'integer promotions',
    src: `#include <stdio.h>
int main(void) {
  unsigned char a = 200, b = 100;
  int sum = a + b;
  unsigned char wrapped = a + b;
  unsigned short x = 65535;
  printf("%d %d %d\\n", sum, wrapped, x * x == -131071);
  printf("%d %d\\n", ~a, -b);
  char c = 'A';
  printf("%zu %zu %zu\\n", sizeof(c), sizeof(+c), sizeof(c + c));
  printf("%d\\n", (unsigned char)(a << 1) >> 1);
  return 0;
}
`,
    out: `300 44 1
-201 -100
1 4 4
72
`,
  },
  {
    name: 'usual arithmetic conversions',
    src: `#include <stdio.h>
int main(void) {
  int i = -7; unsigned u = 2; long l = -7; unsigned long ul = 2;
  printf("%u %ld %lu\\n", i / u, l / (long)u, l / ul);
  printf("%u %ld\\n", i + u, l + u);
  printf("%d\\n", (i + u) > 0);
  printf("%zu %zu %zu\\n", sizeof(i + u), sizeof(i + l), sizeof(u + l));
  printf("%f %zu\\n", i + 0.5f, sizeof(i + 0.5f));
  printf("%.1f\\n", u * -1.0);
  return 0;
}
`,
    out: `2147483644 -3 9223372036854775804
4294967291 -5
1
4 8 8
-6.500000 4
-2.0
`,
  },
  {
    name: '64-bit arithmetic beyond 2^53',
    src: `#include <stdio.h>
int main(void) {
  long a = 9007199254740993L;
  long b = a * 3;
  unsigned long m = 0xffffffffffffffffUL;
  printf("%ld %ld %ld\\n", a + 1, b, b / 7);
  printf("%ld %ld\\n", b % 1000003, -b % 1000003);
  printf("%lu %lu %lu\\n", m, m / 3, m % 1000000007);
  printf("%lu %lu\\n", m * m, m >> 1);
  long long p = 3037000499LL * 3037000499LL;
  printf("%lld %lld\\n", p, p * 2);
  unsigned long h = 14695981039346656037UL;
  for (const char *s = "abc"; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211UL;
  printf("%lx\\n", h);
  printf("%ld %ld\\n", 1L << 62, (1L << 62) >> 61);
  printf("%ld %lu\\n", -9223372036854775807L - 1, (unsigned long)(-9223372036854775807L - 1) >> 63);
  return 0;
}
`,
    out: `9007199254740994 27021597764222979 3860228252031854
672882 -672882
18446744073709551615 6148914691236517205 582344007
1 9223372036854775807
9223372030926249001 -11857053614
e71fa2190541574b
4611686018427387904 2
-9223372036854775808 1
`,
  },
  {
    name: '64-bit unsigned conversions and comparisons',
    src: `#include <stdio.h>
int main(void) {
  unsigned long big = 18446744073709551000UL;
  long s = (long)big;
  double d = (double)big;
  printf("%ld %.0f\\n", s, d);
  printf("%d %d\\n", big > 1UL, s > 1L);
  unsigned long x = 1UL << 63;
  printf("%lu %lu\\n", x, x + x);
  printf("%lu\\n", (unsigned long)-1 / 10);
  unsigned long long y = 1234567890123456789ULL;
  printf("%llu %llu\\n", y * 10, y / 1000);
  return 0;
}
`,
    out: `-616 18446744073709551616
1 0
9223372036854775808 0
1844674407370955161
12345678901234567890 1234567890123456
`,
  },
  {
    name: 'division and modulo of negatives truncate toward zero',
    src: `#include <stdio.h>
int main(void) {
  int a = -7, b = 2;
  printf("%d %d %d %d\\n", a / b, a % b, 7 / -2, 7 % -2);
  printf("%d %d\\n", -7 / -2, -7 % -2);
  long c = -9000000000L;
  printf("%ld %ld\\n", c / 7, c % 7);
  printf("%d\\n", -8 / 3 * 3 + -8 % 3);
  return 0;
}
`,
    out: `-3 -1 -3 1
3 -1
-1285714285 -5
-8
`,
  },
  {
    name: 'division by zero raises SIGFPE',
    src: `#include <stdio.h>
int main(int argc, char **argv) {
  int zero = argc - 1;
  printf("before\\n");
  fflush(stdout);
  printf("%d\\n", 10 / zero);
  return 0;
}
`,
    out: `before
`, signal: 8,
  },
  {
    name: 'INT_MIN / -1 raises SIGFPE',
    src: `#include <stdio.h>
#include <limits.h>
int main(int argc, char **argv) {
  int m = INT_MIN, d = -argc;
  printf("%d\\n", m / 1);
  fflush(stdout);
  printf("%d\\n", m / d);
  return 0;
}
`,
    out: `-2147483648
`, signal: 8,
  },
  {
    name: 'LONG_MIN % -1 raises SIGFPE too',
    src: `#include <limits.h>
int main(int argc, char **argv) {
  long m = LONG_MIN, d = -argc;
  return (int)(m % d);
}
`,
    out: ``, signal: 8,
  },
  {
    name: 'shifts',
    src: `#include <stdio.h>
int main(void) {
  int n = -16; unsigned u = 0x80000000u;
  printf("%d %u %d %u\\n", n >> 2, u >> 31, 1 << 30, u << 1);
  printf("%x %lx\\n", 0xffu << 24, 0xffUL << 56);
  unsigned char c = 0x81;
  printf("%d %d\\n", c << 1, (signed char)c >> 1);
  long l = -1L;
  printf("%ld %lu\\n", l >> 63, (unsigned long)l >> 60);
  return 0;
}
`,
    out: `-4 1 1073741824 0
ff000000 ff00000000000000
258 -64
-1 15
`,
  },
  {
    name: 'shift counts are masked like x86',
    src: `#include <stdio.h>
int main(int argc, char **argv) {
  int k = 32 + argc; long k64 = 64 + argc;
  printf("%d %ld\\n", 1 << k, 1L << k64);
  unsigned u = 0x80000000u;
  printf("%u\\n", u >> k);
  return 0;
}
`,
    out: `2 2
1073741824
`,
  },
  {
    name: 'character arithmetic',
    src: `#include <stdio.h>
int main(void) {
  const char *digits = "4096";
  int v = 0;
  for (const char *p = digits; *p; p++) v = v * 10 + (*p - '0');
  char c = 'a' + 2;
  char up = 'q' - 'a' + 'A';
  printf("%d %c %c %d\\n", v, c, up, 'z' - 'a');
  for (char ch = 'x'; ch <= 'z'; ch++) putchar(ch);
  putchar('\\n');
  return 0;
}
`,
    out: `4096 c Q 25
xyz
`,
  },
  {
    name: 'unsigned loop counters wrap',
    src: `#include <stdio.h>
int main(void) {
  for (unsigned i = 3; i < 10; i--) printf("%u ", i);
  unsigned char k = 250; int steps = 0;
  while (k != 4) { k += 3; steps++; }
  printf("| %d\\n", steps);
  unsigned n = 0; printf("%u %d\\n", n - 1, n - 1 > 0);
  return 0;
}
`,
    out: `3 2 1 0 | 174
4294967295 1
`,
  },
  {
    name: 'limits.h and stdint.h constants',
    src: `#include <stdio.h>
#include <limits.h>
#include <stdint.h>
int main(void) {
  printf("%d %d %d %d\\n", CHAR_BIT, SCHAR_MIN, SCHAR_MAX, UCHAR_MAX);
  printf("%d %d %d\\n", SHRT_MIN, SHRT_MAX, USHRT_MAX);
  printf("%d %d %u\\n", INT_MIN, INT_MAX, UINT_MAX);
  printf("%ld %ld %lu\\n", LONG_MIN, LONG_MAX, ULONG_MAX);
  printf("%lld %llu\\n", LLONG_MIN, ULLONG_MAX);
  int8_t a = -128; uint16_t b = 65535; int32_t c = INT32_MIN; uint64_t d = UINT64_MAX; int64_t e = INT64_MIN;
  printf("%d %u %d %lu %ld\\n", a, b, c, d, e);
  printf("%zu %zu %zu\\n", sizeof(intptr_t), sizeof(size_t), sizeof(uint8_t));
  return 0;
}
`,
    out: `8 -128 127 255
-32768 32767 65535
-2147483648 2147483647 4294967295
-9223372036854775808 9223372036854775807 18446744073709551615
-9223372036854775808 18446744073709551615
-128 65535 -2147483648 18446744073709551615 -9223372036854775808
8 8 1
`,
  },
  {
    name: 'sizeof every type',
    src: `#include <stdio.h>
#include <stddef.h>
struct s { char c; int i; };
union u { char c[5]; int i; };
enum e { A, B };
int main(void) {
  printf("%zu %zu %zu %zu %zu\\n", sizeof(char), sizeof(short), sizeof(int), sizeof(long), sizeof(long long));
  printf("%zu %zu %zu\\n", sizeof(float), sizeof(double), sizeof(_Bool));
  printf("%zu %zu %zu %zu\\n", sizeof(void *), sizeof(int *), sizeof(int (*)(void)), sizeof(char **));
  printf("%zu %zu %zu\\n", sizeof(struct s), sizeof(union u), sizeof(enum e));
  printf("%zu %zu %zu\\n", sizeof(size_t), sizeof(ptrdiff_t), sizeof(int[10]));
  printf("%zu %zu\\n", sizeof(unsigned short), sizeof(unsigned long long));
  return 0;
}
`,
    out: `1 2 4 8 8
4 8 1
8 8 8 8
8 8 4
8 8 40
2 8
`,
  },
  {
    name: 'sizeof of expressions does not evaluate them',
    src: `#include <stdio.h>
int main(void) {
  int a[7]; int *p = a; double d; int n = 0;
  char s[] = "hello";
  printf("%zu %zu %zu %zu %zu\\n", sizeof a, sizeof p, sizeof *p, sizeof d, sizeof s);
  printf("%zu %zu %zu\\n", sizeof(a) / sizeof(a[0]), sizeof "abc", sizeof 'x');
  printf("%zu %zu\\n", sizeof(n++), sizeof(1.0f));
  printf("%d\\n", n);
  printf("%zu %zu\\n", sizeof(a + 1), sizeof(&a));
  return 0;
}
`,
    out: `28 8 4 8 6
7 4 4
4 4
0
8 8
`,
  },
  {
    name: 'integer constant types',
    src: `#include <stdio.h>
int main(void) {
  printf("%zu %zu %zu %zu\\n", sizeof(2147483647), sizeof(2147483648), sizeof(0x7fffffff), sizeof(0xffffffff));
  printf("%zu %zu %zu\\n", sizeof(1u), sizeof(1l), sizeof(1ull));
  printf("%d %d %d\\n", 0x10, 010, 0b101);
  printf("%d\\n", -2147483648 < 0);
  printf("%d\\n", 0xffffffff > 0);
  return 0;
}
`,
    out: `4 8 4 4
4 8 8
16 8 5
1
1
`,
  },
]);
