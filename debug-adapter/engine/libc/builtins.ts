// The C library functions implemented in TypeScript, bound by name to the calls a program declares but
// does not define. Each reads and writes the process's memory through the BuiltinContext; state that C
// keeps between calls (errno, rand's state, stdio buffers, the heap) lives in that memory too.
import type { CType } from '../lang/types';
import type { BuiltinContext, BuiltinFn, Value } from '../vm/host';
import { type AddressSpace, MemoryFault } from '../vm/memory';
import { atomicBuiltins } from './atomic';
import { ctypeBuiltins } from './ctype';
import { E, ERRNO_NAMES, strerror, strsignal } from './errno';
import { formatPrintf, type PrintfArgs } from './format';
import { coreAdded, coreNeeded, free, HeapCorruption, intMalloc, intRealloc, usableSize } from './malloc';
import { randomNext, randomSeed } from './random';
import { scanFormat, type ScanInput } from './scan';
import { atoi, atol, strtod, strtoSigned, strtoUnsigned, type IntParse } from './strconv';
import { scanBuffered } from './stdio';


// ------------------------------------------------------------------ argument helpers

const num = (v: Value | undefined): number => Number(v ?? 0);
/** An int argument (already converted by the VM, but wrap defensively as C would). */
const int = (v: Value | undefined): number => (typeof v === 'bigint' ? Number(BigInt.asIntN(32, v)) : num(v) | 0);
/** A 64-bit result as the VM holds it: a number while exact, a bigint beyond. */
const wide = (b: bigint): Value => (b >= BigInt(Number.MIN_SAFE_INTEGER) && b <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(b) : b);

const F64 = new Float64Array(1);
const U64 = new BigUint64Array(F64.buffer);
const bitsOf = (x: number): bigint => { F64[0] = x; return U64[0]!; };
const doubleOf = (b: bigint): number => { U64[0] = BigInt.asUintN(64, b); return F64[0]!; };

/** printf's arguments from a builtin call's `...`: typed values, read as the conversion asks. */
function callArgs(ctx: BuiltinContext, args: Value[], types: CType[], first: number): PrintfArgs {
  let k = first;
  // A slot's 64 bits, as the va_list block would hold them: doubles as IEEE bits, integers extended.
  const slot = (): bigint => {
    const v = args[k];
    const t = types[k];
    k++;
    if (v === undefined) return 0n;
    if (t?.kind === 'float') return bitsOf(Number(v));
    return typeof v === 'bigint' ? v : BigInt(Math.trunc(v));
  };
  return {
    nextInt: (size, signed) => (signed ? BigInt.asIntN(size * 8, slot()) : BigInt.asUintN(size * 8, slot())),
    nextDouble: () => {
      const t = types[k];
      if (t?.kind === 'float') return Number(args[k++]);
      return doubleOf(slot());
    },
    readString: (addr, max) => ctx.mem.readCString(addr, max),
    errno: () => ctx.getErrno(),
  };
}

/** printf's arguments from a va_list: a cursor over 8-byte slots in memory. */
function vaListArgs(ctx: BuiltinContext, ap: number): PrintfArgs {
  let cursor = ap;
  const slot = (): bigint => {
    const v = ctx.mem.readU64(cursor);
    cursor += 8;
    return BigInt(v);
  };
  return {
    nextInt: (size, signed) => (signed ? BigInt.asIntN(size * 8, slot()) : BigInt.asUintN(size * 8, slot())),
    nextDouble: () => {
      const x = ctx.mem.readF64(cursor);
      cursor += 8;
      return x;
    },
    readString: (addr, max) => ctx.mem.readCString(addr, max),
    errno: () => ctx.getErrno(),
  };
}

const cString = (ctx: BuiltinContext, addr: Value | undefined): Uint8Array => ctx.mem.readCString(num(addr));
const format = (ctx: BuiltinContext, fmt: Value | undefined, a: PrintfArgs): Uint8Array => formatPrintf(cString(ctx, fmt), a);
const ascii = (s: string): Uint8Array => new TextEncoder().encode(s);

