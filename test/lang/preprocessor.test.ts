import { describe, expect, it } from 'vitest';
import { lex } from '../../debug-adapter/engine/lang/lexer';
import { preprocess, type PreprocessResult } from '../../debug-adapter/engine/lang/preprocessor';

const MAIN = '/home/u/prog.c';

interface Setup {
  files?: Record<string, string>;
  headers?: Record<string, string>;
  defines?: Record<string, string>;
}

function pp(main: string, setup: Setup = {}): PreprocessResult {
  const files = new Map(Object.entries({ [MAIN]: main, ...setup.files }));
  return preprocess({
    mainFile: MAIN,
    readFile: (path) => files.get(path),
    systemHeaders: new Map(Object.entries(setup.headers ?? {})),
    defines: setup.defines,
  });
}

/** Token spellings separated by one blank: spacing differences do not matter, token boundaries do. */
const spelled = (r: PreprocessResult) => r.tokens.filter((t) => t.kind !== 'eof').map((t) => t.text).join(' ');
const norm = (c: string) => lex(c, 'x').tokens.filter((t) => t.kind !== 'eof').map((t) => t.text).join(' ');
const out = (main: string, setup?: Setup) => spelled(pp(main, setup));
const diags = (r: PreprocessResult) =>
  r.diagnostics.map((d) => `${d.file === MAIN ? '' : d.file + ':'}${d.line}:${d.col}: ${d.severity}: ${d.message}`);
const diagsOf = (main: string, setup?: Setup) => diags(pp(main, setup));

