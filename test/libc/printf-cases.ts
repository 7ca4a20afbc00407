// printf cases checked against the host's glibc: each case is a format and its arguments, typed as C
// would pass them. `printfCProgram` writes the C program that prints glibc's output for every case, one
// hex-encoded line each; printf-expected.json keeps that output so the test runs without a compiler.

export type CArg =
  | { t: 'int' | 'unsigned' | 'long' | 'ulong' | 'char'; v: bigint }
  | { t: 'double'; bits: bigint }
  | { t: 'str'; v: string | null }
  | { t: 'ptr'; v: bigint };

export interface PrintfCase {
  fmt: string;
  args: CArg[];
}

const i = (v: number | bigint): CArg => ({ t: 'int', v: BigInt(v) });
const u = (v: number | bigint): CArg => ({ t: 'unsigned', v: BigInt(v) });
const l = (v: number | bigint): CArg => ({ t: 'long', v: BigInt(v) });
const ul = (v: number | bigint): CArg => ({ t: 'ulong', v: BigInt(v) });
const ch = (c: string): CArg => ({ t: 'char', v: BigInt(c.charCodeAt(0)) });
const s = (v: string | null): CArg => ({ t: 'str', v });
const p = (v: number | bigint): CArg => ({ t: 'ptr', v: BigInt(v) });

const F64 = new Float64Array(1);
const U64 = new BigUint64Array(F64.buffer);
export function doubleBits(x: number): bigint {
  F64[0] = x;
  return U64[0]!;
}
export function bitsToDouble(b: bigint): number {
  U64[0] = b;
  return F64[0]!;
}
const d = (x: number): CArg => ({ t: 'double', bits: doubleBits(x) });
const dBits = (bits: bigint): CArg => ({ t: 'double', bits });

const DBL_MAX = 1.7976931348623157e308;
const DBL_MIN = 2.2250738585072014e-308;
const INT_MIN = -2147483648;
const LLONG_MIN = -(2n ** 63n);
const ULLONG_MAX = 2n ** 64n - 1n;

const interestingDoubles = [
  0, -0, 0.5, 1.5, 2.5, 3.5, -2.5, 0.125, 0.1, 0.2, 0.3, 1 / 3, 2 / 3, 1, 9.5, 10, 99.5, 100, 123.456, 0.05, 0.15, 0.25, 0.35,
  1e-5, 1e-4, 9.9999e-5, 0.0001, 123456, 1234567, 999999.5, 9999995, 1e15, 1e16, 1e21, 1e22, 1e23, 1.5e300, 1e300,
  5e-324, 1e-320, DBL_MIN, DBL_MAX, -DBL_MAX, Math.PI, Math.E, -1234.5678, 0.9999999, 9.999999e-5, 4503599627370497.5,
  Infinity, -Infinity, NaN,
];

const floatFormats = ['%f', '%.0f', '%.1f', '%.2f', '%e', '%.0e', '%.3e', '%E', '%g', '%.0g', '%.3g', '%.10g', '%#g', '%G', '%a', '%.1a', '%12.4f', '%-12.3e|', '%+g', '% f', '%012.3f', '%#.0f', '%#.0e', '%.17g'];