/** Writes a string and its NUL to memory: sprintf's output. */
function storeString(ctx: BuiltinContext, dest: number, bytes: Uint8Array): void {
  ctx.mem.writeBytes(dest, bytes);
  ctx.mem.write8(dest + bytes.length, 0);
}

/** snprintf: at most size-1 bytes and a NUL; the return value is the full length regardless. */
function storeTruncated(ctx: BuiltinContext, dest: number, size: number, bytes: Uint8Array): number {
  if (size > 0) storeString(ctx, dest, bytes.subarray(0, Math.min(bytes.length, size - 1)));
  return bytes.length;
}

// ------------------------------------------------------------------ stdio
//
// The streams are C (sysroot/lib/stdio.c), so that their bytes go through read(2) and write(2). Turning
// a format into bytes, and scanf's conversions, are done here.

const stdioBuiltins: Record<string, BuiltinFn> = {
  sprintf: (ctx, a, t) => {
    const out = format(ctx, a[1], callArgs(ctx, a, t, 2));
    storeString(ctx, num(a[0]), out);
    return out.length;
  },
  snprintf: (ctx, a, t) => storeTruncated(ctx, num(a[0]), num(a[1]), format(ctx, a[2], callArgs(ctx, a, t, 3))),
  vsprintf: (ctx, a) => {
    const out = format(ctx, a[1], vaListArgs(ctx, num(a[2])));
    storeString(ctx, num(a[0]), out);
    return out.length;
  },
  vsnprintf: (ctx, a) => storeTruncated(ctx, num(a[0]), num(a[1]), format(ctx, a[2], vaListArgs(ctx, num(a[3])))),
  // vfprintf's formatting (sysroot/lib/stdio.c): vsnprintf into buf, and where each piece of the whole
  // output ends into ends[0..max) (the last one taking any beyond), their number into *npieces.
  __vsnprintf_pieces: (ctx, a) => {
    const pieces: number[] = [];
    const out = formatPrintf(cString(ctx, a[2]), vaListArgs(ctx, num(a[3])), pieces);
    const ends = num(a[4]);
    const max = int(a[5]);
    const n = Math.min(pieces.length, max);
    for (let i = 0; i < n; i++) ctx.mem.write32(ends + 4 * i, i === n - 1 ? out.length : pieces[i]!);
    ctx.mem.write32(num(a[6]), n);
    return storeTruncated(ctx, num(a[0]), num(a[1]), out);
  },
  __vfscanf_buffered: (ctx, a) => {
    let cursor = num(a[2]);
    const nextPointer = (): number => {
      const p = Number(ctx.mem.readU64(cursor));
      cursor += 8;
      return p;
    };
    return scanBuffered(ctx, num(a[0]), cString(ctx, a[1]), nextPointer);
  },
  sscanf: (ctx, a) => {
    const text = num(a[0]);
    let pos = 0;
    const input: ScanInput = {
      peek: () => { const b = ctx.mem.readU8(text + pos); return b === 0 ? -1 : b; },
      take: () => { pos++; },
    };
    return scanFormat(cString(ctx, a[1]), input, scanTargets(ctx, a, 2));
  },
};

function scanTargets(ctx: BuiltinContext, args: Value[], first: number): { mem: BuiltinContext['mem']; nextPointer(): number } {
  let k = first;
  return { mem: ctx.mem, nextPointer: () => num(args[k++]) };
}

// ------------------------------------------------------------------ strings and memory

/** The first address of [addr, addr+len) that no mapping covers, if any. */
function firstUnmapped(mem: AddressSpace, addr: number, len: number): number | undefined {
  const end = addr + len;
  for (let a = addr; a < end; ) {
    const vma = mem.findVma(a);
    if (!vma) return a;
    a = vma.end;
  }
  return undefined;
}

/**
 * A routine handed a length past the end of its buffer's mapping (memset(b, 0, -1)) faults where the real
 * one would run off the mapping, rather than asking the host for an impossible array.
 */