describe('macro expansion', () => {
  it('expands object-like and function-like macros', () => {
    expect(out('#define N 10\n#define SQ(x) ((x)*(x))\nint a = SQ(N + 1);')).toBe(norm('int a = ((10 + 1)*(10 + 1));'));
  });

  // Expected outputs checked against `gcc -E -P` (gcc 12.2).
  it('matches C11 6.10.3.5 example 3', () => {
    const src = `#define x 3
#define f(a) f(x * (a))
#undef x
#define x 2
#define g f
#define z z[0]
#define h g(~
#define m(a) a(w)
#define w 0,1
#define t(a) a
#define p() int
#define q(x) x
#define r(x,y) x ## y
#define str(x) # x
f(y+1) + f(f(z)) % t(t(g)(0) + t)(1);
g(x+(3,4)-w) | h 5) & m
(f)^m(m);
p() i[q()] = { q(1), r(2,3), r(4,), r(,5), r(,) };
char c[2][6] = { str(hello), str() };`;
    expect(out(src)).toBe(
      norm(`f(2 * (y+1)) + f(2 * (f(2 * (z[0])))) % f(2 * (0)) + t(1);
f(2 * (2+(3,4)-0,1)) | f(2 * (~ 5)) & f(2 * (0,1))^m(0,1);
int i[] = { 1, 23, 4, 5, };
char c[2][6] = { "hello", "" };`),
    );
  });

  it('matches C11 6.10.3.5 example 4 (# and ##, computed include)', () => {
    const src = `#define str(s) # s
#define xstr(s) str(s)
#define debug(s, t) printf("x" # s "= %d, x" # t "= %s", \\
 x ## s, x ## t)
#define INCFILE(n) vers ## n
#define glue(a, b) a ## b
#define xglue(a, b) glue(a, b)
#define HIGHLOW "hello"
#define LOW LOW ", world"
debug(1, 2);
fputs(str(strncmp("abc\\0d", "abc", '\\4') // this goes away
 == 0) str(: ), s);
#include xstr(INCFILE(2).h)
glue(HIGH, LOW);
xglue(HIGH, LOW)`;
    expect(out(src, { files: { '/home/u/vers2.h': 'int from_vers2;' } })).toBe(
      norm(`printf("x" "1" "= %d, x" "2" "= %s", x1, x2);
fputs("strncmp(\\"abc\\\\0d\\", \\"abc\\", '\\\\4') == 0" ":", s);
int from_vers2;
"hello";
"hello" ", world"`),
    );
  });

  it('matches C11 6.10.3.5 example 5 and the ## placemarker rules', () => {
    const src = `#define t(x,y,z) x ## y ## z
int j[] = { t(1,2,3), t(,4,5), t(6,,7), t(8,9,),
 t(10,,), t(,11,), t(,,12), t(,,) };
#define hash_hash # ## #
#define mkstr(a) # a
#define in_between(a) mkstr(a)
#define join(c, d) in_between(c hash_hash d)
char p[] = join(x, y);`;
    expect(out(src)).toBe(norm('int j[] = { 123, 45, 67, 89, 10, 11, 12, }; char p[] = "x ## y";'));
  });

  it('accepts the identical redefinitions of example 6 and warns about the others', () => {
    const same = `#define OBJ_LIKE (1-1)
#define OBJ_LIKE /* white space */ (1-1) /* other */
#define FUNC_LIKE(a) ( a )
#define FUNC_LIKE( a )( /* note the white space */ \\
 a /* other stuff on this line
 */ )`;
    expect(diagsOf(same)).toEqual([]);
    expect(diagsOf(`${same}\n#define OBJ_LIKE (1 - 1)\n#define FUNC_LIKE(b) ( a )`)).toEqual([
      '7:9: warning: "OBJ_LIKE" redefined',
      '2:9: note: this is the location of the previous definition',
      '8:9: warning: "FUNC_LIKE" redefined',
      '4:9: note: this is the location of the previous definition',
    ]);
  });

  it('matches C11 6.10.3.5 example 7 (variadic macros)', () => {
    const src = `#define debug(...) fprintf(stderr, __VA_ARGS__)
#define showlist(...) puts(#__VA_ARGS__)
#define report(test, ...) ((test)?puts(#test):\\
 printf(__VA_ARGS__))
debug("Flag");
debug("X = %d\\n", x);
showlist(The first, second, and third items.);
report(x>y, "x is %d but y is %d", x, y);`;
    expect(out(src)).toBe(
      norm(`fprintf(stderr, "Flag");
fprintf(stderr, "X = %d\\n", x);
puts("The first, second, and third items.");
((x>y)?puts("x>y"): printf("x is %d but y is %d", x, y));`),
    );
  });

  it('supports __VA_OPT__ as C23 6.10.4.1 shows', () => {
    const src = `#define F(...) f(0 __VA_OPT__(,) __VA_ARGS__)
#define G(X, ...) f(0, X __VA_OPT__(,) __VA_ARGS__)
#define SDEF(sname, ...) S sname __VA_OPT__(= { __VA_ARGS__ })
#define EMP
F(a,b,c) F() F(EMP) G(a,b,c) G(a,) G(a) SDEF(foo); SDEF(bar, 1, 2);`;
    expect(out(src)).toBe(norm('f(0, a, b, c) f(0) f(0) f(0, a, b, c) f(0, a) f(0, a) S foo; S bar = { 1, 2 };'));
  });

  it('elides the comma of GNU `, ## __VA_ARGS__` and accepts kernel-style named variadics', () => {
    const src = `#define eprintf(format, ...) fprintf(stderr, format, ##__VA_ARGS__)
#define pr_info(fmt, args...) printk(fmt, ## args)
eprintf("a"); eprintf("a", 1, 2); pr_info("x"); pr_info("x %d", 1);`;
    expect(out(src)).toBe(norm('fprintf(stderr, "a"); fprintf(stderr, "a", 1, 2); printk("x"); printk("x %d", 1);'));
  });

  it('stops self-referential and mutually recursive macros', () => {
    expect(out('#define foo foo a\nfoo')).toBe('foo a');
    expect(out('#define AA BB\n#define BB AA\nAA BB')).toBe('AA BB');
    expect(out('#define f(x) g(x\n#define g(x) x + f\nf(1)) (2))')).toBe('1 + 2 + f');
  });

  it('leaves a function-like name alone unless ( follows, even from a later line or macro', () => {
    expect(out('#define f(x) [x]\nint f; f\n(1)')).toBe('int f ; [ 1 ]');
    expect(out('#define LPAREN (\n#define id(x) x\nid LPAREN 1)')).toBe('id ( 1 )');
    expect(out('#define obj(x) [x]\n#define fn obj\nfn(fn)(1)')).toBe('[ obj ] ( 1 )');
  });

  it('fully expands arguments before substitution, but not next to # and ##', () => {
    const src = '#define N 4\n#define s(x) #x\n#define xs(x) s(x)\n#define cat(a,b) a##b\n#define id(x) x\ns(N) xs(N) cat(N,1) id(N)';
    expect(out(src)).toBe('"N" "4" N1 4');
  });

  it('collects arguments across lines and stringifies with single blanks', () => {
    expect(out('#define s(x) #x\ns(  a\n   +   "q\\"" \'\\n\'  )')).toBe(String.raw`"a + \"q\\\"\" '\\n'"`);
  });

  it('places expansion tokens at the invocation, argument tokens where they were written', () => {
    const r = pp('#define ADD(a, b) ((a) + (b))\nint x =\n  ADD(1,\n 2);');
    const at = r.tokens.map((t) => `${t.text}@${t.line}:${t.col}`);
    expect(at).toEqual([
      'int@2:1', 'x@2:5', '=@2:7', '(@3:3', '(@3:3', '1@3:7', ')@3:3', '+@3:3', '(@3:3', '2@4:2', ')@3:3', ')@3:3', ';@4:4', '@4:5',
    ]);
  });

  it('reports a paste that does not make one token, at the left operand', () => {
    const r = pp('#define p(a,b) a##b\np(+,-)');
    expect(spelled(r)).toBe('+ -');
    expect(diags(r)).toEqual(['2:3: error: pasting "+" and "-" does not give a valid preprocessing token']);
  });

  it('reports wrong argument counts like gcc, at the closing parenthesis', () => {
    expect(diagsOf('#define f(a,b) a\nf(1)\nf(1,2,3)\n#define g(a,b,...) a\ng(1)')).toEqual([
      '2:4: error: macro "f" requires 2 arguments, but only 1 given',
      '1:9: note: macro "f" defined here',
      '3:8: error: macro "f" passed 3 arguments, but takes just 2',
      '1:9: note: macro "f" defined here',
      '5:4: error: macro "g" requires 3 arguments, but only 1 given',
      '4:9: note: macro "g" defined here',
    ]);
    expect(out('#define g(a,...) a\n#define z() 0\ng(1) z()')).toBe('1 0');
  });

  it('reports an argument list left open at the end of the file', () => {
    expect(diagsOf('#define f(x) x\nf(1\n /* x */')).toEqual(['3:9: error: unterminated argument list invoking macro "f"']);
  });

  it('reports malformed definitions', () => {
    expect(
      diagsOf('#define 3 x\n#define\n#define g(x,x) x\n#define h(x #x\n#define m ## a\n#define k(x) #y\n#define defined 1\n#undef'),
    ).toEqual([
      '1:9: error: macro names must be identifiers',
      '2:8: error: no macro name given in #define directive',
      '3:13: error: duplicate macro parameter "x"',
      '4:13: error: expected \',\' or \')\', found "#"',
      "5:9: error: '##' cannot appear at either end of a macro expansion",
      "6:14: error: '#' is not followed by a macro parameter",
      '7:9: error: "defined" cannot be used as a macro name',
      '8:7: error: no macro name given in #undef directive',
    ]);
  });

  it('defines gcc-like predefined macros and the position-dependent ones', () => {
    const src =
      '__STDC__ __STDC_VERSION__ __STDC_HOSTED__ __x86_64__ __linux__ __unix__ __LP64__ __CHAR_BIT__\n' +
      '__SIZEOF_INT__ __SIZEOF_LONG__ __SIZEOF_POINTER__ __GNUC__ __GNUC_MINOR__ __FORKSCOPE__\n' +
      '__FILE__ __LINE__ __COUNTER__ __COUNTER__ __DATE__ __TIME__';
    expect(out(src)).toBe(`1 201710L 1 1 1 1 1 8 4 8 8 12 2 1 "${MAIN}" 3 0 1 "Jan  1 2026" "00:00:00"`);
    expect(out('#define L __LINE__\n\nL')).toBe('3');
  });

  it('takes -D style defines', () => {
    expect(out('N SQ(3)', { defines: { N: '7', 'SQ(x)': '((x)*(x))' } })).toBe(norm('7 ((3)*(3))'));
  });

  it('handles #undef', () => {
    expect(out('#define X 1\nX\n#undef X\nX')).toBe('1 X');
  });
});

