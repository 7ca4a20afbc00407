// Errors and warnings found after parsing (name lookup, types, statements, linking), checked against the
// exact text gcc 12 prints for the same program (`LANG=C gcc -fsyntax-only /work/prog.c`, first lines
// only: gcc's notes and "In function" headers are not compared).
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../debug-adapter/engine/lang/diagnostics';
import { compileC, PROG_PATH, runC } from '../support/run-c';

interface Case {
  name: string;
  source: string;
  /** gcc's error and warning lines, in order. */
  gcc: string[];
  /**
   * gcc puts the caret on the operator token ('.', '[', '++', the right-hand side, `case`) where
   * Forkscope points at the start of the expression or at another token of the same construct.
   * Those cases compare everything but the column.
   */
  columnDiffers?: true;
}

const P = PROG_PATH;

const errorCases: Case[] = [
  {
    name: 'undeclared identifier',
    source: 'int main(void) {\n  int y = 1;\n  return x + y;\n}\n',
    gcc: [`${P}:3:10: error: 'x' undeclared (first use in this function)`],
  },
  {
    name: "undeclared identifier in a loop's condition, reported once",
    source: 'int main(void) {\n  while (zz) {}\n  return 0;\n}\n',
    gcc: [`${P}:2:10: error: 'zz' undeclared (first use in this function)`],
  },
  {
    name: 'a struct as one side of && in a condition',
    source: 'struct s { int a; };\nint main(void) {\n  struct s v = { 1 };\n  int x = 1;\n  if (v && x)\n    return 1;\n  return 0;\n}\n',
    gcc: [`${P}:5:7: error: used struct type value where scalar is required`],
  },
  {
    name: 'undeclared identifier at file scope',
    source: 'int a[] = { 1, y };\nint main(void) { return 0; }\n',
    gcc: [`${P}:1:16: error: 'y' undeclared here (not in a function)`],
  },
  {
    name: 'too many arguments',
    source: 'int f(int a) { return a; }\nint main(void) {\n  return f(1, 2);\n}\n',
    gcc: [`${P}:3:10: error: too many arguments to function 'f'`],
  },
  {
    name: 'too few arguments',
    source: 'int f(int a, int b) { return a + b; }\nint main(void) {\n  return f(1);\n}\n',
    gcc: [`${P}:3:10: error: too few arguments to function 'f'`],
  },
  {
    name: 'calling a non-function',
    source: 'int main(void) {\n  int n = 3;\n  return n(2);\n}\n',
    gcc: [`${P}:3:10: error: called object 'n' is not a function or function pointer`],
  },
  {
    name: 'invalid operands: struct + int',
    source: 'struct S { int a; };\nint main(void) {\n  struct S s = {1};\n  return s + 1;\n}\n',
    gcc: [`${P}:4:12: error: invalid operands to binary + (have 'struct S' and 'int')`],
  },
  {
    name: 'invalid operands: pointer * pointer',
    source: 'int main(void) {\n  int *p = 0, *q = 0;\n  return p * q;\n}\n',
    gcc: [`${P}:3:12: error: invalid operands to binary * (have 'int *' and 'int *')`],
  },
  {
    name: 'lvalue required on the left of =',
    source: 'int main(void) {\n  int a = 1;\n  a + 1 = 2;\n  return a;\n}\n',
    gcc: [`${P}:3:9: error: lvalue required as left operand of assignment`],
  },
  {
    name: "lvalue required for unary '&'",
    source: 'int main(void) {\n  int a = 1;\n  int *p = &(a + 1);\n  return *p;\n}\n',
    gcc: [`${P}:3:12: error: lvalue required as unary '&' operand`],
  },
  {
    name: 'lvalue required for ++',
    source: 'int main(void) {\n  5++;\n  return 0;\n}\n',
    gcc: [`${P}:2:4: error: lvalue required as increment operand`],
    columnDiffers: true,
  },
  {
    name: "member not found with '.'",
    source: 'struct point { int x, y; };\nint main(void) {\n  struct point p = {1, 2};\n  return p.z;\n}\n',
    gcc: [`${P}:4:11: error: 'struct point' has no member named 'z'`],
    columnDiffers: true,
  },
  {
    name: "member not found with '->'",
    source: 'struct point { int x, y; };\nint main(void) {\n  struct point p = {1, 2}, *pp = &p;\n  return pp->z;\n}\n',
    gcc: [`${P}:4:12: error: 'struct point' has no member named 'z'`],
    columnDiffers: true,
  },
  {
    name: 'request for member in a non-struct',
    source: 'int main(void) {\n  int n = 1;\n  return n.x;\n}\n',
    gcc: [`${P}:3:11: error: request for member 'x' in something not a structure or union`],
    columnDiffers: true,
  },
  {
    name: 'subscript of a non-array',
    source: 'int main(void) {\n  int n = 1;\n  return n[0];\n}\n',
    gcc: [`${P}:3:11: error: subscripted value is neither array nor pointer nor vector`],
    columnDiffers: true,
  },
  {
    name: 'incompatible types in assignment',
    source: 'struct S { int a; };\nint main(void) {\n  struct S s;\n  int n = 0;\n  s = n;\n  return 0;\n}\n',
    gcc: [`${P}:5:7: error: incompatible types when assigning to type 'struct S' from type 'int'`],
    columnDiffers: true,
  },
  {
    name: 'incompatible types in an initializer',
    source: 'struct S { int a; };\nint main(void) {\n  struct S s = {1};\n  int n = s;\n  return n;\n}\n',
    gcc: [`${P}:4:11: error: incompatible types when initializing type 'int' using type 'struct S'`],
  },
  {
    name: 'designated index past the end of a global array',
    source: 'int a[10] = {[12] = 5};\nint main(void) {\n  return a[0];\n}\n',
    gcc: [`${P}:1:15: error: array index in initializer exceeds array bounds`],
  },
  {
    name: 'negative designated index in a global array',
    source: 'int a[10] = {[-1] = 5};\nint main(void) {\n  return a[0];\n}\n',
    gcc: [`${P}:1:15: error: array index in initializer exceeds array bounds`],
  },
  {
    name: 'negative designated index in a local array',
    source: 'int main(void) {\n  int a[10] = {[-1] = 5};\n  return a[0];\n}\n',
    gcc: [`${P}:2:17: error: array index in initializer exceeds array bounds`],
  },
  {
    name: 'void value used',
    source: 'void f(void) {}\nint main(void) {\n  int x = f();\n  return x;\n}\n',
    gcc: [`${P}:3:11: error: void value not ignored as it ought to be`],
  },
  {
    name: 'break and continue outside a loop',
    source: 'int main(void) {\n  break;\n  continue;\n  return 0;\n}\n',
    gcc: [`${P}:2:3: error: break statement not within loop or switch`, `${P}:3:3: error: continue statement not within a loop`],
  },
  {
    name: 'case and default outside a switch',
    source: 'int main(void) {\n  int n = 1;\n  case 1: n++;\n  default: n--;\n  return n;\n}\n',
    gcc: [`${P}:3:3: error: case label not within a switch statement`, `${P}:4:3: error: 'default' label not within a switch statement`],
  },
  {
    name: 'duplicate case value',
    source: 'int main(void) {\n  int n = 1;\n  switch (n) {\n  case 1: n++; break;\n  case 2: n--; break;\n  case 1: n = 0; break;\n  }\n  return n;\n}\n',
    gcc: [`${P}:6:3: error: duplicate case value`],
    columnDiffers: true,
  },
  {
    name: 'undefined label',
    source: 'int main(void) {\n  int n = 1;\n  goto done;\n  return n;\n}\n',
    gcc: [`${P}:3:3: error: label 'done' used but not defined`],
  },
  {
    name: 'redefinition of a function and of a local',
    source: 'int f(void) { return 1; }\nint f(void) { return 2; }\nint main(void) {\n  int a = 1;\n  int a = 2;\n  return a + f();\n}\n',
    gcc: [`${P}:2:5: error: redefinition of 'f'`, `${P}:5:7: error: redefinition of 'a'`],
  },
  {
    name: 'redefinition of a global',
    source: 'int g = 1;\nint g = 2;\nint main(void) { return g; }\n',
    gcc: [`${P}:2:5: error: redefinition of 'g'`],
  },
  {
    name: 'conflicting types for a function',
    source: 'int f(int a);\ndouble f(int a) { return a; }\nint main(void) { return 0; }\n',
    gcc: [`${P}:2:8: error: conflicting types for 'f'; have 'double(int)'`],
  },
  {
    name: 'conflicting types for a global',
    source: 'int g;\nchar g;\nint main(void) { return 0; }\n',
    gcc: [`${P}:2:6: error: conflicting types for 'g'; have 'char'`],
  },
  {
    name: 'several errors from one compile',
    source: 'int main(void) {\n  int a = 1;\n  a = b;\n  break;\n  return c;\n}\n',
    gcc: [
      `${P}:3:7: error: 'b' undeclared (first use in this function)`,
      `${P}:4:3: error: break statement not within loop or switch`,
      `${P}:5:10: error: 'c' undeclared (first use in this function)`,
    ],
  },
];