const fixedCases: PrintfCase[] = [
  { fmt: 'hello, world\n', args: [] },
  { fmt: '%d %i %u', args: [i(42), i(-42), u(42)] },
  { fmt: '[%+05d] [%-5d|] [% d] [%05d] [%5d] [%.3d] [%08.3d] [%-08d|] [%+d] [%+d]', args: [i(42), i(42), i(42), i(-42), i(-42), i(5), i(5), i(5), i(0), i(-7)] },
  { fmt: '[%d] [%d] [%u] [%x]', args: [i(INT_MIN), i(2147483647), u(4294967295), u(4294967295)] },
  { fmt: '[%lld] [%llu] [%ld] [%lu] [%llx] [%lX]', args: [l(LLONG_MIN), ul(ULLONG_MAX), l(LLONG_MIN), ul(ULLONG_MAX), ul(ULLONG_MAX), ul(0xdeadbeefn)] },
  { fmt: '[%hhd] [%hhd] [%hhu] [%hd] [%hu] [%hhx]', args: [i(300), i(-129), i(-1), i(70000), i(-1), i(511)] },
  { fmt: '[%zu] [%zd] [%jd] [%td] [%zx]', args: [ul(123), l(-123), l(LLONG_MIN), l(-5), ul(4096)] },
  { fmt: '[%#x] [%#X] [%#o] [%#o] [%#x] [%#.0o] [%.0d] [%.0x] [%#08x] [%#-8x|] [%o]', args: [u(255), u(255), u(8), u(0), u(0), u(0), i(0), u(0), u(255), u(255), u(511)] },
  { fmt: '[%c] [%5c] [%-5c|] [%c] [%c%c%c]', args: [ch('A'), ch('x'), ch('y'), i(256 + 122), ch('a'), ch('b'), ch('c')] },
  { fmt: '[%s] [%10s] [%-10s|] [%.3s] [%10.2s] [%-8s|] [%.0s]', args: [s('hello'), s('hello'), s('hello'), s('hello'), s('hello'), s('hi'), s('abc')] },
  { fmt: '[%s] [%.3s] [%.6s] [%10s] [%-8s|]', args: [s(null), s(null), s(null), s(null), s(null)] },
  { fmt: '[%p] [%p] [%10p] [%-10p|] [%+p] [% p] [%020p] [%.20p] [%-18p|]', args: [p(0), p(0x7ffe1234n), p(0), p(0), p(255), p(255), p(255), p(255), p(0x555555559ea0n)] },
  { fmt: '[%%] [%5%] [%-5%] [100%%]', args: [] },
  { fmt: '[%y] [%k] trailing %', args: [] },
  { fmt: '[%*d] [%-*d|] [%.*d] [%*.*f] [%*d] [%.*s]', args: [i(5), i(1), i(5), i(2), i(-3), i(7), i(-8), i(2), d(3.14159), i(-4), i(9), i(2), s('hello')] },
  { fmt: '[%05s] [%05c] [%-05d|] [%0-5d|]', args: [s('ab'), ch('z'), i(3), i(3)] },
  { fmt: '[%f] [%F] [%e] [%g] [%a]', args: [d(Infinity), d(-Infinity), d(Infinity), d(-Infinity), d(Infinity)] },
  { fmt: '[%010f] [%-10f|] [%+f] [%010e] [% f] [%F] [%E] [%G] [%A]', args: [d(Infinity), d(-Infinity), d(Infinity), d(NaN), d(NaN), d(NaN), d(-Infinity), d(Infinity), d(NaN)] },
  { fmt: '[%f] [%g] [%e] [%F]', args: [dBits(0xfff8000000000000n), dBits(0xfff8000000000000n), dBits(0xfff8000000000000n), dBits(0xfff8000000000000n)] },
  { fmt: '[%.30f] [%.20e] [%.60g]', args: [d(0.1), d(0.1), d(0.1)] },
  { fmt: '[%f]', args: [d(DBL_MAX)] },
  { fmt: '[%.1100f]', args: [d(5e-324)] },
  { fmt: '[%.800e]', args: [d(5e-324)] },
  { fmt: '[%.0f] [%.0f] [%.0f] [%.0f] [%.0f] [%.1f] [%.1f] [%.2f] [%.2f]', args: [d(0.5), d(1.5), d(2.5), d(3.5), d(-0.5), d(0.25), d(0.35), d(1.005), d(2.675)] },
  { fmt: '[%g] [%g] [%g] [%g] [%g] [%g] [%g] [%g]', args: [d(1e-5), d(1e-4), d(123456), d(1234567), d(0.0001234), d(100000), d(1e6), d(0)] },
  { fmt: '[%#g] [%#.3g] [%#g] [%#.0g] [%#x] [%#.0f] [%#.0e]', args: [d(1), d(1), d(0), d(5), u(0x1f), d(2), d(2)] },
  { fmt: '[%a] [%.0a] [%.1a] [%A] [%a] [%a] [%a] [%.0a] [%.0a] [%.2a] [%a] [%#.0a] [%.3a] [%20a] [%-+20.2a|] [%020a]', args: [d(1), d(1.9375), d(1.96875), d(0.5), d(5e-324), d(0), d(-0.1), d(1.5), d(2.5), d(1 + 3 / 512), d(2.2250738585072009e-308), d(1), d(0), d(Math.PI), d(Math.PI), d(-Math.PI)] },
  { fmt: '[%lf] [%5.1f%%]', args: [d(2.5), d(99.44)] },
  { fmt: '[%#g] [%#.3g] [%#.3g] [%#.2g] [%#.2g] [%#.3g] [%#.1g] [%#.3g]', args: [d(999999.5), d(999.6), d(9999.6), d(99.96), d(9.996), d(9.996e-5), d(9.5), d(0.99996)] },
  { fmt: '[%m]', args: [] },
  { fmt: '[%ld %s %c %5.2f %x]', args: [l(-1), s('mixed'), ch('!'), d(2.345), u(48879)] },
  { fmt: 'pid=%d ppid=%d status=%#06x\n', args: [i(1234), i(1), u(0x100)] },
  { fmt: '%s', args: [s('utf-8 é ü 漢')] },
  { fmt: '[%-6s][%6s]', args: [s('é'), s('漢')] },
];

