import { describe, expect, test } from 'vitest';
import { findMember, sizeOf, T, typeName } from '../../debug-adapter/engine/lang/types';
import type { StructType } from '../../debug-adapter/engine/lang/types';
import { bodyOf, exprOf, functionDef, globalVar, messages, parseClean, parseSource, strip } from './parse-helpers';

describe('declaration types', () => {
  test.each([
    ['unsigned long long x;', 'unsigned long long'],
    ['long double x;', 'long double'],
    ['short int x;', 'short'],
    ['unsigned x;', 'unsigned int'],
    ['signed char x;', 'signed char'],
    ['unsigned char x;', 'unsigned char'],
    ['long unsigned int x;', 'long unsigned int'],
    ['long long int x;', 'long long'],
    ['_Bool x;', '_Bool'],
    ['const volatile int * restrict x;', 'int *'],
    ['static __inline__ int x;', 'int'],
    ['__extension__ typedef unsigned long T; T x;', 'long unsigned int'],
    ['int *x[3];', 'int *[3]'],
    ['int (*x)[3];', 'int[3] *'],
    ['int x[2][3];', 'int[3][2]'],
    ['int (*x)(int, char *);', 'int (*)(int, char *)'],
    ['char *(*x[4])(void);', 'char * (*)(void)[4]'],
    ['void (*signal(int, void (*)(int)))(int);', 'void (*)(int)(int, void (*)(int))'],
    ['int x[] = {1, 2};', 'int[]'],
    ['__builtin_va_list x;', 'void *'],
    ['int __attribute__((unused)) x __attribute__((aligned(8))) asm("y");', 'int'],
    ['int f();', 'int()'],
    ['int f(int a[], int g(void), ...);', 'int(int *, int (*)(void), ...)'],
  ])('%s', (src, expected) => {
    const decls = parseClean(src).decls;
    expect(typeName(decls[decls.length - 1]!.type)).toBe(expected);
  });

  test('function types record prototypes, variadic and unprototyped', () => {
    const f = globalVar('int f();', 'f').type;
    expect(f).toMatchObject({ kind: 'function', unprototyped: true, params: [] });
    const g = globalVar('int g(void);', 'g').type;
    expect(g).toMatchObject({ kind: 'function', unprototyped: false, params: [], variadic: false });
    const h = globalVar('int h(const char *fmt, ...);', 'h').type;
    expect(h).toMatchObject({ kind: 'function', variadic: true, params: [{ name: 'fmt' }] });
  });

  test('typedefs are scoped and shadowed by inner variables', () => {
    const items = bodyOf('{ int T = 2; T * 3; }\nT y;', 'typedef long T;');
    const inner = items[0] as { items: unknown[] };
    expect(strip(inner.items[1])).toMatchObject({ kind: 'expr', expr: { kind: 'binary', op: '*', left: { name: 'T' } } });
    expect(strip(items[1])).toMatchObject({ kind: 'decl', decls: [{ name: 'y', type: 'long int' }] });
  });

  test('struct layout, bit-fields, anonymous members and flexible arrays', () => {
    const v = globalVar(`struct s { char c; int i; unsigned a : 3, b : 5; union { long l; char d[3]; }; double x; int tail[]; } v;`, 'v');
    const st = v.type as StructType;
    expect(st.size).toBe(32);
    expect(findMember(st, 'i')!.offset).toBe(4);
    expect(findMember(st, 'b')!.member).toMatchObject({ bitWidth: 5, bitOffset: 3, offset: 8 });
    expect(findMember(st, 'l')!.offset).toBe(16);
    expect(findMember(st, 'x')!.offset).toBe(24);
    expect(findMember(st, 'tail')!.member.type).toMatchObject({ kind: 'array', length: undefined });
  });

  test('an incomplete struct is completed in place', () => {
    const unit = parseClean('struct n; struct n *p; struct n { int a; struct n *next; };');
    const p = unit.decls[0]!;
    expect(p.type.kind === 'pointer' && (p.type.to as StructType).size).toBe(16);
    expect(p.type.kind === 'pointer' && p.type.to).toBe(p.type.kind === 'pointer' && (findMember(p.type.to as StructType, 'next')!.member.type as { to: unknown }).to);
  });

  test('enum constants fold to int nodes', () => {
    expect(strip(exprOf('B + C', 'enum e { A, B = 5, C, D = A - 2 };'))).toEqual({
      kind: 'binary', op: '+', left: { kind: 'int', value: '5n', type: 'int' }, right: { kind: 'int', value: '6n', type: 'int' },
    });
    expect(globalVar('enum e { A, B = 5, C, D = A - 2 }; int a[-D];', 'a').type).toMatchObject({ length: 2 });
  });

  test('array sizes are folded constant expressions', () => {
    const src = `struct p { char c; long l; };
      int a[sizeof(struct p) * 2 + (3 > 2 ? 1 : 0) - (int)2.9];
      int b[__builtin_offsetof(struct p, l)];
      int c[(unsigned char)300 >> 2];
      int d[sizeof a / sizeof a[0]];
      int e[_Alignof(long)];`;
    const len = (n: string) => (globalVar(src, n).type as { length: number }).length;
    expect([len('a'), len('b'), len('c'), len('d'), len('e')]).toEqual([31, 8, 11, 31, 8]);
  });

  test('a non-constant array size in a function is a VLA', () => {
    const [decl] = bodyOf('int n = 3; int a[n * 2];').slice(1) as unknown as [{ decls: { vlaLength?: unknown; type: unknown }[] }];
    expect(strip(decl.decls[0])).toMatchObject({ name: 'a', type: 'int[]', vlaLength: { kind: 'binary', op: '*' } });
  });

  test('typeof of expressions and types', () => {
    const src = `struct s { int v; char *name; } g, *gp; int arr[4];
      typeof(gp->name) a; __typeof__(*gp) b; typeof(&arr[1]) c; typeof(gp + 1) d; typeof(int *) e; typeof(g.v + 1L) f;`;
    const names = Object.fromEntries(parseClean(src).decls.map((d) => [d.name, typeName(d.type)]));
    expect(names).toMatchObject({ a: 'char *', b: 'struct s', c: 'int *', d: 'struct s *', e: 'int *', f: 'long int' });
  });

  test('_Static_assert is checked', () => {
    expect(messages('_Static_assert(sizeof(int) == 4, "ok");')).toEqual([]);
    expect(messages('_Static_assert(1 == 2, "nope");')).toEqual(['t.c:1:1: error: static assertion failed: "nope"']);
    expect(messages('int v; _Static_assert(v, "x");')).toEqual(['t.c:1:23: error: expression in static assertion is not constant']);
  });
});

