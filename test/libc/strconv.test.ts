import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatPrintf } from '../../debug-adapter/engine/libc/format';
import { atoi, strtod, strtoSigned, strtoUnsigned } from '../../debug-adapter/engine/libc/strconv';

// Each line of the expectations is what glibc gives for one case: strtol and strtoul as
// "value|end|errno" (end -1 when *endptr was left alone), strtod as "%a|end|errno", atoi as its value.
const EXPECTED_FILE = path.join(__dirname, 'strconv-expected.json');

const intInputs = ['  42abc', '-17', '+0x1A', '0x', '0xg', '077', '09', ' \t\n-0', '9223372036854775807', '9223372036854775808',
  '-9223372036854775809', '-9223372036854775808', 'abc', '-', '  +', '18446744073709551615', '18446744073709551616',
  '-18446744073709551615', '-18446744073709551616', '-1', '0X7fffffffffffffffff', '1e5', 'z', '  -0x10', '0b101',
  '99999999999999999999999', 'zzz', 'Zz9', '0x7FFFFFFF', '12'];
const bases = [0, 10, 16, 8, 2, 36, 1, 37];
const atoiInputs = ['4294967297', ' -12x', '2147483648', '-2147483649', '42', '', '+7', '99999999999999999999'];
const floatInputs = ['3.14xyz', '  -1e10', '1e400', '-1e400', '1e-400', '5e-324', '4e-324', '2e-308', '2.2250738585072014e-308',
  'inf', '-Infinity', 'infinit', 'INF', 'nan', 'nan(123)x', 'nan(', '-nan', '0x1.8p1', '0x1p-1074', '0x1p-1075', '0x1.8p-1075',
  '0x1.0000000000001p-1070', '0x', '1e', '1e+', '  .5', '.', '-.e5', '1.5E+3', '0x1.fffffffffffffp1023', '0x1p1024', '1e-320',
  '0.0000e-999999', '  +', '1,5', 'nanx', '0xAp-2', '0.1', '123456789012345678901234567890', '2.5e-3', '-0', '0x.8', '0x1.p'];

const cStr = (s: string): string => '"' + Array.from(Buffer.from(s, 'latin1'), (b) => '\\x' + b.toString(16).padStart(2, '0')).join('') + '"';

function cProgram(): string {
  const lines: string[] = [];
  for (const s of intInputs) {
    for (const b of bases) {
      lines.push(`  e = sentinel; errno = 0; lv = strtol(${cStr(s)}, &e, ${b}); printf("%ld|%ld|%d\\n", lv, e == sentinel ? -1L : (long)(e - ${cStr(s)}), errno);`);
      lines.push(`  e = sentinel; errno = 0; uv = strtoul(${cStr(s)}, &e, ${b}); printf("%lu|%ld|%d\\n", uv, e == sentinel ? -1L : (long)(e - ${cStr(s)}), errno);`);
    }
  }
  for (const s of atoiInputs) lines.push(`  printf("%d\\n", atoi(${cStr(s)}));`);
  for (const s of floatInputs) lines.push(`  errno = 0; dv = strtod(${cStr(s)}, &e); printf("%a|%ld|%d\\n", dv, (long)(e - ${cStr(s)}), errno);`);
  return `#include <stdio.h>
#include <stdlib.h>
#include <errno.h>
int main(void) {
  static char other[1];
  char *sentinel = other, *e;
  long lv; unsigned long uv; double dv;
${lines.join('\n')}
  return 0;
}
`;
}

function hasCc(): boolean {
  try {
    execFileSync('cc', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function glibcLines(): string[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'forkscope-strconv-'));
  try {
    writeFileSync(path.join(dir, 't.c'), cProgram());
    execFileSync('cc', ['-w', '-fno-builtin', '-o', path.join(dir, 't'), path.join(dir, 't.c')]);
    return execFileSync(path.join(dir, 't')).toString('latin1').split('\n').slice(0, -1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const hexOf = (x: number): string => {
  const F = new Float64Array([x]);
  let taken = false;
  return Buffer.from(formatPrintf(Buffer.from('%a'), {
    nextInt: () => 0n,
    nextDouble: () => { taken = true; return F[0]!; },
    readString: () => new Uint8Array(0),
    errno: () => 0,
  })).toString() + (taken ? '' : '?');
};

function ourLines(): string[] {
  const out: string[] = [];
  const b = (s: string): Uint8Array => Buffer.from(s, 'latin1');
  for (const s of intInputs) {
    for (const base of bases) {
      const l = strtoSigned(b(s), base);
      out.push(`${l.value}|${l.end ?? -1}|${l.errno ?? 0}`);
      const u = strtoUnsigned(b(s), base);
      out.push(`${u.value}|${u.end ?? -1}|${u.errno ?? 0}`);
    }
  }
  for (const s of atoiInputs) out.push(String(atoi(b(s))));
  for (const s of floatInputs) {
    const d = strtod(b(s));
    out.push(`${hexOf(d.value)}|${d.end}|${d.errno ?? 0}`);
  }
  return out;
}

describe('strto* and ato*', () => {
  const expected = JSON.parse(readFileSync(EXPECTED_FILE, 'utf8')) as string[];

  it.runIf(hasCc())('the committed expectations are what this machine\'s glibc gives', () => {
    const live = glibcLines();
    if (process.env.UPDATE_STRCONV_EXPECTED) writeFileSync(EXPECTED_FILE, JSON.stringify(live).replace(/","/g, '",\n"') + '\n');
    expect(live).toEqual(expected);
  });

  it('parse every case as glibc does', () => {
    const ours = ourLines();
    const labels = [
      ...intInputs.flatMap((s) => bases.flatMap((base) => [`strtol(${JSON.stringify(s)}, ${base})`, `strtoul(${JSON.stringify(s)}, ${base})`])),
      ...atoiInputs.map((s) => `atoi(${JSON.stringify(s)})`),
      ...floatInputs.map((s) => `strtod(${JSON.stringify(s)})`),
    ];
    expect(ours.length).toBe(expected.length);
    const diffs = ours.flatMap((line, k) => (line === expected[k] ? [] : [`${labels[k]}: want ${expected[k]} got ${line}`]));
    expect(diffs).toEqual([]);
  });

  it('reports where parsing stopped and clamps with ERANGE', () => {
    expect(strtoSigned(Buffer.from('  -123xyz'), 10)).toEqual({ value: -123n, end: 6 });
    expect(strtoSigned(Buffer.from('99999999999999999999'), 10)).toEqual({ value: 2n ** 63n - 1n, end: 20, errno: 34 });
    expect(strtoUnsigned(Buffer.from('-1'), 0)).toEqual({ value: 2n ** 64n - 1n, end: 2 });
  });
});