/** A fixed pseudo-random sequence of doubles spread over the whole exponent range. */
function randomDoubles(n: number): bigint[] {
  let state = 0x2545f4914f6cdd1dn;
  const next = (): bigint => {
    state ^= (state << 13n) & ULLONG_MAX;
    state ^= state >> 7n;
    state ^= (state << 17n) & ULLONG_MAX;
    return state;
  };
  const out: bigint[] = [];
  while (out.length < n) {
    const b = next();
    const exp = (b >> 52n) & 0x7ffn;
    if (exp === 0x7ffn) continue;
    // Keep exponents where %f stays readable for most values, plus a share of extreme ones.
    const tame = out.length % 4 !== 0;
    const e = tame ? 1023n - 70n + (exp % 140n) : exp;
    out.push((b & ~(0x7ffn << 52n)) | (e << 52n));
  }
  return out;
}

const randomFormats = ['%.17g', '%.0f', '%.3e', '%g', '%.25e', '%.15f', '%a', '%.3a', '%#.10g', '%.1e'];

export const printfCases: PrintfCase[] = [
  ...fixedCases,
  ...interestingDoubles.flatMap((x) => floatFormats.map((fmt) => ({ fmt, args: [d(x)] }))),
  ...randomDoubles(160).flatMap((bits, k) => [randomFormats[k % randomFormats.length]!, randomFormats[(k * 7 + 3) % randomFormats.length]!].map((fmt) => ({ fmt, args: [dBits(bits)] }))),
];

function cString(text: string): string {
  const bytes = new TextEncoder().encode(text);
  return '"' + Array.from(bytes, (b) => '\\x' + b.toString(16).padStart(2, '0')).join('') + '"';
}

function cArg(a: CArg): string {
  switch (a.t) {
    case 'int': return `(int)${a.v}LL`;
    case 'unsigned': return `(unsigned)${a.v}ULL`;
    case 'long': return a.v === LLONG_MIN ? '(-9223372036854775807L-1)' : `${a.v}L`;
    case 'ulong': return `${a.v}UL`;
    case 'char': return `(char)${a.v}`;
    case 'double': return `dbl(0x${a.bits.toString(16)}ULL)`;
    case 'str': return a.v === null ? '(char *)0' : cString(a.v);
    case 'ptr': return `(void *)0x${a.v.toString(16)}UL`;
  }
}

/** A C program printing, for each case, the hex bytes snprintf produced, one line per case. */
export function printfCProgram(cases: PrintfCase[]): string {
  const calls = cases.map((c) => `  n = snprintf(buf, sizeof buf, ${cString(c.fmt)}${c.args.map((a) => ', ' + cArg(a)).join('')}); dump(buf, n);`);
  return `#include <stdio.h>
#include <string.h>
#include <errno.h>
static char buf[8192];
static double dbl(unsigned long long b) { double x; memcpy(&x, &b, 8); return x; }
static void dump(const char *s, int n) { for (int i = 0; i < n; i++) printf("%02x", (unsigned char)s[i]); printf("\\n"); }
int main(void) {
  int n;
  errno = 0;
${calls.join('\n')}
  return 0;
}
`;
}