describe('literals', () => {
  test.each([
    ['42', 42n, 'int'], ['2147483648', 2147483648n, 'long int'], ['0x80000000', 2147483648n, 'unsigned int'],
    ['0xffffffffffffffff', 18446744073709551615n, 'long unsigned int'], ['10u', 10n, 'unsigned int'], ['10UL', 10n, 'long unsigned int'],
    ['10ll', 10n, 'long long'], ['10uLL', 10n, 'unsigned long long'], ['017', 15n, 'int'], ['0', 0n, 'int'],
    ["'a'", 97n, 'int'], ["'\\n'", 10n, 'int'], ["'\\x41'", 65n, 'int'], ["'\\xff'", -1n, 'int'], ["'\\0'", 0n, 'int'], ["'\\377'", -1n, 'int'],
  ])('%s', (src, value, type) => {
    expect(strip(exprOf(src))).toEqual({ kind: 'int', value: `${value}n`, type });
  });

  test('floating constants', () => {
    expect(strip(exprOf('1.5f'))).toEqual({ kind: 'float', value: 1.5, type: 'float' });
    expect(strip(exprOf('2.5e3'))).toEqual({ kind: 'float', value: 2500, type: 'double' });
    expect(strip(exprOf('0x1p4'))).toEqual({ kind: 'float', value: 16, type: 'double' });
  });

  test('multi-character constants warn and pack like gcc', () => {
    const r = parseSource("int c = 'ab';");
    expect(strip(r.unit.decls[0])).toMatchObject({ init: { expr: { value: '24930n' } } });
    expect(r.diagnostics.map((d) => `${d.col} ${d.message}`)).toEqual(['9 multi-character character constant']);
  });

  test('strings concatenate and decode escapes to bytes', () => {
    const e = exprOf('"a\\tb" "\\x41\\101\\e" "é\\\\"');
    expect(e.kind === 'string' && [...e.bytes]).toEqual([97, 9, 98, 65, 65, 27, 0xc3, 0xa9, 92]);
  });

  test('bad literals report gcc messages', () => {
    expect(messages('int x = 3x;')).toEqual(['t.c:1:9: error: invalid suffix "x" on integer constant']);
    expect(messages('int x = 09;')).toEqual(['t.c:1:9: error: invalid digit "9" in octal constant']);
  });
});

