// Structs, unions, enums, typedefs, bit-fields, initializers and compound literals.
// Expected output is gcc -O0's on x86-64.
import { langCases } from './lang-harness';

langCases('aggregates', [
  {
    name: 'nested structs, arrays of structs and layout',
    src: `#include <stdio.h>
#include <stddef.h>
struct point { int x, y; };
struct rect { struct point tl, br; char name[8]; };
struct padded { char c; double d; short s; };
int main(void) {
  struct rect r[2] = {{{0, 0}, {4, 3}, "first"}, {{1, 1}, {2, 5}, "second"}};
  int area = 0;
  for (int i = 0; i < 2; i++) area += (r[i].br.x - r[i].tl.x) * (r[i].br.y - r[i].tl.y);
  printf("%d %s %c\\n", area, r[1].name, r[0].name[1]);
  printf("%zu %zu %zu\\n", sizeof(struct rect), sizeof(struct padded), offsetof(struct padded, s));
  printf("%zu %zu\\n", offsetof(struct rect, br), offsetof(struct rect, name));
  return 0;
}
`,
    out: `16 second i
24 24 16
8 16
`,
  },
  {
    name: 'struct assignment copies',
    src: `#include <stdio.h>
struct s { int a; char name[6]; double d; };
int main(void) {
  struct s x = {1, "abc", 2.5}, y;
  y = x;
  x.a = 9; x.name[0] = 'z'; x.d = 0;
  printf("%d %s %.1f | %d %s %.1f\\n", y.a, y.name, y.d, x.a, x.name, x.d);
  struct s arr[2]; arr[1] = y; arr[0] = arr[1];
  printf("%s\\n", arr[0].name);
  return 0;
}
`,
    out: `1 abc 2.5 | 9 zbc 0.0
abc
`,
  },
  {
    name: 'structs passed and returned by value',
    src: `#include <stdio.h>
struct v { double x, y; int tag; };
struct v add(struct v a, struct v b) { struct v r = {a.x + b.x, a.y + b.y, a.tag | b.tag}; return r; }
void clobber(struct v a) { a.x = 999; }
struct big { int n[20]; };
struct big make(int k) { struct big b; for (int i = 0; i < 20; i++) b.n[i] = k * i; return b; }
int main(void) {
  struct v a = {1, 2, 1}, b = {0.5, 0.25, 4};
  struct v c = add(a, b);
  clobber(a);
  printf("%.2f %.2f %d %.0f\\n", c.x, c.y, c.tag, a.x);
  printf("%d %d\\n", make(3).n[19], add(a, a).tag);
  return 0;
}
`,
    out: `1.50 2.25 5 1
57 1
`,
  },
  {
    name: 'pointer to struct and self-referential struct',
    src: `#include <stdio.h>
#include <stdlib.h>
struct node { int value; struct node *next; };
struct node *push(struct node *head, int v) { struct node *n = malloc(sizeof *n); n->value = v; n->next = head; return n; }
int main(void) {
  struct node *list = NULL;
  for (int i = 1; i <= 4; i++) list = push(list, i * 10);
  for (struct node *n = list; n; n = n->next) printf("%d ", n->value);
  printf("\\n");
  struct node fixed = {5, NULL}; struct node *p = &fixed;
  p->value++; (*p).value *= 2;
  printf("%d %d\\n", fixed.value, list->next->next->value);
  while (list) { struct node *n = list->next; free(list); list = n; }
  return 0;
}
`,
    out: `40 30 20 10 
12 20
`,
  },
  {
    name: 'function pointers in structs (an operations table)',
    src: `#include <stdio.h>
struct shape;
struct shape_ops { double (*area)(const struct shape *); const char *(*name)(void); };
struct shape { const struct shape_ops *ops; double w, h; };
static double rect_area(const struct shape *s) { return s->w * s->h; }
static double tri_area(const struct shape *s) { return s->w * s->h / 2; }
static const char *rect_name(void) { return "rect"; }
static const char *tri_name(void) { return "tri"; }
static const struct shape_ops rect_ops = {rect_area, rect_name}, tri_ops = {.name = tri_name, .area = tri_area};
int main(void) {
  struct shape shapes[] = {{&rect_ops, 2, 3}, {&tri_ops, 4, 5}};
  for (int i = 0; i < 2; i++) printf("%s %.1f\\n", shapes[i].ops->name(), shapes[i].ops->area(&shapes[i]));
  return 0;
}
`,
    out: `rect 6.0
tri 10.0
`,
  },
  {
    name: 'unions share storage',
    src: `#include <stdio.h>
union num { int i; float f; unsigned char bytes[4]; };
struct tagged { int kind; union { long l; double d; } u; };
int main(void) {
  union num n; n.f = 1.0f;
  printf("%x %d %d\\n", n.i, n.bytes[3], (int)sizeof n);
  n.i = 0; n.bytes[0] = 0x41;
  printf("%d\\n", n.i);
  struct tagged t = {1, {.d = 0.5}};
  printf("%.1f %zu\\n", t.u.d, sizeof t);
  union num m = {65};
  printf("%d\\n", m.i);
  return 0;
}
`,
    out: `3f800000 63 4
65
0.5 16
65
`,
  },
  {
    name: 'anonymous struct and union members',
    src: `#include <stdio.h>
struct s { int kind; union { int i; float f; }; struct { short lo, hi; }; };
int main(void) {
  struct s v; v.kind = 1; v.i = 7; v.lo = 2; v.hi = 3;
  printf("%d %d %d %d %zu\\n", v.kind, v.i, v.lo, v.hi, sizeof v);
  return 0;
}
`,
    out: `1 7 2 3 12
`,
  },
  {
    name: 'enums with explicit and negative values',
    src: `#include <stdio.h>
enum color { RED, GREEN = 5, BLUE, NEG = -3, NEXT, BIG = 1 << 20 };
enum { ANON_A = 'a', ANON_B };
int main(void) {
  enum color c = BLUE;
  printf("%d %d %d %d %d %d\\n", RED, GREEN, c, NEG, NEXT, BIG);
  printf("%d %zu\\n", ANON_B, sizeof(enum color));
  c = NEG;
  printf("%d %d\\n", c < 0, c == -3);
  switch (c) { case NEG: printf("neg\\n"); break; default: printf("other\\n"); }
  int arr[BLUE]; printf("%zu\\n", sizeof arr / sizeof arr[0]);
  return 0;
}
`,
    out: `0 5 6 -3 -2 1048576
98 4
1 1
neg
6
`,
  },
  {
    name: 'typedefs',
    src: `#include <stdio.h>
typedef unsigned long u64;
typedef struct pt { int x, y; } Point, *PointPtr;
typedef int Vec3[3];
typedef int (*BinOp)(int, int);
typedef char *String;
int add(int a, int b) { return a + b; }
int main(void) {
  u64 big = (u64)1 << 40; Point p = {3, 4}; PointPtr pp = &p; Vec3 v = {1, 2, 3};
  BinOp op = add; String s = "typedef";
  printf("%lu %d %d %zu %d %s\\n", big, pp->y, v[2], sizeof(Vec3), op(2, 3), s);
  { typedef double Point; Point d = 1.5; printf("%.1f\\n", d); }
  Point q = p; printf("%d\\n", q.x);
  return 0;
}
`,
    out: `1099511627776 4 3 12 5 typedef
1.5
3
`,
  },
  {
    name: 'bit-fields signed and unsigned with read-modify-write',
    src: `#include <stdio.h>
struct flags { unsigned a : 3; signed b : 4; unsigned c : 1; int d : 5; unsigned long e : 40; };
int main(void) {
  struct flags f = {0};
  f.a = 7; f.a++;
  f.b = 7; f.b++;
  f.c = 3;
  f.d = -16; f.d--;
  f.e = 0xffffffffffUL; f.e += 2;
  printf("%u %d %u %d %lu\\n", f.a, f.b, f.c, f.d, (unsigned long)f.e);
  f.a = 5; f.a |= 2; f.b = -3; f.b *= 2;
  printf("%u %d %zu\\n", f.a, f.b, sizeof f);
  struct { unsigned char lo : 4, hi : 4; } byte = {0xa, 0x5};
  printf("%d %d %zu\\n", byte.lo, byte.hi, sizeof byte);
  return 0;
}
`,
    out: `0 -8 1 15 1
7 -6 8
10 5 1
`,
  },
  {
    name: 'global and local aggregate initializers with brace elision and zero fill',
    src: `#include <stdio.h>
struct p { int x, y; };
struct line { struct p a, b; int w; };
int g[5] = {1, 2};
struct line gl = {1, 2, 3, 4};
int gm[2][3] = {1, 2, 3, 4};
char gs[10] = "hi";
int main(void) {
  struct line l = {{5}, 6, 7, 8};
  int m[2][3] = {{1}, {4, 5}};
  int flat[2][2] = {1, 2, 3};
  printf("%d %d %d %d %d\\n", g[0], g[1], g[4], gl.b.x, gl.w);
  printf("%d %d %d %d\\n", gm[0][2], gm[1][0], gm[1][2], gs[5]);
  printf("%d %d %d %d %d\\n", l.a.x, l.a.y, l.b.x, l.b.y, l.w);
  printf("%d %d %d %d %d\\n", m[0][0], m[0][1], m[1][1], flat[1][0], flat[1][1]);
  int z[100] = {0}; int s = 0; for (int i = 0; i < 100; i++) s += z[i];
  printf("%d\\n", s);
  return 0;
}
`,
    out: `1 2 0 3 0
3 4 0 0
5 0 6 7 8
1 0 5 3 0
0
`,
  },
  {
    name: 'designated initializers',
    src: `#include <stdio.h>
struct cfg { int width, height; const char *title; double scale; };
int sq[6] = {[3] = 9, [1] = 1, 4};
int main(void) {
  struct cfg c = {.title = "win", .width = 640};
  int a[8] = {[2] = 20, 30, [6] = 60};
  struct cfg arr[3] = {[1].height = 7, [2] = {.scale = 1.5}};
  printf("%d %d %s %.1f\\n", c.width, c.height, c.title, c.scale);
  for (int i = 0; i < 8; i++) printf("%d ", a[i]);
  printf("\\n%d %d %d\\n", sq[1], sq[3], sq[4]);
  printf("%d %.1f %zu\\n", arr[1].height, arr[2].scale, sizeof arr / sizeof *arr);
  return 0;
}
`,
    out: `640 0 win 0.0
0 0 20 30 0 0 60 0 
1 9 0
7 1.5 3
`,
  },
  {
    name: 'string initializers with and without size',
    src: `#include <stdio.h>
int main(void) {
  char a[] = "abc";
  char b[6] = "abc";
  char c[3] = "abc";
  char d[] = {'x', 'y', 0};
  const char *e = "ptr";
  char f[2][4] = {"ab", "cde"};
  printf("%zu %zu %zu %zu\\n", sizeof a, sizeof b, sizeof c, sizeof d);
  printf("%s %d %d %c%c%c %s %s %s\\n", a, b[4], b[5], c[0], c[1], c[2], d, e, f[1]);
  return 0;
}
`,
    out: `4 6 3 3
abc 0 0 abc xy ptr cde
`,
  },
  {
    name: 'unsized arrays take their length from the initializer',
    src: `#include <stdio.h>
int primes[] = {2, 3, 5, 7, 11};
const char *names[] = {"a", "bb", "ccc"};
int main(void) {
  int local[] = {[9] = 1};
  printf("%zu %zu %zu\\n", sizeof primes / sizeof *primes, sizeof names / sizeof *names, sizeof local / sizeof *local);
  return 0;
}
`,
    out: `5 3 10
`,
  },
  {
    name: 'initializers referring to addresses and other globals',
    src: `#include <stdio.h>
int target = 5;
int *gp = &target;
int arr[4] = {1, 2, 3, 4};
int *mid = &arr[2];
struct { const char *s; int *p; } pair = {"pair", &arr[1]};
static int counter = 3 * 4 + 1;
int main(void) {
  printf("%d %d %s %d %d\\n", *gp, *mid, pair.s, *pair.p, counter);
  int n = target * 2;
  int local[3] = {n, n + 1, target};
  printf("%d %d %d\\n", local[0], local[1], local[2]);
  return 0;
}
`,
    out: `5 3 pair 2 13
10 11 5
`,
  },
  {
    name: 'compound literals',
    src: `#include <stdio.h>
struct p { int x, y; };
int sum(const int *a, int n) { int s = 0; while (n--) s += a[n]; return s; }
int dist(struct p p) { return p.x + p.y; }
int main(void) {
  struct p a = (struct p){3, 4};
  int *arr = (int[]){1, 2, 3, 4};
  printf("%d %d %d\\n", a.x, arr[3], sum((int[]){10, 20, 30}, 3));
  printf("%d %d\\n", dist((struct p){.y = 7}), ((struct p){5, 6}).y);
  struct p *pp = &(struct p){8, 9}; pp->x++;
  printf("%d\\n", pp->x);
  return 0;
}
`,
    out: `3 4 60
7 6
9
`,
  },
]);
