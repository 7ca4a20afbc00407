// Calls to pseudo-C functions run as ops of their own (see DEVELOPERS.md): these tests pin down that
// splitting an expression around its calls keeps C's semantics.
import { describe, expect, test } from 'vitest';
import { runC } from '../support/run-c';

const out = (src: string) => {
  const r = runC(src);
  expect(r.diagnostics).not.toMatch(/error/);
  return r.stdout;
};

describe('calls inside expressions', () => {
  test('&& and || call their right side only when C says so', () => {
    expect(out(`#include <stdio.h>
      int n = 0;
      int t(int v) { n++; printf("t%d ", v); return v; }
      int main(void) {
        int r = t(0) && t(1);
        r += t(1) || t(2);
        r += (t(0) || t(0)) && t(3);
        printf("| r=%d calls=%d\\n", r, n);
        return 0;
      }`)).toBe('t0 t1 t0 t0 | r=1 calls=4\n');
  });

  test('?: evaluates only the chosen branch', () => {
    expect(out(`#include <stdio.h>
      int f(int x) { printf("f%d ", x); return x; }
      int main(void) { int a = f(1) ? f(2) : f(3); int b = f(0) ? f(4) : f(5); printf("%d %d\\n", a, b); return 0; }`))
      .toBe('f1 f2 f0 f5 2 5\n');
  });

  test('the rest of an expression is read after its calls, as gcc -O0 does', () => {
    expect(out(`#include <stdio.h>
      int x = 1;
      int bump(void) { x = 100; return 5; }
      int main(void) { int y = x + bump(); printf("%d %d\\n", y, x); return 0; }`)).toBe('105 100\n');
  });

  test('arguments are evaluated right to left as gcc -O0 does; the comma operator left to right', () => {
    expect(out(`#include <stdio.h>
      int id(int v) { printf("[%d]", v); return v; }
      int add(int a, int b) { return a + b; }
      int main(void) { int z = add(id(1), add(id(2), id(3))); int w = (id(7), id(8)); printf(" %d %d\\n", z, w); return 0; }`))
      .toBe('[3][2][1][7][8] 6 8\n');
  });

  test('a loop condition that calls a function is re-evaluated on every iteration', () => {
    expect(out(`#include <stdio.h>
      int left = 3;
      int more(void) { return left-- > 0; }
      int main(void) { int n = 0; while (more()) n++; for (int i = 0; more() || i < 2; i++) n += 10; printf("%d\\n", n); return 0; }`))
      .toBe('23\n');
  });
});

describe('calling conventions', () => {
  test('structs pass and return by value', () => {
    expect(out(`#include <stdio.h>
      struct v { int x, y; char tag[8]; };
      struct v mk(int x, int y) { struct v r = { x, y, "made" }; return r; }
      struct v twice(struct v a) { a.x *= 2; a.y *= 2; return a; }
      int main(void) {
        struct v a = mk(1, 2);
        struct v b = twice(a);
        printf("%d %d %s / %d %d %s / %d\\n", a.x, a.y, a.tag, b.x, b.y, b.tag, twice(mk(5, 6)).y);
        return 0;
      }`)).toBe('1 2 made / 2 4 made / 12\n');
  });

  test('variadic pseudo-C functions read int, long, double and pointer arguments', () => {
    expect(out(`#include <stdio.h>
      #include <stdarg.h>
      void show(const char *kinds, ...) {
        va_list ap; va_start(ap, kinds);
        for (const char *k = kinds; *k; k++) {
          if (*k == 'i') printf("%d ", va_arg(ap, int));
          else if (*k == 'l') printf("%ld ", va_arg(ap, long));
          else if (*k == 'd') printf("%.2f ", va_arg(ap, double));
          else printf("%s ", va_arg(ap, char *));
        }
        va_end(ap);
        printf("\\n");
      }
      int main(void) { char c = 'A'; float f = 1.5f; show("ildsi", -3, 1L << 40, f, "str", c); show(""); return 0; }`))
      .toBe('-3 1099511627776 1.50 str 65 \n\n');
  });

  test('function pointers reach pseudo-C functions and builtins alike', () => {
    expect(out(`#include <stdio.h>
      #include <string.h>
      int twice(int x) { return 2 * x; }
      int main(void) {
        int (*f)(int) = twice;
        size_t (*len)(const char *) = strlen;
        int (*table[])(int) = { twice, f };
        printf("%d %zu %d\\n", f(21), len("hello"), table[1](table[0](3)));
        return 0;
      }`)).toBe('42 5 12\n');
  });

  test('locals in memory survive calls through functions that keep none there', () => {
    expect(out(`#include <stdio.h>
      int leaf(int x) { int a[4]; a[0] = x; a[3] = x * 2; return a[0] + a[3]; }
      int middle(int x) { return leaf(x) + 1; }
      int main(void) { int arr[3] = { 1, 2, 3 }; int r = middle(5); int *p = &r; printf("%d %d %d %d\\n", arr[0], arr[1], arr[2], *p); return 0; }`))
      .toBe('1 2 3 16\n');
  });

  test('deep recursion runs on the simulated stack, not the host one', () => {
    expect(out(`#include <stdio.h>
      long depth(long n) { return n == 0 ? 0 : 1 + depth(n - 1); }
      int main(void) { printf("%ld\\n", depth(100000)); return 0; }`)).toBe('100000\n');
  });

  test('main may take argc and argv', () => {
    const r = runC(`#include <stdio.h>
      int main(int argc, char **argv) { for (int i = 0; i < argc; i++) printf("%s|", argv[i]); printf("%d\\n", argc); return argc; }`, { args: ['a', 'bc'] });
    expect(r.stdout).toBe('./prog|a|bc|3\n');
    expect(r.outcome).toMatchObject({ kind: 'exited', status: 3 });
  });
});
