import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { libcBuiltins } from '../../debug-adapter/engine/libc/builtins';
import { T, type CType } from '../../debug-adapter/engine/lang/types';
import type { Value } from '../../debug-adapter/engine/vm/host';
import { cstr, ExitCalled, fakeProcess, SCRATCH, type FakeProcess } from './fake-process';

function call(p: FakeProcess, name: string, args: Value[], types: CType[] = args.map(() => T.long)): Value | void {
  const fn = libcBuiltins[name];
  if (!fn) throw new Error(`no builtin ${name}`);
  return fn(p, args, types);
}

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  return undefined;
}

const hasCc = spawnSync('cc', ['--version'], { stdio: 'ignore' }).status === 0;

function runC(source: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'forkscope-builtins-'));
  try {
    writeFileSync(path.join(dir, 't.c'), source);
    execFileSync('cc', ['-w', '-fno-builtin', '-o', path.join(dir, 't'), path.join(dir, 't.c')]);
    return execFileSync(path.join(dir, 't')).toString();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const seeds = [1, 42, 0, 4294967295, 2147483648, 12345];

describe('rand', () => {
  const sequence = (p: FakeProcess, seed: number | undefined, n: number): number[] => {
    if (seed !== undefined) call(p, 'srand', [seed], [T.uint]);
    return Array.from({ length: n }, () => Number(call(p, 'rand', [])));
  };

  it('gives glibc\'s numbers, unseeded as after srand(1)', () => {
    expect(sequence(fakeProcess(), undefined, 3)).toEqual([1804289383, 846930886, 1681692777]);
    expect(sequence(fakeProcess(), 42, 3)).toEqual([71876166, 708592740, 1483128881]);
    expect(sequence(fakeProcess(), 4294967295, 3)).toEqual([254925627, 1205188300, 366127624]);
  });

  it.runIf(hasCc)('matches the host\'s glibc for several seeds', () => {
    const out = runC(`#include <stdio.h>
#include <stdlib.h>
int main(void) {
  static const unsigned seeds[] = { ${seeds.map((s) => `${s}u`).join(', ')} };
  for (int i = 0; i < ${seeds.length}; i++) { srand(seeds[i]); for (int k = 0; k < 50; k++) printf("%d\\n", rand()); }
  return 0;
}
`).trim().split('\n').map(Number);
    const p = fakeProcess();
    expect(seeds.flatMap((s) => sequence(p, s, 50))).toEqual(out);
  });

  it('keeps its state in process memory, so a forked child continues the same sequence', () => {
    const parent = fakeProcess();
    call(parent, 'srand', [7]);
    call(parent, 'rand', []);
    const child = parent.fork();
    expect(sequence(child, undefined, 5)).toEqual(sequence(parent, undefined, 5));
  });
});

describe('ctype', () => {
  const classes = ['isalpha', 'isdigit', 'isalnum', 'isspace', 'isupper', 'islower', 'isxdigit', 'ispunct', 'isprint', 'iscntrl', 'isgraph', 'isblank', 'toupper', 'tolower'];
  const ours = (): string[] => {
    const p = fakeProcess();
    const out: string[] = [];
    for (let c = -1; c < 256; c++) out.push(classes.map((f) => String(call(p, f, [c], [T.int]))).join(' '));
    return out;
  };

  it('returns glibc\'s class bits', () => {
    const p = fakeProcess();
    const v = (f: string, ch: string): Value | void => call(p, f, [ch.charCodeAt(0)], [T.int]);
    expect([v('isalpha', 'a'), v('isdigit', '5'), v('isspace', ' '), v('isupper', 'A'), v('ispunct', '!'), v('isxdigit', 'f'), v('isalnum', 'z')])
      .toEqual([1024, 2048, 8192, 256, 4, 4096, 8]);
    expect(call(p, 'isalpha', [-1])).toBe(0);
    expect(call(p, 'tolower', [200])).toBe(200);
  });

  it.runIf(hasCc)('agrees with the host\'s glibc for EOF and every byte', () => {
    const out = runC(`#include <stdio.h>
#include <ctype.h>
int main(void) {
  for (int c = -1; c < 256; c++)
    printf("${classes.map(() => '%d').join(' ')}\\n", ${classes.map((f) => `${f}(c)`).join(', ')});
  return 0;
}
`).trim().split('\n');
    expect(ours()).toEqual(out);
  });
});

describe('strings', () => {
  it('compares as glibc does on x86-64: the difference of the first differing bytes', () => {
    const p = fakeProcess();
    const s = (text: string, at: number): number => cstr(p, text, at);
    expect(call(p, 'strcmp', [s('abc', 0), s('abz', 16)])).toBe(-23);
    expect(call(p, 'strcmp', [s('abc', 0), s('ab', 16)])).toBe(99);
    expect(call(p, 'strcmp', [s('\xc8', 0), s('\x01', 16)])).toBe(199);
    expect(call(p, 'strncmp', [s('abcd', 0), s('abcz', 16), 3])).toBe(0);
    expect(call(p, 'strncasecmp', [s('abcd', 0), s('ABCZ', 16), 4])).toBe(-22);
    expect(call(p, 'memcmp', [s('abc', 0), s('abz', 16), 3])).toBe(-23);
  });

  it('copies, concatenates and searches', () => {
    const p = fakeProcess();
    const dst = SCRATCH + 256;
    const src = cstr(p, 'hello');
    call(p, 'strcpy', [dst, src]);
    call(p, 'strcat', [dst, cstr(p, ', world', 32)]);
    const text = (a: number): string => Buffer.from(p.mem.readCString(a)).toString('latin1');
    expect(text(dst)).toBe('hello, world');
    expect(call(p, 'strlen', [dst])).toBe(12);
    expect(call(p, 'strchr', [dst, 'o'.charCodeAt(0)])).toBe(dst + 4);
    expect(call(p, 'strrchr', [dst, 'o'.charCodeAt(0)])).toBe(dst + 8);
    expect(call(p, 'strchr', [dst, 0])).toBe(dst + 12);
    expect(call(p, 'strchr', [dst, 'z'.charCodeAt(0)])).toBe(0);
    expect(call(p, 'strstr', [dst, cstr(p, 'wor', 64)])).toBe(dst + 7);
    expect(call(p, 'strstr', [dst, cstr(p, '', 64)])).toBe(dst);
    expect(call(p, 'strspn', [dst, cstr(p, 'leh', 64)])).toBe(4);
    expect(call(p, 'strcspn', [dst, cstr(p, ' ,', 64)])).toBe(5);
    expect(call(p, 'strpbrk', [dst, cstr(p, 'w,', 64)])).toBe(dst + 5);
    call(p, 'strncpy', [dst, src, 8]);
    expect(Array.from(p.mem.readBytes(dst, 9))).toEqual([...Buffer.from('hello'), 0, 0, 0, 'o'.charCodeAt(0)]);
    call(p, 'memset', [dst, 0x41, 3]);
    call(p, 'memmove', [dst + 1, dst, 4]);
    expect(text(dst)).toBe('AAAAl'); // "AAAlo" with its first four bytes copied one to the right
    expect(call(p, 'memchr', [dst, 0, 10])).toBe(dst + 5);
  });

  it('strerror and strsignal give each known number a string of its own, as glibc\'s tables do', () => {
    const p = fakeProcess();
    const message = (at: number): string => Buffer.from(p.mem.readCString(at)).toString();
    const enoent = Number(call(p, 'strerror', [2], [T.int]));
    const ebusy = Number(call(p, 'strerror', [16], [T.int]));
    // Both strings survive: printf("%s %s", strerror(a), strerror(b)) prints two messages.
    expect([message(enoent), message(ebusy)]).toEqual(['No such file or directory', 'Device or resource busy']);
    expect(Number(call(p, 'strerror', [2], [T.int]))).toBe(enoent);
    // An unknown number's text goes to the one shared buffer, as in glibc.
    const unknown = Number(call(p, 'strerror', [200], [T.int]));
    expect(unknown).toBe(p.symbol('__libc_strerror_buf'));
    expect(message(unknown)).toBe('Unknown error 200');
    const segv = Number(call(p, 'strsignal', [11], [T.int]));
    const chld = Number(call(p, 'strsignal', [17], [T.int]));
    expect([message(segv), message(chld)]).toEqual(['Segmentation fault', 'Child exited']);
    expect(message(Number(call(p, 'strsignal', [40], [T.int])))).toBe('Real-time signal 6');
  });
});

describe('numbers', () => {
  it('strtol stores the end pointer and sets errno on overflow', () => {
    const p = fakeProcess();
    const s = cstr(p, '  -42rest');
    const endp = SCRATCH + 512;
    expect(call(p, 'strtol', [s, endp, 10])).toBe(-42);
    expect(Number(p.mem.readU64(endp))).toBe(s + 5);
    expect(call(p, 'strtoul', [cstr(p, '99999999999999999999999'), 0, 0])).toBe(2n ** 64n - 1n);
    expect(p.getErrno()).toBe(34);
    expect(call(p, 'atoi', [cstr(p, '4294967297')])).toBe(1);
    expect(call(p, 'strtod', [cstr(p, '2.5e3x'), endp])).toBe(2500);
    expect(Number(p.mem.readU64(endp))).toBe(SCRATCH + 5);
  });

  it('abs wraps INT_MIN as the hardware does', () => {
    const p = fakeProcess();
    expect(call(p, 'abs', [-2147483648], [T.int])).toBe(-2147483648);
    expect(call(p, 'labs', [-5], [T.long])).toBe(5);
    expect(call(p, 'llabs', [-(2n ** 63n)], [T.llong])).toBe(-(2n ** 63n));
  });
});

describe('process builtins', () => {
  it('_exit ends the process at once', () => {
    const p = fakeProcess();
    expect((thrown(() => call(p, '_exit', [3], [T.int])) as ExitCalled).status).toBe(3);
    expect(call(p, '__errno_location', [])).toBe(p.symbol('errno'));
  });
});
