// Statements and scopes: if/else chains, loops, break/continue, switch, goto, blocks and shadowing.
// Expected output is gcc -O0's on x86-64.
import { langCases } from './lang-harness';

langCases('statements', [
  {
    name: 'if / else if / else chains and dangling else',
    src: `#include <stdio.h>
const char *grade(int s) { if (s >= 90) return "A"; else if (s >= 80) return "B"; else if (s >= 70) return "C"; else return "F"; }
int main(void) {
  printf("%s%s%s%s\\n", grade(95), grade(85), grade(72), grade(10));
  int a = 1, b = 0;
  if (a) if (b) printf("both\\n"); else printf("dangling binds inner\\n");
  if (0) ; else printf("empty then\\n");
  return 0;
}
`,
    out: `ABCF
dangling binds inner
empty then
`,
  },
  {
    name: 'while, do-while and for loops',
    src: `#include <stdio.h>
int main(void) {
  int i = 0, n = 0;
  while (i < 5) n += i++;
  int d = 10; do d++; while (d < 5);
  int s = 0; for (int j = 0, k = 10; j < k; j++, k--) s += k - j;
  int c = 0; for (;;) { if (++c == 7) break; }
  long p = 1; for (int e = 0; e < 40; e++) p *= 2;
  printf("%d %d %d %d %ld\\n", n, d, s, c, p);
  int x = 3; while (x--) printf("%d ", x);
  printf("%d\\n", x);
  return 0;
}
`,
    out: `10 11 30 7 1099511627776
2 1 0 -1
`,
  },
  {
    name: 'nested break and continue',
    src: `#include <stdio.h>
int main(void) {
  for (int i = 0; i < 4; i++) {
    if (i == 1) continue;
    for (int j = 0; j < 4; j++) {
      if (j == 2) break;
      if (i == 3 && j == 0) continue;
      printf("%d%d ", i, j);
    }
  }
  int k = 0;
  do { k++; if (k % 2) continue; printf("k%d ", k); } while (k < 6);
  int w = 0;
  while (1) { if (++w > 3) break; switch (w) { case 2: continue; } printf("w%d ", w); }
  printf("\\n");
  return 0;
}
`,
    out: `00 01 20 21 31 k2 k4 k6 w1 w3 
`,
  },
  {
    name: 'switch with fallthrough, default in the middle and nesting',
    src: `#include <stdio.h>
void classify(int n) {
  switch (n) {
  case 1: printf("one ");
  case 2: printf("two "); break;
  default: printf("default ");
  case 3: printf("three "); break;
  case 4: { int v = n * 10; printf("four%d ", v); }
  case 5: case 6: printf("five-six "); break;
  }
}
int main(void) {
  for (int i = 0; i <= 7; i++) { printf("[%d] ", i); classify(i); }
  printf("\\n");
  for (int a = 0; a < 2; a++) switch (a) {
    case 0: switch (a + 1) { case 1: printf("inner1 "); break; default: printf("innerD "); } printf("after-inner ");
    break;
    case 1: printf("outer1\\n");
  }
  char c = 'b'; switch (c) { case 'a': printf("A\\n"); break; case 'b': printf("B\\n"); }
  long big = 5000000000L; switch (big) { case 5000000000L: printf("long case\\n"); break; }
  switch (9) { case 1: printf("no\\n"); }
  return 0;
}
`,
    out: `[0] default three [1] one two [2] two [3] three [4] four40 five-six [5] five-six [6] five-six [7] default three 
inner1 after-inner outer1
B
long case
`,
  },
  {
    name: 'GNU case ranges',
    src: `#include <stdio.h>
const char *kind(char c) {
  switch (c) { case '0' ... '9': return "digit"; case 'a' ... 'z': case 'A' ... 'Z': return "letter"; default: return "other"; }
}
int main(void) { printf("%s %s %s %s\\n", kind('7'), kind('q'), kind('Q'), kind('-')); return 0; }
`,
    out: `digit letter letter other
`,
  },
  {
    name: 'goto forward and backward',
    src: `#include <stdio.h>
int main(void) {
  int i = 0;
again:
  printf("%d ", i);
  if (++i < 3) goto again;
  goto skip;
  printf("skipped ");
skip:
  printf("done\\n");
  for (int a = 0; a < 3; a++) for (int b = 0; b < 3; b++) if (a * b == 2) { printf("found %d %d\\n", a, b); goto out; }
out:
  return 0;
}
`,
    out: `0 1 2 done
found 1 2
`,
  },
  {
    name: 'block scoping and shadowing',
    src: `#include <stdio.h>
int x = 1;
int get_global(void) { return x; }
int main(void) {
  printf("%d ", x);
  int x = 2;
  printf("%d ", x);
  {
    int x = 3;
    printf("%d ", x);
    { x++; int x = 10; printf("%d ", x); }
    printf("%d ", x);
  }
  for (int x = 100; x < 101; x++) printf("%d ", x);
  printf("%d %d\\n", x, get_global());
  return 0;
}
`,
    out: `1 2 3 10 4 100 2 1
`,
  },
  {
    name: 'a block-scope extern declaration names the file-scope object',
    src: `#include <stdio.h>
int x = 1;
int main(void) {
  int x = 2;
  { extern int x; printf("%d\\n", x); }
  printf("%d\\n", x);
  return 0;
}
`,
    out: `1
2
`,
  },
  {
    name: 'locals in loops are fresh each iteration',
    src: `#include <stdio.h>
int main(void) {
  int *ptrs[3];
  for (int i = 0; i < 3; i++) { int v = i * 7; ptrs[i] = &v; printf("%d ", *ptrs[i]); }
  for (int i = 0; i < 3; i++) { int acc = 0; acc += i; printf("%d ", acc); }
  printf("\\n");
  return 0;
}
`,
    out: `0 7 14 0 1 2 
`,
  },
  {
    name: 'expression statements, empty statements and labels',
    src: `#include <stdio.h>
int main(void) {
  int a = 1;
  a + 1; ; ;
  { }
  label: a++;
  if (a < 3) goto label;
  printf("%d\\n", a);
  return 0;
}
`,
    out: `3
`,
  },
]);