describe('expressions', () => {
  test('precedence and associativity', () => {
    const show = (e: unknown): string => {
      const n = e as { kind: string; op?: string; left?: unknown; right?: unknown; value?: bigint; name?: string; target?: unknown; operand?: unknown; test?: unknown; then?: unknown; else?: unknown };
      switch (n.kind) {
        case 'binary': return `(${show(n.left)}${n.op}${show(n.right)})`;
        case 'assign': return `(${show(n.target)}${n.op}${show(n.value)})`;
        case 'unary': return `(${n.op}${show(n.operand)})`;
        case 'cond': return `(${show(n.test)}?${show(n.then)}:${show(n.else)})`;
        case 'int': return String(n.value);
        case 'ident': return n.name!;
        default: return n.kind;
      }
    };
    const body = (src: string) => show((bodyOf(`${src};`, 'int a, b, c, *p;')[0] as { expr: unknown }).expr);
    expect(body('a = b = 1 + 2 * 3 - 4')).toBe('(a=(b=((1+(2*3))-4)))');
    expect(body('a || b && c | 1 ^ 2 & 3 == 4 < 5 << 6')).toBe('(a||(b&&(c|(1^(2&(3==(4<(5<<6))))))))');
    expect(body('a ? b : c ? 1 : 2')).toBe('(a?b:(c?1:2))');
    expect(body('-*p++ + !a')).toBe('((-(*(post++p)))+(!a))');
    expect(body('a += 1, b')).toBe('((a+=1),b)');
  });

  test('casts, compound literals, sizeof, statement expressions, builtins', () => {
    const items = bodyOf(`
      long x = (long)(T)3;
      struct pt *q = &(struct pt){ .x = 1, 2 };
      unsigned long s = sizeof(T) + sizeof x;
      int y = ({ int t = 2; t * 3; });
      long o = __builtin_offsetof(struct pt, y);
      __builtin_va_list ap;
      int z = __builtin_va_arg(ap, int);
      const char *fn = __func__;`, 'typedef int T; struct pt { int x, y; };');
    const inits = items.map((s) => strip((s as { decls: { init: { expr: unknown } }[] }).decls[0]!.init?.expr));
    expect(inits[0]).toEqual({ kind: 'cast', to: 'long int', operand: { kind: 'cast', to: 'int', operand: { kind: 'int', value: '3n', type: 'int' } } });
    expect(inits[1]).toMatchObject({ kind: 'unary', op: '&', operand: { kind: 'compoundLiteral', of: 'struct pt', init: { kind: 'list', items: [{ designators: [{ kind: 'field', name: 'x' }] }, { designators: [] }] } } });
    expect(inits[2]).toMatchObject({ left: { kind: 'sizeofType', of: 'int' }, right: { kind: 'sizeofExpr', operand: { kind: 'ident', name: 'x' } } });
    expect(inits[3]).toMatchObject({ kind: 'stmtExpr', body: { kind: 'block', items: [{ kind: 'decl' }, { kind: 'expr' }] } });
    expect(inits[4]).toEqual({ kind: 'offsetof', of: 'struct pt', member: ['y'] });
    expect(inits[6]).toEqual({ kind: 'vaArg', ap: { kind: 'ident', name: 'ap' }, of: 'int' });
    expect(inits[7]).toEqual({ kind: 'ident', name: '__func__' });
  });

  test('binary nodes take the operator position, others their first token', () => {
    const e = exprOf('1 +\n  f(2)', 'int f(int);');
    expect(e.pos).toMatchObject({ line: 2, col: 15 });
    expect(e.kind === 'binary' && e.right.pos).toMatchObject({ line: 3, col: 3 });
  });
});