function checkRange(ctx: BuiltinContext, addr: number, len: number, access: 'read' | 'write'): void {
  const bad = firstUnmapped(ctx.mem, addr, len);
  if (bad !== undefined) throw new MemoryFault(bad, access, 'unmapped');
}

/** Copies n bytes (memcpy, memmove): AddressSpace.copy buffers overlapping ranges, which gives memmove's rule. */
function copyBytes(ctx: BuiltinContext, dest: number, src: number, n: number): void {
  checkRange(ctx, src, n, 'read');
  checkRange(ctx, dest, n, 'write');
  ctx.mem.copy(dest, src, n);
}

/** Compares NUL-terminated strings (at most n bytes) as glibc does on x86-64: the difference of the first differing bytes. */
function compareStrings(ctx: BuiltinContext, a: number, b: number, n: number, fold: boolean): number {
  const lower = (c: number): number => (fold && c >= 0x41 && c <= 0x5a ? c + 0x20 : c);
  for (let i = 0; i < n; i++) {
    const x = lower(ctx.mem.readU8(a + i));
    const y = lower(ctx.mem.readU8(b + i));
    if (x !== y || x === 0) return x - y;
  }
  return 0;
}

function indexOfBytes(hay: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/** Length of the prefix of s made of bytes in (or, with `reject`, not in) the set. */
function span(ctx: BuiltinContext, s: number, set: number, reject: boolean): number {
  const members = new Set(cString(ctx, set));
  let n = 0;
  for (;;) {
    const c = ctx.mem.readU8(s + n);
    if (c === 0 || members.has(c) === reject) return n;
    n++;
  }
}

/** Writes a message into row `row` of one of libc's static tables of 64-byte strings (libc_state.c) and returns its address. */
function staticString(ctx: BuiltinContext, table: string, text: string, row = 0): number {
  const base = ctx.symbol(table);
  if (base === undefined) throw new Error(`the C library sources define no '${table}'`);
  const addr = base + row * 64;
  storeString(ctx, addr, ascii(text).subarray(0, 63));
  return addr;
}

/** strerror's and strsignal's string: a known number's own row of its table, or the shared buffer. */
function messageString(ctx: BuiltinContext, n: number, text: string, known: boolean, table: string, shared: string): number {
  return known ? staticString(ctx, table, text, n) : staticString(ctx, shared, text);
}

const stringBuiltins: Record<string, BuiltinFn> = {
  strlen: (ctx, a) => ctx.mem.strlen(num(a[0])),
  strnlen: (ctx, a) => ctx.mem.strlen(num(a[0]), num(a[1])),
  strcpy: (ctx, a) => { storeString(ctx, num(a[0]), cString(ctx, a[1])); return a[0]; },
  strncpy: (ctx, a) => {
    const n = num(a[2]);
    checkRange(ctx, num(a[0]), n, 'write');
    const src = ctx.mem.readCString(num(a[1]), n);
    ctx.mem.writeBytes(num(a[0]), src);
    ctx.mem.fill(num(a[0]) + src.length, 0, n - src.length);
    return a[0];
  },
  strcat: (ctx, a) => {
    const dest = num(a[0]);
    storeString(ctx, dest + ctx.mem.strlen(dest), cString(ctx, a[1]));
    return a[0];
  },
  strncat: (ctx, a) => {
    const dest = num(a[0]);
    storeString(ctx, dest + ctx.mem.strlen(dest), ctx.mem.readCString(num(a[1]), num(a[2])));
    return a[0];
  },
  strcmp: (ctx, a) => compareStrings(ctx, num(a[0]), num(a[1]), Infinity, false),
  strncmp: (ctx, a) => compareStrings(ctx, num(a[0]), num(a[1]), num(a[2]), false),
  strcasecmp: (ctx, a) => compareStrings(ctx, num(a[0]), num(a[1]), Infinity, true),
  strncasecmp: (ctx, a) => compareStrings(ctx, num(a[0]), num(a[1]), num(a[2]), true),
  strchr: (ctx, a) => {
    const s = num(a[0]);
    const c = int(a[1]) & 0xff;
    for (let i = 0; ; i++) {
      const b = ctx.mem.readU8(s + i);
      if (b === c) return s + i;
      if (b === 0) return 0;
    }
  },
  strrchr: (ctx, a) => {
    const s = num(a[0]);
    const bytes = cString(ctx, s);
    const c = int(a[1]) & 0xff;
    if (c === 0) return s + bytes.length;
    const i = bytes.lastIndexOf(c);
    return i < 0 ? 0 : s + i;
  },
  strstr: (ctx, a) => {
    const i = indexOfBytes(cString(ctx, a[0]), cString(ctx, a[1]));
    return i < 0 ? 0 : num(a[0]) + i;
  },
  strspn: (ctx, a) => span(ctx, num(a[0]), num(a[1]), false),
  strcspn: (ctx, a) => span(ctx, num(a[0]), num(a[1]), true),
  strpbrk: (ctx, a) => {
    const s = num(a[0]);
    const n = span(ctx, s, num(a[1]), true);
    return ctx.mem.readU8(s + n) === 0 ? 0 : s + n;
  },
  memset: (ctx, a) => {
    checkRange(ctx, num(a[0]), num(a[2]), 'write');
    ctx.mem.fill(num(a[0]), int(a[1]) & 0xff, num(a[2]));
    return a[0];
  },
  // memcpy with overlapping buffers is undefined; behaving as memmove is one of the things it may do.
  memcpy: (ctx, a) => { copyBytes(ctx, num(a[0]), num(a[1]), num(a[2])); return a[0]; },
  memmove: (ctx, a) => { copyBytes(ctx, num(a[0]), num(a[1]), num(a[2])); return a[0]; },
  // Byte by byte, stopping early as the real ones do: a long length past a difference does not fault.
  memcmp: (ctx, a) => {
    const x = num(a[0]);
    const y = num(a[1]);
    const n = num(a[2]);
    for (let i = 0; i < n; i++) {
      const d = ctx.mem.readU8(x + i) - ctx.mem.readU8(y + i);
      if (d !== 0) return d;
    }
    return 0;
  },
  memchr: (ctx, a) => {
    const s = num(a[0]);
    const n = num(a[2]);
    const c = int(a[1]) & 0xff;
    for (let i = 0; i < n; i++) if (ctx.mem.readU8(s + i) === c) return s + i;
    return 0;
  },
  strerror: (ctx, a) => {
    const e = int(a[0]);
    return messageString(ctx, e, strerror(e), e === 0 || ERRNO_NAMES.has(e), '__libc_errlist', '__libc_strerror_buf');
  },
  strsignal: (ctx, a) => {
    const sig = int(a[0]);
    return messageString(ctx, sig, strsignal(sig), sig >= 1 && sig < 32, '__libc_siglist', '__libc_strsignal_buf');
  },
};

// ------------------------------------------------------------------ memory allocation

/** glibc's malloc_printerr: the message on stderr (fd 2, bypassing stdio), then abort (__libc_fatal). */
function heapAbort(ctx: BuiltinContext, e: unknown): never {
  if (!(e instanceof HeapCorruption)) throw e;
  return ctx.fatal(e.message + '\n');
}

/** size_t arguments past 2^53 cannot be satisfied anyway; they become Infinity so allocation fails. */
const size = (v: Value | undefined): number => (typeof v === 'bigint' ? Infinity : num(v));

/** Runs an allocator step that may find the heap corrupt: glibc's message and abort then. */
function checked(ctx: BuiltinContext, step: () => number | void): number | void {
  try {
    return step();
  } catch (e) {
    return heapAbort(ctx, e);
  }
}

/**
 * The host half of malloc (see malloc.ts): the C library's malloc, calloc, realloc and free
 * (lib/malloc.c) make the system calls between these calls (sbrk, mmap, munmap), and set errno.
 */
const mallocBuiltins: Record<string, BuiltinFn> = {
  __malloc_core_needed: (ctx, a) => checked(ctx, () => coreNeeded(ctx, num(a[0]), size(a[1]))),
  __malloc_core_added: (ctx, a) => coreAdded(ctx, num(a[0]), num(a[1])),
  _int_malloc: (ctx, a) => intMalloc(ctx, size(a[0])),
  _int_realloc: (ctx, a) => checked(ctx, () => intRealloc(ctx, num(a[0]), size(a[1]))),
  _int_free: (ctx, a) => checked(ctx, () => free(ctx, num(a[0]))),
  _int_usable_size: (ctx, a) => checked(ctx, () => usableSize(ctx, num(a[0]))),
};

// ------------------------------------------------------------------ numbers

/** Stores *endptr (when the caller passed one and glibc would set it) and errno; returns the value. */
function parsed(ctx: BuiltinContext, nptr: Value | undefined, endptr: Value | undefined, r: IntParse): Value {
  if (num(endptr) !== 0 && r.end !== undefined) ctx.mem.write64(num(endptr), num(nptr) + r.end);
  if (r.errno !== undefined) ctx.setErrno(r.errno);
  return wide(r.value);
}

const numberBuiltins: Record<string, BuiltinFn> = {
  atoi: (ctx, a) => atoi(cString(ctx, a[0])),
  atol: (ctx, a) => wide(atol(cString(ctx, a[0]))),
  atoll: (ctx, a) => wide(atol(cString(ctx, a[0]))),
  atof: (ctx, a) => strtod(cString(ctx, a[0])).value,
  strtol: (ctx, a) => parsed(ctx, a[0], a[1], strtoSigned(cString(ctx, a[0]), int(a[2]))),
  strtoll: (ctx, a) => parsed(ctx, a[0], a[1], strtoSigned(cString(ctx, a[0]), int(a[2]))),
  strtoul: (ctx, a) => parsed(ctx, a[0], a[1], strtoUnsigned(cString(ctx, a[0]), int(a[2]))),
  strtoull: (ctx, a) => parsed(ctx, a[0], a[1], strtoUnsigned(cString(ctx, a[0]), int(a[2]))),
  strtod: (ctx, a) => {
    const r = strtod(cString(ctx, a[0]));
    if (num(a[1]) !== 0) ctx.mem.write64(num(a[1]), num(a[0]) + r.end);
    if (r.errno !== undefined) ctx.setErrno(r.errno);
    return r.value;
  },
  abs: (_ctx, a) => Math.abs(int(a[0])) | 0, // abs(INT_MIN) wraps to INT_MIN, as on the hardware
  labs: (_ctx, a) => wide(BigInt.asIntN(64, absBig(a[0]))),
  llabs: (_ctx, a) => wide(BigInt.asIntN(64, absBig(a[0]))),
  rand: (ctx) => randomNext(ctx),
  random: (ctx) => randomNext(ctx),
  srand: (ctx, a) => { randomSeed(ctx, num(a[0]) >>> 0); },
  srandom: (ctx, a) => { randomSeed(ctx, num(a[0]) >>> 0); },
};

function absBig(v: Value | undefined): bigint {
  const b = BigInt.asIntN(64, BigInt(v ?? 0));
  return b < 0n ? -b : b;
}

// ------------------------------------------------------------------ process

const processBuiltins: Record<string, BuiltinFn> = {
  __errno_location: (ctx) => {
    const addr = ctx.symbol('errno');
    if (addr === undefined) throw new Error("the C library sources define no 'errno'");
    return addr;
  },
  _exit: (ctx, a) => ctx.exitProcess(int(a[0])),
  _Exit: (ctx, a) => ctx.exitProcess(int(a[0])),
};

export const libcBuiltins: Record<string, BuiltinFn> = {
  ...stdioBuiltins,
  ...stringBuiltins,
  ...mallocBuiltins,
  ...numberBuiltins,
  ...ctypeBuiltins,
  ...processBuiltins,
  ...atomicBuiltins,
};
