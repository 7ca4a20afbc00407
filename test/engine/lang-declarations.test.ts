// Declarations: storage classes, qualifiers, extern and tentative definitions, unprototyped functions,
// typeof, _Static_assert, _Alignof, flexible array members, attributes. Expected output is gcc -O0's.
import { langCases } from './lang-harness';

langCases('declarations', [
  {
    name: 'storage classes and qualifiers',
    src: `#include <stdio.h>
int tentative;
int tentative;
extern int defined_later;
static const double pi = 3.25;
int main(void) {
  register int r = 4;
  auto int a = 5;
  const int c = 6;
  volatile int v = 7;
  const char *const s = "cc";
  int *restrict p = &a;
  printf("%d %d %d %d %d %.2f %s %d %d\\n", tentative, r, a, c, v, pi, s, *p, defined_later);
  return 0;
}
int defined_later = 8;
`,
    out: `0 4 5 6 7 3.25 cc 5 8
`,
  },
  {
    name: 'unprototyped function declarations',
    src: `#include <stdio.h>
int add();
int zero() { return 0; }
int main() {
  printf("%d %d\\n", add(2, 3), zero());
  return 0;
}
int add(int a, int b) { return a + b; }
`,
    out: `5 0
`,
  },
  {
    name: 'typeof, _Static_assert and _Alignof',
    src: `#include <stdio.h>
struct s { char c; double d; };
_Static_assert(sizeof(struct s) == 16, "layout");
int main(void) {
  long x = 5;
  typeof(x) y = x * 2;
  __typeof__(int *) p = 0;
  _Static_assert(sizeof y == 8, "typeof keeps long");
  printf("%ld %zu %zu\\n", y, sizeof p, sizeof(typeof(struct s)));
  printf("%zu %zu %zu %zu\\n", _Alignof(char), _Alignof(double), _Alignof(struct s), __alignof__(short));
  return 0;
}
`,
    out: `10 8 16
1 8 8 2
`,
  },
  {
    name: 'flexible array members',
    src: `#include <stdio.h>
#include <stdlib.h>
struct buf { int len; char data[]; };
int main(void) {
  struct buf *b = malloc(sizeof *b + 6);
  b->len = 5;
  for (int i = 0; i < 5; i++) b->data[i] = 'a' + i;
  b->data[5] = 0;
  printf("%zu %d %s\\n", sizeof(struct buf), b->len, b->data);
  free(b);
  return 0;
}
`,
    out: `4 5 abcde
`,
  },
  {
    name: 'attributes and other GNU spellings are accepted',
    src: `#include <stdio.h>
static int unused_helper(void) __attribute__((unused));
static int unused_helper(void) { return 1; }
struct __attribute__((packed)) ignored_packing { char c; int i; };
__inline__ static int twice(int x) { return 2 * x; }
__extension__ typedef long long ll;
int main(void) {
  __attribute__((unused)) int spare = 0;
  ll v = twice(21);
  printf("%lld\\n", v);
  return 0;
}
`,
    out: `42
`,
  },
  {
    name: 'multiple declarators with mixed types',
    src: `#include <stdio.h>
int main(void) {
  int a = 1, *p = &a, arr[3] = {7, 8, 9}, (*fp)(const char *, ...) = printf;
  char c = 'z', *s = "str", grid[2][2] = {{'a', 'b'}, {'c', 'd'}};
  fp("%d %d %d %c %s %c\\n", a, *p, arr[2], c, s, grid[1][0]);
  return 0;
}
`,
    out: `1 1 9 z str c
`,
  },
  {
    name: 'hexadecimal floats and character constants',
    src: `#include <stdio.h>
int main(void) {
  printf("%g %g %g\\n", 0x1p4, 0x1.8p1, 0x.8p0);
  printf("%d %d %d\\n", 'a', '\\n', 'ab');
  printf("%g %g %g\\n", 1e3, .5, 6.f);
  return 0;
}
`,
    out: `16 3 0.5
97 10 24930
1000 0.5 6
`,
  },
  {
    name: 'signed overflow wraps like gcc -O0',
    src: `#include <stdio.h>
#include <limits.h>
int main(int argc, char **argv) {
  int big = INT_MAX - 1 + argc;
  int m = 65536 * argc;
  long lm = LONG_MAX - 1 + argc;
  printf("%d %d %d\\n", big + 1, m * m, -(INT_MIN + argc - 1));
  printf("%ld %ld\\n", lm + 1, lm * 2);
  return 0;
}
`,
    out: `-2147483648 0 -2147483648
-9223372036854775808 -2
`,
  },
]);
