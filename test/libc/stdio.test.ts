import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { libcBuiltins } from '../../debug-adapter/engine/libc/builtins';
import { FILE_OFFSETS, FILE_SIZE, IOFBF, IOLBF, IONBF } from '../../debug-adapter/engine/libc/stdio';
import { layoutStruct, pointerTo, T, type CType, type StructType } from '../../debug-adapter/engine/lang/types';
import type { Value } from '../../debug-adapter/engine/vm/host';
import { cstr, fakeProcess, fileOf, HEAP, type FakeProcess } from './fake-process';

const STDIO_H = path.join(__dirname, '../../debug-adapter/engine/sysroot/include/stdio.h');

/** Calls a builtin with arguments typed as the VM would pass them (pointers and ints). */
function call(p: FakeProcess, name: string, args: Value[], types: CType[] = args.map(() => T.long)): Value | void {
  const fn = libcBuiltins[name];
  if (!fn) throw new Error(`no builtin ${name}`);
  return fn(p, args, types);
}
const printf = (p: FakeProcess, text: string): Value | void => call(p, 'printf', [cstr(p, text.replace(/%/g, '%%'))], [pointerTo(T.char)]);

describe('FILE layout', () => {
  it('matches the struct in stdio.h as the compiler lays it out', () => {
    const text = readFileSync(STDIO_H, 'utf8');
    const body = /typedef struct _IO_FILE \{([\s\S]*?)\} FILE;/.exec(text)![1]!;
    const members = [...body.matchAll(/^\s*(int|char \*)\s*(\w+);/gm)].map((m) => ({
      name: m[2]!,
      type: m[1] === 'int' ? T.int : pointerTo(T.char),
    }));
    const st: StructType = { kind: 'struct', union: false, tag: '_IO_FILE', members: undefined, size: 0, align: 1 };
    layoutStruct(st, members);
    expect(Object.fromEntries(st.members!.map((m) => [m.name, m.offset]))).toEqual(FILE_OFFSETS);
    expect(st.size).toBe(FILE_SIZE);
  });
});

describe('stdout buffering', () => {
  it('is line-buffered on a terminal with a 1024-byte buffer from malloc', () => {
    const p = fakeProcess({ tty: true });
    printf(p, 'abc');
    expect(p.writes).toEqual([]);
    printf(p, 'def\nghi');
    expect(p.writes).toEqual([{ fd: 1, text: 'abcdef\n' }]);
    const file = fileOf(p, 'stdout');
    const base = Number(p.mem.readU64(file + FILE_OFFSETS._IO_buf_base));
    expect(base).toBe(HEAP + 0x2a0); // the first malloc of the process, as with glibc
    expect(Number(p.mem.readU64(file + FILE_OFFSETS._IO_buf_end)) - base).toBe(1024);
    call(p, 'puts', [cstr(p, 'line')]);
    expect(p.output(1)).toBe('abcdef\nghiline\n');
  });

  it('is fully buffered on a pipe: whole 4096-byte buffers, the rest at exit\'s fflush', () => {
    const p = fakeProcess();
    const line = (i: number): string => `line ${String(i).padStart(3, '0')} of output\n`;
    for (let i = 0; i < 300; i++) printf(p, line(i));
    const total = 300 * line(0).length;
    const blocks = Math.floor(total / 4096);
    expect(blocks).toBeGreaterThan(0);
    expect(p.writes.map((w) => w.text.length)).toEqual(Array(blocks).fill(4096));
    expect(call(p, 'fflush', [0])).toBe(0);
    expect(p.writes.map((w) => w.text.length)).toEqual([...Array(blocks).fill(4096), total - blocks * 4096]);
    expect(p.output(1)).toBe(Array.from({ length: 300 }, (_, i) => line(i)).join(''));
  });

  it('writes large output as glibc does: whole blocks straight through, the remainder buffered', () => {
    const p = fakeProcess();
    const big = 'x'.repeat(10000);
    call(p, 'fwrite', [cstr(p, big, 0), 1, 10000, fileOf(p, 'stdout')]);
    expect(p.writes.map((w) => w.text.length)).toEqual([8192]);
    printf(p, 'tail\n');
    call(p, 'fflush', [fileOf(p, 'stdout')]);
    expect(p.writes.map((w) => w.text.length)).toEqual([8192, 1813]);
  });

  it('keeps pending output in process memory, so a forked child flushes its own copy', () => {
    const parent = fakeProcess();
    printf(parent, 'before fork\n');
    const child = parent.fork();
    printf(child, 'child\n');
    call(child, 'fflush', [0]);
    call(parent, 'fflush', [0]);
    expect(child.output(1)).toBe('before fork\nchild\n');
    expect(parent.output(1)).toBe('before fork\n');
  });

  it('lets setvbuf choose unbuffered, line-buffered or a user buffer', () => {
    const p = fakeProcess();
    const out = fileOf(p, 'stdout');
    expect(call(p, 'setvbuf', [out, 0, IONBF, 0])).toBe(0);
    printf(p, 'a');
    printf(p, 'b');
    expect(p.writes.map((w) => w.text)).toEqual(['a', 'b']);

    const q = fakeProcess();
    call(q, 'setvbuf', [fileOf(q, 'stdout'), 0, IOLBF, 0]);
    printf(q, 'one\ntwo');
    expect(q.writes.map((w) => w.text)).toEqual(['one\n']);

    const r = fakeProcess();
    const userBuf = HEAP - 0x100; // in the data segment, past the scratch area
    call(r, 'setvbuf', [fileOf(r, 'stdout'), userBuf, IOFBF, 16]);
    printf(r, '0123456789');
    expect(r.writes).toEqual([]);
    printf(r, 'abcdefghij');
    expect(r.writes.map((w) => w.text)).toEqual(['0123456789abcdef']);
    expect(Buffer.from(r.mem.readBytes(userBuf, 4)).toString()).toBe('ghij');
    expect(call(r, 'setvbuf', [fileOf(r, 'stdout'), 0, 7, 0])).toBe(-1);
  });

  it('setvbuf(_IOFBF) on a terminal makes stdout fully buffered', () => {
    const p = fakeProcess({ tty: true });
    call(p, 'setvbuf', [fileOf(p, 'stdout'), 0, IOFBF, 0]);
    printf(p, 'no flush\n');
    expect(p.writes).toEqual([]);
  });
});