describe('statements', () => {
  test('all statement kinds', () => {
    const items = bodyOf(`
      int i, n = 0;
      for (int j = 0; j < 3; j++) n += j;
      for (;;) break;
      while (n) n--;
      do { n++; } while (n < 3);
      if (n) n = 1; else n = 2;
      switch (n) { case 1: case 2 ... 4: n = 0; break; default: break; }
      again: if (n) goto again;
      ;
      return;`);
    expect(items.map((s) => s.kind)).toEqual(['decl', 'for', 'for', 'while', 'doWhile', 'if', 'switch', 'label', 'empty', 'return']);
    expect(strip((items[6] as { body: { items: unknown[] } }).body.items[0])).toMatchObject({ kind: 'case', value: { value: '1n' }, body: { kind: 'case', value: { value: '2n' }, high: { value: '4n' } } });
  });

  test('function definitions record parameters and the closing brace', () => {
    const f = functionDef('static int add(int a, char *b, int) {\n  return a;\n}', 'add');
    expect(f).toMatchObject({ paramNames: ['a', 'b', undefined], isStatic: true, endPos: { line: 3, col: 1 } });
    expect(f.paramPos.map((p) => p.col)).toEqual([20, 29, 32]);
  });

  test('K&R implicit int warns like gcc', () => {
    expect(messages('main() { return 0; }')).toEqual(["t.c:1:1: warning: return type defaults to 'int'"]);
  });
});