const warningCases: Case[] = [
  {
    name: 'implicit function declaration',
    source: 'int main(void) {\n  return foo(1);\n}\nint foo(int a) { return a * 2; }\n',
    gcc: [`${P}:2:10: warning: implicit declaration of function 'foo' [-Wimplicit-function-declaration]`],
  },
  {
    name: 'int-conversion in initializers and assignment',
    source: 'int main(void) {\n  int n = 5;\n  int *p = n;\n  char *s = "hi";\n  int m = s;\n  p = 7;\n  return m;\n}\n',
    gcc: [
      `${P}:3:12: warning: initialization of 'int *' from 'int' makes pointer from integer without a cast [-Wint-conversion]`,
      `${P}:5:11: warning: initialization of 'int' from 'char *' makes integer from pointer without a cast [-Wint-conversion]`,
      `${P}:6:5: warning: assignment to 'int *' from 'int' makes pointer from integer without a cast [-Wint-conversion]`,
    ],
  },
  {
    name: 'int-conversion and incompatible pointers in arguments',
    source: 'void f(int *p) { (void)p; }\nvoid g(double *p) { (void)p; }\nint main(void) {\n  int n = 2;\n  long *lp = 0;\n  f(n);\n  g(lp);\n  lp = &n;\n  return 0;\n}\n',
    gcc: [
      `${P}:6:5: warning: passing argument 1 of 'f' makes pointer from integer without a cast [-Wint-conversion]`,
      `${P}:7:5: warning: passing argument 1 of 'g' from incompatible pointer type [-Wincompatible-pointer-types]`,
      `${P}:8:6: warning: assignment to 'long int *' from incompatible pointer type 'int *' [-Wincompatible-pointer-types]`,
    ],
  },
];

