// Pointers, arrays and strings: arithmetic, comparison, difference, pointers to pointers and to arrays,
// multi-dimensional arrays, string literals and escapes. Expected output is gcc -O0's on x86-64.
import { langCases } from './lang-harness';

langCases('pointers and arrays', [
  {
    name: 'pointers near 2^64 round-trip: (void *)-1, ERR_PTR-style values, through memory and back to integers',
    src: `#include <stdio.h>
#include <stdint.h>
#include <signal.h>
struct s { void *p; long pad; };
int main(void) {
  struct s x = { (void *)-1, 0 };
  void *q = (void *)-4095;
  uintptr_t u = (uintptr_t)x.p;
  printf("%p %lu %ld %d\\n", x.p, u, (long)q, (unsigned long)q >= (unsigned long)-4095L);
  printf("%d\\n", signal(99, SIG_IGN) == SIG_ERR);
  char *c = (char *)-1; c++;
  printf("%p %d\\n", (void *)c, c == NULL);
  printf("%lx %ld\\n", (unsigned long)(void *)0x8000000000000000UL, (long)(int *)(long)-2);
  return 0;
}
`,
    out: `0xffffffffffffffff 18446744073709551615 -4095 1
1
(nil) 1
8000000000000000 -2
`,
  },
  {
    name: 'pointer arithmetic, comparison and difference',
    src: `#include <stdio.h>
#include <stddef.h>
int main(void) {
  int a[10]; for (int i = 0; i < 10; i++) a[i] = i * i;
  int *p = a, *q = &a[7];
  printf("%d %d %d\\n", *(p + 3), q[-2], 4[a]);
  ptrdiff_t d = q - p;
  printf("%td %td %d %d %d\\n", d, p - q, p < q, q >= p + 7, p != q);
  double x[4]; char *c0 = (char *)&x[0], *c3 = (char *)&x[3];
  printf("%d %td\\n", (int)(c3 - c0), &x[3] - &x[0]);
  int *end = a + 10; int sum = 0;
  for (int *it = a; it != end; ++it) sum += *it;
  printf("%d\\n", sum);
  void *v = a; v = (char *)v + 8;
  printf("%d\\n", *(int *)v);
  return 0;
}
`,
    out: `9 25 16
7 -7 1 1 1
24 3
285
4
`,
  },
  {
    name: 'pointers to pointers',
    src: `#include <stdio.h>
void set(int **pp, int *target) { *pp = target; }
int main(void) {
  int x = 1, y = 2; int *p = &x; int **pp = &p; int ***ppp = &pp;
  **pp = 10; set(pp, &y); ***ppp += 5;
  printf("%d %d %d\\n", x, y, *p);
  char *words[] = {"alpha", "beta", "gamma"};
  char **w = words;
  printf("%s %c %s\\n", *(w + 1), **w, w[2] + 2);
  return 0;
}
`,
    out: `10 7 7
beta a mma
`,
  },
  {
    name: 'multi-dimensional arrays',
    src: `#include <stdio.h>
int sum(int m[][3], int rows) { int s = 0; for (int i = 0; i < rows; i++) for (int j = 0; j < 3; j++) s += m[i][j]; return s; }
int main(void) {
  int m[2][3] = {{1, 2, 3}, {4, 5, 6}};
  int cube[2][2][2];
  for (int i = 0; i < 2; i++) for (int j = 0; j < 2; j++) for (int k = 0; k < 2; k++) cube[i][j][k] = i * 4 + j * 2 + k;
  printf("%d %d %d\\n", m[1][2], *(*(m + 1) + 1), sum(m, 2));
  printf("%d %d\\n", cube[1][0][1], ***cube);
  printf("%zu %zu %zu\\n", sizeof m, sizeof m[0], sizeof cube[1][1]);
  int *flat = &m[0][0];
  printf("%d %d\\n", flat[4], (int)(&m[1][0] - &m[0][0]));
  return 0;
}
`,
    out: `6 5 21
5 0
24 12 8
5 3
`,
  },
  {
    name: 'array of pointers and pointer to array',
    src: `#include <stdio.h>
int main(void) {
  int a = 1, b = 2, c = 3;
  int *ptrs[3] = {&a, &b, &c};
  *ptrs[1] = 20;
  int rows[3][4] = {{0}, {1, 2, 3, 4}};
  int (*row)[4] = rows;
  row++;
  printf("%d %d %d\\n", *ptrs[0] + *ptrs[1] + *ptrs[2], (*row)[3], row[0][1]);
  printf("%zu %zu %td\\n", sizeof(ptrs), sizeof(*row), (char *)(row + 1) - (char *)row);
  int arr[5] = {5, 6, 7, 8, 9};
  int (*pa)[5] = &arr;
  printf("%d %zu\\n", (*pa)[4], sizeof *pa);
  return 0;
}
`,
    out: `24 4 2
24 16 16
9 20
`,
  },
  {
    name: 'arrays decay to pointers when passed',
    src: `#include <stdio.h>
void fill(int *a, int n, int v) { for (int i = 0; i < n; i++) a[i] = v + i; }
size_t size_of_param(int a[10]) { return sizeof a; }
int main(void) {
  int a[4]; fill(a, 4, 100);
  printf("%d %d %zu %zu\\n", a[0], a[3], sizeof a, size_of_param(a));
  printf("%d\\n", a == &a[0]);
  return 0;
}
`,
    out: `100 103 16 8
1
`,
  },
  {
    name: 'strings and escapes',
    src: `#include <stdio.h>
#include <string.h>
int main(void) {
  const char *s = "tab\\there\\n";
  printf("%s", s);
  char esc[] = "\\a\\b\\f\\n\\r\\t\\v\\\\\\'\\"\\?\\0x";
  for (size_t i = 0; i < sizeof esc; i++) printf("%d ", esc[i]);
  printf("\\n%d %d %d %d\\n", '\\101', '\\x41', "\\x41\\102"[1], '\\0');
  printf("%zu %zu\\n", strlen("abc\\0def"), sizeof("abc\\0def"));
  printf("%s\\n", "concat" "enated" " " "literals");
  printf("%c%c\\n", "hello"[1], *"world");
  char buf[16]; strcpy(buf, "mutable"); buf[0] = 'M';
  printf("%s %d\\n", buf, strcmp("abc", "abd") < 0);
  return 0;
}
`,
    out: `tab	here
7 8 12 10 13 9 11 92 39 34 63 0 120 0 
65 65 66 0
3 8
concatenated literals
ew
Mutable 1
`,
  },
  {
    name: 'walking a string with a pointer',
    src: `#include <stdio.h>
size_t my_strlen(const char *s) { const char *p = s; while (*p) p++; return p - s; }
void reverse(char *s) { char *e = s; while (*e) e++; e--; while (s < e) { char t = *s; *s++ = *e; *e-- = t; } }
int main(void) {
  char w[] = "forkscope";
  reverse(w);
  printf("%zu %s\\n", my_strlen(w), w);
  return 0;
}
`,
    out: `9 epocskrof
`,
  },
  {
    name: 'writing through a null pointer raises SIGSEGV',
    src: `#include <stdio.h>
int main(void) {
  int *p = NULL;
  printf("before\\n");
  fflush(stdout);
  *p = 1;
  printf("after\\n");
  return 0;
}
`,
    out: `before
`, signal: 11,
  },
]);