describe('#include', () => {
  const headers = { 'stdio.h': 'int printf(const char *, ...);\n', 'sys/wait.h': '#include "types.h"\npid_t wait(int *);\n', 'sys/types.h': 'typedef int pid_t;\n' };

  it('finds "files" beside the including file, then among the system headers', () => {
    const r = pp('#include "lib/a.h"\nmain_code', {
      files: { '/home/u/lib/a.h': '#include "b.h"\na_code', '/home/u/lib/b.h': 'b_code' },
    });
    expect(spelled(r)).toBe('b_code a_code main_code');
    expect(r.tokens.map((t) => `${t.text}@${t.file}:${t.line}`)).toEqual([
      'b_code@/home/u/lib/b.h:1', 'a_code@/home/u/lib/a.h:2', 'main_code@/home/u/prog.c:2', `@${MAIN}:2`,
    ]);
    expect([...r.sources.keys()].sort()).toEqual(['/home/u/lib/a.h', '/home/u/lib/b.h', MAIN]);
    expect(out('#include "stdio.h"', { headers })).toBe(norm('int printf(const char *, ...);'));
  });

  it('names system headers /usr/include/<name> and resolves their own relative includes', () => {
    const r = pp('#include <sys/wait.h>\n#include <stdio.h>', { headers });
    expect(spelled(r)).toBe(norm('typedef int pid_t; pid_t wait(int *); int printf(const char *, ...);'));
    expect(r.tokens[0].file).toBe('/usr/include/sys/types.h');
    expect(r.sources.get('/usr/include/stdio.h')).toBe(headers['stdio.h']);
  });

  it('does not look for <headers> among the user files', () => {
    expect(diagsOf('#include <a.h>', { files: { '/home/u/a.h': 'x' }, headers })[0]).toContain('a.h: No such file or directory');
  });

  it('reports an unknown header at its name, listing the headers Forkscope provides', () => {
    expect(diagsOf('int x;\n#include <foo.h>\n#include "bar.h"\nint y;', { headers })).toEqual([
      '2:10: error: foo.h: No such file or directory (Forkscope provides: stdio.h, sys/types.h, sys/wait.h)',
      '3:10: error: bar.h: No such file or directory (Forkscope provides: stdio.h, sys/types.h, sys/wait.h)',
    ]);
  });

  it("lists only the missing header's own family: the C library's for <poll.h>, the kernel's for <linux/x.h>", () => {
    const family = { ...headers, 'linux/sched.h': '', 'linux/list.h': '', 'bits/types.h': '' };
    expect(diagsOf('#include <poll.h>\n#include <linux/x.h>', { headers: family })).toEqual([
      '1:10: error: poll.h: No such file or directory (Forkscope provides: stdio.h, sys/types.h, sys/wait.h)',
      '2:10: error: linux/x.h: No such file or directory (Forkscope provides: linux/list.h, linux/sched.h)',
    ]);
  });

  it('stops an include cycle at depth 200', () => {
    const r = pp('#include "prog.c"\nx');
    expect(diags(r)).toEqual(['1:10: error: #include nested depth 201 exceeds maximum of 200']);
    expect(r.tokens.filter((t) => t.text === 'x')).toHaveLength(201);
  });

  it('includes a #pragma once file only once', () => {
    const files = { '/home/u/o.h': '#pragma once\nonce\n#pragma GCC diagnostic push' };
    expect(out('#include "o.h"\n#include "o.h"\n#include "prog.c"', { files })).toBe('once');
  });

  it('rejects malformed #include lines', () => {
    expect(diagsOf('#include\n#include foo')).toEqual([
      '1:9: error: #include expects "FILENAME" or <FILENAME>',
      '2:10: error: #include expects "FILENAME" or <FILENAME>',
    ]);
  });
});