/** A diagnostic's first line as gcc prints it; without the column when the case says gcc's differs. */
function firstLine(d: Diagnostic, withColumn: boolean): string {
  return withColumn ? `${d.file}:${d.line}:${d.col}: ${d.severity}: ${d.message}` : `${d.file}:${d.line}: ${d.severity}: ${d.message}`;
}
const dropColumn = (gccLine: string): string => gccLine.replace(/^([^:]+:\d+):\d+:/, '$1:');

function reported(c: Case): string[] {
  const { diagnostics } = compileC(c.source);
  return diagnostics.filter((d) => d.severity !== 'note').map((d) => firstLine(d, !c.columnDiffers));
}
const expected = (c: Case): string[] => (c.columnDiffers ? c.gcc.map(dropColumn) : c.gcc);

describe('compile errors, worded and placed as gcc does', () => {
  it.each(errorCases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(reported(c)).toEqual(expected(c));
    expect(compileC(c.source).program).toBeUndefined();
  });
});

describe('warnings, which still produce a program', () => {
  it.each(warningCases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(reported(c)).toEqual(expected(c));
    expect(compileC(c.source).program).toBeDefined();
  });

  it('a program compiled with an implicit declaration still runs', () => {
    const r = runC('#include <stdio.h>\nint main(void) {\n  printf("%d\\n", twice(21));\n  return 0;\n}\nint twice(int a) { return a * 2; }\n');
    expect(r.stdout).toBe('42\n');
    expect(r.outcome).toMatchObject({ kind: 'exited', status: 0 });
  });
});

// Linker errors: gcc's come from ld ("prog.c:(.text+0x13): undefined reference to `helper'") with no
// column; Forkscope reports them at the first use in the compiler's own format, which is what we pin.
describe('link errors', () => {
  it('a declared function that is never defined is an undefined reference at its first use', () => {
    const { program, diagnostics } = compileC('int helper(int n);\nint main(void) {\n  int r = helper(3);\n  return r;\n}\n');
    expect(program).toBeUndefined();
    expect(diagnostics.map((d) => firstLine(d, true))).toEqual([`${P}:3:11: error: undefined reference to 'helper'`]);
  });

  it('a program without main is an undefined reference to main', () => {
    const { program, diagnostics } = compileC('int helper(int n) { return n; }\n');
    expect(program).toBeUndefined();
    expect(diagnostics.map((d) => firstLine(d, true))).toEqual([`${P}:1:1: error: undefined reference to 'main'`]);
  });

  // gcc and ld take a 300 MiB array (only the pages touched cost memory); Forkscope bounds a program's
  // static data, and says so at the declaration instead of failing inside the loader.
  it('static data past the machine\'s bound is an error at each object that does not fit, global or local', () => {
    const { program, diagnostics } = compileC(
      'char a[200 << 20];\nchar b[100 << 20];\nint main(void) {\n  static char c[300 << 20];\n  a[0] = b[0] = c[0] = 1;\n  return 0;\n}\n',
    );
    expect(program).toBeUndefined();
    expect(diagnostics.map((d) => firstLine(d, true))).toEqual([
      `${P}:2:6: error: 'b' does not fit: a program's static data may take at most 256 MiB in Forkscope`,
      `${P}:4:15: error: 'c' does not fit: a program's static data may take at most 256 MiB in Forkscope`,
    ]);
  });
});

describe('formatDiagnostics', () => {
  it('prints the location line, then the source line with its number and a caret under the column, as gcc does', () => {
    const r = runC('int main(void) {\n  int y = 1;\n  return x + y;\n}\n');
    expect(r.outcome).toBeUndefined();
    // gcc 12 prints exactly these three lines (after an "In function 'main':" header and before its note).
    expect(r.diagnostics).toContain(
      `${P}:3:10: error: 'x' undeclared (first use in this function)\n` +
        '    3 |   return x + y;\n' +
        '      |          ^\n',
    );
  });
});