describe('stderr and the other writers', () => {
  it('writes stderr at once, one write per call', () => {
    const p = fakeProcess();
    call(p, 'fprintf', [fileOf(p, 'stderr'), cstr(p, 'error %d\n'), 42], [pointerTo(T.void), pointerTo(T.char), T.int]);
    call(p, 'fputs', [cstr(p, 'x'), fileOf(p, 'stderr')]);
    expect(p.writes).toEqual([{ fd: 2, text: 'error 42\n' }, { fd: 2, text: 'x' }]);
  });

  it('perror prints the message for errno', () => {
    const p = fakeProcess();
    p.setErrno(2);
    call(p, 'perror', [cstr(p, 'open')]);
    call(p, 'perror', [0]);
    expect(p.output(2)).toBe('open: No such file or directory\nNo such file or directory\n');
  });

  it('sprintf and snprintf store a NUL-terminated string and return the full length', () => {
    const p = fakeProcess();
    const buf = cstr(p, '', 512);
    const fmt = cstr(p, '%s=%5.2f|%-4d|', 0);
    const name = cstr(p, 'pi', 100);
    const types = [pointerTo(T.char), T.ulong, pointerTo(T.char), pointerTo(T.char), T.double, T.int];
    expect(call(p, 'snprintf', [buf, 8, fmt, name, 3.14159, 7], types)).toBe(14);
    expect(Buffer.from(p.mem.readCString(buf)).toString()).toBe('pi= 3.1');
    expect(call(p, 'sprintf', [buf, fmt, name, 3.14159, 7], [types[0]!, ...types.slice(2)])).toBe(14);
    expect(Buffer.from(p.mem.readCString(buf)).toString()).toBe('pi= 3.14|7   |');
  });

  it('vprintf reads its arguments from a va_list of 8-byte slots', () => {
    const p = fakeProcess();
    const slots = cstr(p, '', 600);
    p.mem.write64(slots, -5);
    p.mem.writeF64(slots + 8, 2.5);
    p.mem.write64(slots + 16, cstr(p, 'str', 700));
    call(p, 'vprintf', [cstr(p, '%d %.1f %s\n'), slots]);
    call(p, 'fflush', [0]);
    expect(p.output(1)).toBe('-5 2.5 str\n');
  });
});

describe('input', () => {
  it('reads lines with fgets and bytes with getchar, then EOF', () => {
    const p = fakeProcess({ stdin: 'first line\nsecond\nx' });
    const buf = cstr(p, '', 200);
    const stdin = fileOf(p, 'stdin');
    expect(call(p, 'fgets', [buf, 100, stdin])).toBe(buf);
    expect(Buffer.from(p.mem.readCString(buf)).toString()).toBe('first line\n');
    expect(call(p, 'fgets', [buf, 4, stdin])).toBe(buf);
    expect(Buffer.from(p.mem.readCString(buf)).toString()).toBe('sec');
    expect(call(p, 'fgets', [buf, 100, stdin])).toBe(buf);
    expect(Buffer.from(p.mem.readCString(buf)).toString()).toBe('ond\n');
    expect(call(p, 'getchar', [])).toBe('x'.charCodeAt(0));
    expect(call(p, 'getchar', [])).toBe(-1);
    expect(call(p, 'feof', [stdin])).toBe(1);
    expect(call(p, 'fgets', [buf, 100, stdin])).toBe(0);
  });

  it('flushes a line-buffered stdout before reading a terminal, so prompts appear', () => {
    const p = fakeProcess({ tty: true, stdin: 'typed\n' });
    printf(p, 'prompt> ');
    expect(p.writes).toEqual([]);
    call(p, 'getchar', []);
    expect(p.writes).toEqual([{ fd: 1, text: 'prompt> ' }]);
  });

  it('does not flush stdout before reading a pipe', () => {
    const p = fakeProcess({ stdin: 'data\n' });
    printf(p, 'prompt> ');
    call(p, 'getchar', []);
    expect(p.writes).toEqual([]);
  });
});
