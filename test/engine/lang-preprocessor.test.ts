// The preprocessor through the whole pipeline: object- and function-like macros, conditionals,
// stringification, token pasting, predefined macros. Expected output is gcc -O0's on x86-64.
import { langCases } from './lang-harness';

langCases('preprocessor', [
  {
    name: 'object-like and function-like macros',
    src: `#include <stdio.h>
#define N 10
#define SQ(x) ((x) * (x))
#define BAD_SQ(x) x * x
#define MIN(a, b) ((a) < (b) ? (a) : (b))
#define EMPTY
#define CALL(f, ...) f(__VA_ARGS__)
#define COUNT(...) sizeof((int[]){__VA_ARGS__}) / sizeof(int)
int main(void) {
  printf("%d %d %d %d\\n", N, SQ(N + 1), BAD_SQ(N + 1), MIN(3, N));
  EMPTY printf("%d\\n", CALL(MIN, 8, 4));
  printf("%zu\\n", COUNT(1, 2, 3, 4));
  #undef N
  #define N 20
  printf("%d\\n", N);
  return 0;
}
`,
    out: `10 121 21 3
4
4
20
`,
  },
  {
    name: 'stringification and token pasting',
    src: `#include <stdio.h>
#define STR(x) #x
#define XSTR(x) STR(x)
#define CAT(a, b) a##b
#define VERSION 3
#define FIELD(n) int field_##n = n;
#define SHOW(e) printf(#e " = %d\\n", e)
int main(void) {
  FIELD(1) FIELD(2)
  printf("%s %s %s\\n", STR(hello  world), STR(VERSION), XSTR(VERSION));
  printf("%d %d\\n", CAT(field_, 2), CAT(12, 34));
  SHOW(field_1 + field_2 * 10);
  printf("%s\\n", STR("quoted" 'c'));
  return 0;
}
`,
    out: `hello world VERSION 3
2 1234
field_1 + field_2 * 10 = 21
"quoted" 'c'
`,
  },
  {
    name: 'conditional compilation',
    src: `#include <stdio.h>
#define LEVEL 3
#define FEATURE
int main(void) {
#if LEVEL > 2 && defined(FEATURE)
  printf("level>2 with feature\\n");
#elif LEVEL > 1
  printf("level>1\\n");
#else
  printf("low\\n");
#endif
#ifdef MISSING
  printf("missing\\n");
#endif
#ifndef MISSING
  printf("not missing\\n");
#endif
#if 0
  this is not C and is skipped
#endif
#if (1 << 4) == 16 && -1 < 0 && 10 / 3 == 3 && !defined MISSING
  printf("arithmetic in #if\\n");
#endif
#if UNDEFINED_NAME == 0
  printf("undefined names are 0\\n");
#endif
  return 0;
}
`,
    out: `level>2 with feature
not missing
arithmetic in #if
undefined names are 0
`,
  },
  {
    name: 'predefined macros',
    src: `#include <stdio.h>
int main(void) {
  printf("%d %d\\n", __LINE__, __STDC__);
#line 100
  printf("%d\\n", __LINE__);
#if defined(__x86_64__) && defined(__linux__) && defined(__GNUC__) && __STDC_VERSION__ >= 201112L && __CHAR_BIT__ == 8
  printf("x86-64 linux\\n");
#endif
#ifdef __LP64__
  printf("LP64 %d\\n", __SIZEOF_LONG__);
#endif
  return 0;
}
`,
    out: `3 1
100
x86-64 linux
LP64 8
`,
  },
  {
    name: 'macros across lines and recursion guard',
    src: `#include <stdio.h>
#define LONG_MACRO(a, b) \\
  ((a) + \\
   (b))
#define twice(x) (2 * (x))
int main(void) {
  int self = 5;
#define self self + 1
  printf("%d %d %d\\n", LONG_MACRO(1, 2), self, twice(twice(3)));
  return 0;
}
`,
    out: `3 6 12
`,
  },
  {
    name: 'variadic macro forms: __VA_OPT__, GNU comma deletion and named parameters',
    src: `#include <stdio.h>
#define LOG(fmt, ...) printf("[log] " fmt "\\n" __VA_OPT__(,) __VA_ARGS__)
#define GLOG(fmt, ...) printf("[glog] " fmt "\\n", ## __VA_ARGS__)
#define NAMED(fmt, args...) printf(fmt, args)
int main(void) {
  LOG("plain"); LOG("%d+%d", 1, 2);
  GLOG("plain"); GLOG("%s", "x");
  NAMED("%d %d\\n", 3, 4);
  return 0;
}
`,
    out: `[log] plain
[log] 1+2
[glog] plain
[glog] x
3 4
`,
  },
  {
    name: '__COUNTER__, __has_include and #pragma',
    src: `#pragma GCC diagnostic ignored "-Wall"
#include <stdio.h>
#if __has_include(<stdio.h>) && !__has_include("no_such_header.h")
#define HAS "yes"
#else
#define HAS "no"
#endif
int main(void) {
  int a = __COUNTER__, b = __COUNTER__;
  printf("%d %d %s\\n", a, b, HAS);
  return 0;
}
`,
    out: `0 1 yes
`,
  },
  {
    name: 'standard macros from headers',
    src: `#include <stdio.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdlib.h>
#include <limits.h>
int main(void) {
  bool t = true, f = false;
  printf("%d %d %d %d\\n", t, f, NULL == 0, EOF);
  printf("%d %d\\n", EXIT_SUCCESS, EXIT_FAILURE);
  return EXIT_FAILURE;
}
`,
    out: `1 0 1 -1
0 1
`, status: 1,
  },
]);
