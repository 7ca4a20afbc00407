import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { libcBuiltins } from '../../debug-adapter/engine/libc/builtins';
import { T } from '../../debug-adapter/engine/lang/types';
import type { Value } from '../../debug-adapter/engine/vm/host';
import { cstr, fakeProcess, SCRATCH, type FakeProcess } from './fake-process';

type Slot = 'int' | 'uint' | 'long' | 'short' | 'schar' | 'double' | 'float' | 'str' | 'char2';
interface Case { input: string; fmt: string; slots: Slot[] }

const cases: Case[] = [
  { input: '42', fmt: '%d', slots: ['int'] },
  { input: '  -17 abc', fmt: '%d %s', slots: ['int', 'str'] },
  { input: '12 34 56', fmt: '%d%d%d', slots: ['int', 'int', 'int'] },
  { input: '0x1f 017 9', fmt: '%i %i %i', slots: ['int', 'int', 'int'] },
  { input: 'ff 777 -1', fmt: '%x %o %u', slots: ['int', 'int', 'uint'] },
  { input: '123456789012', fmt: '%ld', slots: ['long'] },
  { input: '70000 300', fmt: '%hd %hhd', slots: ['short', 'schar'] },
  { input: '3.25 -1e3 inf', fmt: '%lf %f %lf', slots: ['double', 'float', 'double'] },
  { input: '2.5e-3x', fmt: '%lf%s', slots: ['double', 'str'] },
  { input: 'abc', fmt: '%d', slots: ['int'] },
  { input: '', fmt: '%d', slots: ['int'] },
  { input: '   ', fmt: '%d', slots: ['int'] },
  { input: '5 x', fmt: '%d %d', slots: ['int', 'int'] },
  { input: 'hello world', fmt: '%5s%s', slots: ['str', 'str'] },
  { input: 'key=value;rest', fmt: '%[^=]=%[a-z];%s', slots: ['str', 'str', 'str'] },
  { input: 'ab cd', fmt: '%2c %2c', slots: ['char2', 'char2'] },
  { input: '1,2', fmt: '%d,%d', slots: ['int', 'int'] },
  { input: '1;2', fmt: '%d,%d', slots: ['int', 'int'] },
  { input: '10 20', fmt: '%*d %d', slots: ['int'] },
  { input: '100%', fmt: '%d%%', slots: ['int'] },
  { input: '12345', fmt: '%3d%d', slots: ['int', 'int'] },
  { input: '-', fmt: '%d', slots: ['int'] },
  { input: 'name: Ada  age: 36', fmt: 'name: %s age: %d', slots: ['str', 'int'] },
];

const SLOT_BYTES = 64;

/** What the C program prints for a case: the return value, then each variable. */
function cProgram(): string {
  const decl: Record<Slot, string> = { int: 'int', uint: 'unsigned', long: 'long', short: 'short', schar: 'signed char', double: 'double', float: 'float', str: 'char', char2: 'char' };
  const show: Record<Slot, (v: string) => string> = {
    int: (v) => `printf("|%d", ${v})`, uint: (v) => `printf("|%u", ${v})`, long: (v) => `printf("|%ld", ${v})`,
    short: (v) => `printf("|%d", ${v})`, schar: (v) => `printf("|%d", ${v})`, double: (v) => `printf("|%.17g", ${v})`,
    float: (v) => `printf("|%.9g", ${v})`, str: (v) => `printf("|%s", ${v})`, char2: (v) => `printf("|%.2s", ${v})`,
  };
  const body = cases.map((c, k) => {
    const vars = c.slots.map((s, j) => (s === 'str' || s === 'char2' ? `char v${k}_${j}[${SLOT_BYTES}] = ""` : `${decl[s]} v${k}_${j} = 0`));
    const refs = c.slots.map((s, j) => (s === 'str' || s === 'char2' ? `v${k}_${j}` : `&v${k}_${j}`));
    return `  { ${vars.map((v) => v + ';').join(' ')}
    int r = sscanf(${JSON.stringify(c.input)}, ${JSON.stringify(c.fmt)}${refs.map((r) => ', ' + r).join('')});
    printf("%d", r); ${c.slots.map((s, j) => show[s](`v${k}_${j}`) + ';').join(' ')} printf("\\n"); }`;
  });
  return `#include <stdio.h>\nint main(void) {\n${body.join('\n')}\n  return 0;\n}\n`;
}

function ours(): string[] {
  return cases.map((c) => {
    const p = fakeProcess();
    const slots = c.slots.map((_, j) => SCRATCH + 1024 + j * SLOT_BYTES);
    for (const s of slots) p.mem.fill(s, 0, SLOT_BYTES);
    const input = cstr(p, c.input, 0);
    const fmt = cstr(p, c.fmt, 256);
    const r = libcBuiltins.sscanf!(p, [input, fmt, ...slots], [T.long, T.long, ...slots.map(() => T.long)]);
    const printed = (fmt: string, v: Value): string => {
      const buf = SCRATCH + 4000;
      libcBuiltins.snprintf!(p, [buf, 100, cstr(p, fmt, 3000), v], [T.long, T.ulong, T.long, fmt.includes('g') ? T.double : T.long]);
      return Buffer.from(p.mem.readCString(buf)).toString('latin1');
    };
    const shown = c.slots.map((s, j) => {
      const a = slots[j]!;
      switch (s) {
        case 'int': return printed('%d', p.mem.readI32(a));
        case 'uint': return printed('%u', p.mem.readU32(a));
        case 'long': return printed('%ld', p.mem.readI64(a));
        case 'short': return printed('%d', p.mem.readI16(a));
        case 'schar': return printed('%d', p.mem.readI8(a));
        case 'double': return printed('%.17g', p.mem.readF64(a));
        case 'float': return printed('%.9g', p.mem.readF32(a));
        case 'str': return Buffer.from(p.mem.readCString(a)).toString('latin1');
        case 'char2': return Buffer.from(p.mem.readCString(a, 2)).toString('latin1');
      }
    });
    return [String(r), ...shown].join('|');
  });
}

const hasCc = spawnSync('cc', ['--version'], { stdio: 'ignore' }).status === 0;

describe('scanf', () => {
  it('converts, stops at a mismatch and reports EOF as glibc does', () => {
    const got = ours();
    expect(got[0]).toBe('1|42');
    expect(got[1]).toBe('2|-17|abc');
    expect(got[3]).toBe('3|31|15|9');
    expect(got[9]).toBe('0|0');
    expect(got[10]).toBe('-1|0');
    expect(got[14]).toBe('3|key|value|rest');
    expect(got[17]).toBe('1|1|0');
  });

  it.runIf(hasCc)('matches the host\'s glibc on every case', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'forkscope-scan-'));
    try {
      writeFileSync(path.join(dir, 't.c'), cProgram());
      execFileSync('cc', ['-w', '-o', path.join(dir, 't'), path.join(dir, 't.c')]);
      const glibc = execFileSync(path.join(dir, 't')).toString().split('\n').slice(0, -1);
      expect(ours()).toEqual(glibc);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