describe('conditional inclusion', () => {
  const taken = (cond: string, setup?: Setup) => out(`${cond}\nyes\n#else\nno\n#endif`, setup);

  it('chooses one group of #if/#elif/#else, skipping nested conditionals in the others', () => {
    const src = '#if 0\n#if 1\nA\n#else\nB\n#endif\n#elif 2 > 1\nC\n#elif 1\nD\n#else\nE\n#endif';
    expect(out(src)).toBe('C');
    expect(out('#ifdef X\nA\n#endif\n#ifndef X\nB\n#endif\n#define X\n#ifdef X\nC\n#endif')).toBe('B C');
  });

  it('evaluates defined, __has_include, and unknown identifiers as 0', () => {
    expect(taken('#define X\n#if defined X && defined(X) && !defined Y')).toBe('yes');
    expect(taken('#if __has_include(<stdio.h>) && !__has_include("nope.h")', { headers: { 'stdio.h': '' } })).toBe('yes');
    expect(taken('#if UNKNOWN')).toBe('no');
    expect(taken('#if defined __FILE__ && defined __has_include')).toBe('yes');
  });

  it('computes in 64 bits, unsigned when an operand is', () => {
    expect(taken('#if -1 > 0u')).toBe('yes');
    expect(taken('#if -1 > 0')).toBe('no');
    expect(taken('#if 0x7fffffffffffffff + 1 < 0')).toBe('yes');
    expect(taken('#if 18446744073709551615 == -1')).toBe('yes');
    expect(taken('#if (1 << 40) == 1099511627776 && (-8 >> 1) == -4')).toBe('yes');
    expect(taken('#if 7 / 2 == 3 && -7 % 3 == -1 && (1 ? 2 : 3) == 2 && (0, 5) == 5')).toBe('yes');
    expect(taken('#if __STDC_VERSION__ >= 201112L && __GNUC__ * 100 + __GNUC_MINOR__ == 1202')).toBe('yes');
  });

  it("reads character constants as gcc does (plain char is signed)", () => {
    expect(taken("#if '\\xff' == -1 && 'A' == 65 && '\\n' == 10 && 'ab' == 24930 && '\\0' == 0")).toBe('yes');
  });

  it('reports division by zero only where it is evaluated', () => {
    expect(diagsOf('#if 1/0\n#endif\n#if 0 && 1/0\n#endif\n#if 1 || 1%0\n#endif')).toEqual(['1:6: error: division by zero in #if']);
  });

  it('reports malformed expressions like gcc', () => {
    const src = '#if 1 +\n#endif\n#if (1\n#endif\n#if 1.0\n#endif\n#if 1 2\n#endif\n#if\n#endif\n#if "s"\n#endif\n#if 1 ? 2\n#endif\n#if ()\n#endif\n#if defined\n#endif\n#if defined(X\n#endif\n#if 08\n#endif\n#if 1x\n#endif';
    expect(diagsOf(src)).toEqual([
      "1:8: error: operator '+' has no right operand",
      "3:5: error: missing ')' in expression",
      '5:5: error: floating constant in preprocessor expression',
      '7:7: error: missing binary operator before token "2"',
      '9:4: error: #if with no expression',
      '11:5: error: token ""s"" is not valid in preprocessor expressions',
      "13:10: error: '?' without following ':'",
      "15:6: error: missing expression between '(' and ')'",
      '17:12: error: operator "defined" requires an identifier',
      '19:14: error: missing \')\' after "defined"',
      '21:5: error: invalid digit "8" in octal constant',
      '23:5: error: invalid suffix "x" on integer constant',
    ]);
  });

  it('reports unbalanced conditionals', () => {
    expect(diagsOf('#else\n#endif\n#elif 1\n#if 1\n#else\n#elif 1\n#else\n#endif')).toEqual([
      '1:2: error: #else without #if',
      '2:2: error: #endif without #if',
      '3:2: error: #elif without #if',
      '6:2: error: #elif after #else',
      '4:2: note: the conditional began here',
      '7:2: error: #else after #else',
      '4:2: note: the conditional began here',
    ]);
    expect(diagsOf('#ifndef Y\nint a;\n  #  if 1\n')).toEqual(['3:6: error: unterminated #if', '1:2: error: unterminated #ifndef']);
  });

  it('ignores what a skipped group would complain about, except an unterminated comment', () => {
    expect(diagsOf("#if 0\ndon't @ \"x\n#bogus\n#endif\nok")).toEqual([]);
    expect(diagsOf('#if 0\n/* open')).toEqual(['2:1: error: unterminated comment', '1:2: error: unterminated #if']);
  });
});