describe('syntax errors match gcc', () => {
  test.each([
    ['int h(void) {\n  return 1\n}', ["t.c:2:11: error: expected ';' before '}' token"]],
    ['void k(void) {\n  h()\n  h();\n}', ["t.c:2:6: error: expected ';' before 'h'"]],
    ['int f(int a) { return (a + ); }', ["t.c:1:28: error: expected expression before ')' token"]],
    ['int main(void) {\n  int x = 1\n  return x;\n}', ["t.c:3:3: error: expected ',' or ';' before 'return'"]],
    ['int 5;', ["t.c:1:5: error: expected identifier or '(' before numeric constant"]],
    ['+;', ["t.c:1:1: error: expected identifier or '(' before '+' token"]],
    ['foo bar;', ["t.c:1:1: error: unknown type name 'foo'"]],
    ['void f(void) { foo *p; }', ["t.c:1:16: error: unknown type name 'foo'"]],
    ['int g(, int a);', ["t.c:1:7: error: expected declaration specifiers or '...' before ',' token"]],
    ['int f(int a) { return (a; }', ["t.c:1:25: error: expected ')' before ';' token", "t.c:1:26: error: expected ';' before '}' token"]],
    ['int main(void) {\n  if (1) {\n    return 0;\n}\n', ['t.c:4:1: error: expected declaration or statement at end of input']],
    ['struct s { int a; };\nstruct s { int b; };', ["t.c:2:8: error: redefinition of 'struct s'"]],
    ['int x1;\nvoid x1(void);', ["t.c:2:6: error: 'x1' redeclared as different kind of symbol"]],
    ['int char z;', ['t.c:1:5: error: two or more data types in declaration specifiers']],
    ['unsigned unsigned u;', ["t.c:1:10: error: duplicate 'unsigned'"]],
    ['long long long ll;', ["t.c:1:11: error: 'long long long' is too long for GCC"]],
    ['short long sl;', ["t.c:1:7: error: both 'long' and 'short' in declaration specifiers"]],
    ['struct s { int a int b; };', ["t.c:1:18: error: expected ':', ',', ';', '}' or '__attribute__' before 'int'"]],
    ['enum e { A, B C };', ["t.c:1:15: error: expected ',' or '}' before 'C'"]],
    ['int f(int a) { switch (a) { case 1 return 0; } }', ["t.c:1:36: error: expected ':' or '...' before 'return'"]],
    ['int f(int a) { return a ? 1 2; }', ["t.c:1:28: error: expected ':' before numeric constant"]],
    ['int f(void) { goto ; }', ["t.c:1:20: error: expected identifier or '*' before ';' token"]],
    ['void f(void) { for (int i = 0; i < 3 i++) ; }', ["t.c:1:37: error: expected ';' before 'i'"]],
    ['void f(void) { else ; }', ["t.c:1:16: error: 'else' without a previous 'if'"]],
    ['int n; int a[n];', ["t.c:1:12: error: variably modified 'a' at file scope"]],
    ['enum { A = 1.5 };', ["t.c:1:12: error: enumerator value for 'A' is not an integer constant"]],
    ['struct s { int x : 1.5; };', ["t.c:1:16: error: bit-field 'x' width not an integer constant"]],
    ['void f(int n) { switch (n) { case n: ; } }', ['t.c:1:30: error: case label does not reduce to an integer constant']],
    ['union s; struct s *p;', ["t.c:1:17: error: 's' defined as wrong kind of tag"]],
    ['int y = ({ 2; });', ['t.c:1:9: error: braced-group within expression allowed only inside a function']],
    ['int f(int a) { if a) return 1; return 0; }', ["t.c:1:19: error: expected '(' before 'a'", "t.c:1:20: error: expected statement before ')' token"]],
    ['void f(void) { int x[2] = {1, 2 ; }', ["t.c:1:33: error: expected '}' before ';' token", "t.c:1:1: error: expected ',' or ';' at end of input", 't.c:1:1: error: expected declaration or statement at end of input']],
    ['int g(void) { struct q *p; return sizeof(struct q); }\nint a[sizeof(struct q)];', ["t.c:1:42: error: invalid application of 'sizeof' to incomplete type 'struct q'", "t.c:2:14: error: invalid application of 'sizeof' to incomplete type 'struct q'"]],
    ['void f(void) { int x; x = typeof_me(x) + 1; typeof(x + (x = 1, 2)) y; }', []],
    ['int v = 1; typeof(v ? v : v, v = 2) w;', []],
    ["int b = 1 '\\n';", ["t.c:1:11: error: expected ',' or ';' before '\\xa'"]],
    ["int b = 1 'a';", ["t.c:1:11: error: expected ',' or ';' before 'a'"]],
    ['x = 5;', ['t.c:1:1: warning: data definition has no type or storage class', "t.c:1:1: warning: type defaults to 'int' in declaration of 'x'"]],
    ['void f(void) { a: int x; x = 1; }', []],
    ['typedef int T; void f(void) { T = 3; }', ["t.c:1:33: error: expected identifier or '(' before '=' token"]],
    ['int f(int a, ) { return 0; }', ["t.c:1:14: error: expected declaration specifiers or '...' before ')' token"]],
    ['int f(void) {\n  if (1) {\n  return 0;\n}\nint main(void) { return f(); }\n', ['t.c:5:1: error: expected declaration or statement at end of input']],
    ['int f(void) {\n  int g(void) { return 1; }\n  return g();\n}', ["t.c:2:7: error: nested function 'g' is not supported"]],
    ['void f(void) { typeof(g()) y; }', ['t.c:1:23: error: typeof of this expression is not supported']],
    ['_Complex double z;', ['t.c:1:1: error: complex types are not supported']],
  ])('%s', (src, expected) => {
    expect(messages(src)).toEqual(expected);
  });

  test('recovery reports several independent errors', () => {
    const src = ['int f(int a) {', '  int x = ;', '  a = a +;', '  return a', '}', 'int g(void) {', '  return 1 +* ;', '}', 'int ok(void) { return 1; }'].join('\n');
    const r = parseSource(src);
    expect(r.diagnostics.map((d) => `${d.line}:${d.col}: ${d.message}`)).toEqual([
      "2:11: expected expression before ';' token",
      "3:10: expected expression before ';' token",
      "4:11: expected ';' before '}' token",
      "7:15: expected expression before ';' token",
    ]);
    expect(r.unit.decls.map((d) => d.name)).toEqual(['f', 'g', 'ok']);
  });

  test('deep nesting is an error, not a stack overflow', () => {
    const r = parseSource(`int x = ${'('.repeat(10000)}1${')'.repeat(10000)};`);
    expect(r.diagnostics.map((d) => d.message)).toEqual(['expression nested too deeply']);
    expect(parseSource(`void f(void) ${'{'.repeat(10000)}`).diagnostics.map((d) => d.message)).toEqual(['expression nested too deeply']);
    expect(parseSource(`int x = ${'-'.repeat(10000)}1;`).diagnostics.map((d) => d.message)).toEqual(['expression nested too deeply']);
  });
});

test('sizes of common types', () => {
  expect(sizeOf(globalVar('struct { char a; double b; short c; } v;', 'v').type)).toBe(24);
  expect(globalVar('char s[] = "abc";', 's').type).toEqual({ kind: 'array', of: T.char, length: undefined });
});