describe('other directives', () => {
  it('turns #error and #warning into diagnostics with the text as written', () => {
    const r = pp("#error don't  do   this\n#warning hi there\nint x;");
    expect(diags(r)).toEqual(["1:2: error: #error don't  do   this", '2:2: warning: #warning hi there']);
    expect(spelled(r)).toBe('int x ;');
  });

  it('applies #line to later lines, __LINE__ and __FILE__', () => {
    const r = pp('a\n#line 100 "other.c"\nb __LINE__ __FILE__\n#line 7\nc');
    expect(r.tokens.map((t) => `${t.text}@${t.file}:${t.line}`).slice(0, 5)).toEqual([
      `a@${MAIN}:1`, 'b@other.c:100', '100@other.c:100', '"other.c"@other.c:100', 'c@other.c:7',
    ]);
    expect(diagsOf('#line x')).toEqual(['1:7: error: "x" after #line is not a positive integer']);
  });

  it('accepts the null directive and rejects unknown ones', () => {
    expect(diagsOf('#\n# /* nothing */\n#foo bar\nint x;')).toEqual(['3:2: error: invalid preprocessing directive #foo']);
  });

  it('keeps going after errors so one run reports several', () => {
    const r = pp('#include <nope.h>\n#error one\nint a = @;\n#if 1/0\n#endif\nint b;');
    expect(diags(r).map((d) => d.split(': error: ')[0])).toEqual(['1:10', '2:2', '3:9', '4:6']);
    expect(spelled(r)).toBe('int a = ; int b ;');
  });

  it('reports a missing program file without throwing', () => {
    const r = preprocess({ mainFile: '/nope.c', readFile: () => undefined, systemHeaders: new Map() });
    expect(r.diagnostics.map((d) => d.message)).toEqual(['/nope.c: No such file or directory']);
    expect(r.tokens.map((t) => t.kind)).toEqual(['eof']);
  });
});

describe('a large program', () => {
  // Its speed is measured by npm run bench (compiling 5,000 lines); here only that it comes out right.
  it('preprocesses a 5,000-line program with headers, the guarded header once', () => {
    const header = '#ifndef H\n#define H\n' + Array.from({ length: 300 }, (_, i) => `struct s${i} { int a; };\n#define M${i} ${i}\n`).join('') + '#endif\n';
    const body = Array.from(
      { length: 1000 },
      (_, i) => `int f${i}(int x) {\n  int buf[LEN];\n  if (x > MAX(x, M${i % 300})) return -1;\n  printf("%d\\n", x); /* c */\n}\n`,
    ).join('');
    const main = '#include "h.h"\n#include "h.h"\n#define LEN 10\n#define MAX(a,b) ((a)>(b)?(a):(b))\n' + body;
    const r = pp(main, { files: { '/home/u/h.h': header } });
    expect(r.diagnostics).toEqual([]);
    expect(r.tokens.length).toBeGreaterThan(45_000);
    expect(r.tokens.filter((t) => t.text === 's0')).toHaveLength(1);
  });
});
