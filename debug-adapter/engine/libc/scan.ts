// scanf's format interpretation over a byte source (a stream or a string), storing into process memory.
// Conversions: d i u o x X p c s [set] f e g a E G n %, with '*' suppression, a field width and the length
// modifiers hh h l ll j z t L (L reads a double: long double is double here). Like glibc, it reads one
// byte too far at most and pushes that byte back.
import type { AddressSpace } from '../vm/memory';
import { strtod, strtoSigned, strtoUnsigned } from './strconv';

/** Bytes to scan: peek at the next one (-1 at the end) or take it. */
export interface ScanInput {
  peek(): number;
  take(): void;
}

/** The stores scanf makes: process memory, or a recording of them to make later. */
export type ScanMemory = Pick<AddressSpace, 'write8' | 'write16' | 'write32' | 'write64' | 'writeF32' | 'writeF64' | 'writeBytes'>;

/** Where results go: the next pointer argument, and the memory it points into. */
export interface ScanOutput {
  mem: ScanMemory;
  nextPointer(): number;
}

const isSpace = (b: number): boolean => b === 0x20 || (b >= 0x09 && b <= 0x0d);
const isDigitIn = (b: number, base: number): boolean => {
  const d = b >= 0x30 && b <= 0x39 ? b - 0x30 : b >= 0x61 && b <= 0x66 ? b - 0x61 + 10 : b >= 0x41 && b <= 0x46 ? b - 0x41 + 10 : 99;
  return d < base;
};

/** Returns the number of assignments made, or -1 (EOF) when input ran out before the first conversion. */
export function scanFormat(fmt: Uint8Array, input: ScanInput, out: ScanOutput): number {
  let assigned = 0;
  let consumed = 0;
  let converted = false;
  const take = (): number => {
    const b = input.peek();
    input.take();
    consumed++;
    return b;
  };
  const skipSpace = (): void => {
    while (isSpace(input.peek())) take();
  };
  const eofResult = (): number => (converted || assigned > 0 ? assigned : -1);

  for (let i = 0; i < fmt.length; i++) {
    const f = fmt[i]!;
    if (isSpace(f)) {
      skipSpace();
      continue;
    }
    if (f !== 0x25 || fmt[i + 1] === 0x25) {
      if (f === 0x25) {
        i++;
        skipSpace();
      }
      const b = input.peek();
      if (b < 0) return eofResult();
      if (b !== f) return assigned;
      take();
      continue;
    }
    i++;
    let suppress = false;
    if (fmt[i] === 0x2a) {
      suppress = true;
      i++;
    }
    let width = 0;
    while (fmt[i]! >= 0x30 && fmt[i]! <= 0x39) width = width * 10 + (fmt[i++]! - 0x30);
    let size: 1 | 2 | 4 | 8 = 4;
    let long = false;
    if (fmt[i] === 0x68) { size = fmt[i + 1] === 0x68 ? 1 : 2; i += size === 1 ? 2 : 1; }
    else if (fmt[i] === 0x6c) { size = 8; long = true; i += fmt[i + 1] === 0x6c ? 2 : 1; }
    else if (fmt[i] === 0x6a || fmt[i] === 0x7a || fmt[i] === 0x74 || fmt[i] === 0x4c || fmt[i] === 0x71) { size = 8; long = true; i++; }
    const conv = String.fromCharCode(fmt[i] ?? 0);
    const limit = width || Infinity;

    if (conv === 'n') {
      if (!suppress) out.mem.write32(out.nextPointer(), consumed);
      continue;
    }
    if (conv !== 'c' && conv !== '[') skipSpace();
    if (input.peek() < 0) return eofResult();

    if (conv === 'c') {
      const n = width || 1;
      const bytes: number[] = [];
      while (bytes.length < n && input.peek() >= 0) bytes.push(take());
      if (bytes.length < n) return eofResult();
      if (!suppress) { out.mem.writeBytes(out.nextPointer(), Uint8Array.from(bytes)); assigned++; }
      converted = true;
      continue;
    }
    if (conv === 's' || conv === '[') {
      let accept = (b: number): boolean => !isSpace(b);
      if (conv === '[') {
        const set = parseSet(fmt, i + 1);
        i = set.end;
        accept = set.accepts;
      }
      const bytes: number[] = [];
      while (bytes.length < limit && input.peek() >= 0 && accept(input.peek())) bytes.push(take());
      if (bytes.length === 0) return assigned;
      if (!suppress) {
        const p = out.nextPointer();
        out.mem.writeBytes(p, Uint8Array.from(bytes));
        out.mem.write8(p + bytes.length, 0);
        assigned++;
      }
      converted = true;
      continue;
    }
    const intBase: Record<string, number> = { d: 10, i: 0, u: 10, o: 8, x: 16, X: 16, p: 16 };
    if (conv in intBase) {
      const text = collectInteger(input, take, limit, intBase[conv]!);
      if (text === undefined) return assigned;
      const base = intBase[conv]!;
      const signed = conv === 'd' || conv === 'i';
      const value = signed ? strtoSigned(text, base).value : strtoUnsigned(text, base).value;
      if (!suppress) {
        const p = out.nextPointer();
        const bytes = conv === 'p' ? 8 : size;
        if (bytes === 8) out.mem.write64(p, BigInt.asIntN(64, value));
        else if (bytes === 4) out.mem.write32(p, Number(BigInt.asIntN(32, value)));
        else if (bytes === 2) out.mem.write16(p, Number(BigInt.asIntN(16, value)));
        else out.mem.write8(p, Number(BigInt.asIntN(8, value)));
        assigned++;
      }
      converted = true;
      continue;
    }
    if ('feEgGaAF'.includes(conv)) {
      const text = collectFloat(input, take, limit);
      if (text === undefined) return assigned;
      const value = strtod(text).value;
      if (!suppress) {
        const p = out.nextPointer();
        if (long) out.mem.writeF64(p, value);
        else out.mem.writeF32(p, value);
        assigned++;
      }
      converted = true;
      continue;
    }
    return assigned; // an unknown conversion ends the scan, as glibc does
  }
  return assigned;
}

/** %[abc], %[^abc], %[]abc], ranges a-z; returns the predicate and the index of the closing ']'. */
function parseSet(fmt: Uint8Array, start: number): { accepts: (b: number) => boolean; end: number } {
  let i = start;
  const negate = fmt[i] === 0x5e;
  if (negate) i++;
  const members = new Set<number>();
  if (fmt[i] === 0x5d) members.add(fmt[i++]!);
  while (i < fmt.length && fmt[i] !== 0x5d) {
    const lo = fmt[i]!;
    if (fmt[i + 1] === 0x2d && fmt[i + 2] !== undefined && fmt[i + 2] !== 0x5d) {
      for (let c = lo; c <= fmt[i + 2]!; c++) members.add(c);
      i += 3;
    } else {
      members.add(lo);
      i++;
    }
  }
  return { accepts: (b) => members.has(b) !== negate, end: i };
}

/** The text of an integer field: sign, base prefix, digits; undefined when no digit is there. */
function collectInteger(input: ScanInput, take: () => number, limit: number, base: number): Uint8Array | undefined {
  const bytes: number[] = [];
  const room = (): boolean => bytes.length < limit;
  if (room() && (input.peek() === 0x2b || input.peek() === 0x2d)) bytes.push(take());
  let digitBase = base === 0 ? 10 : base;
  let digits = 0;
  if (room() && input.peek() === 0x30 && (base === 0 || base === 16)) {
    // The leading 0 counts as a digit: "0x" alone scans as 0, as in glibc.
    bytes.push(take());
    digits = 1;
    if (room() && (input.peek() === 0x78 || input.peek() === 0x58)) {
      bytes.push(take());
      digitBase = 16;
    } else if (base === 0) {
      digitBase = 8;
    }
  }
  while (room() && isDigitIn(input.peek(), digitBase)) {
    bytes.push(take());
    digits++;
  }
  return digits > 0 ? Uint8Array.from(bytes) : undefined;
}

/** The text of a floating field: sign, digits, point, digits, exponent; or inf/nan. */
function collectFloat(input: ScanInput, take: () => number, limit: number): Uint8Array | undefined {
  const bytes: number[] = [];
  const room = (): boolean => bytes.length < limit;
  const digitsRun = (): number => {
    let n = 0;
    while (room() && input.peek() >= 0x30 && input.peek() <= 0x39) { bytes.push(take()); n++; }
    return n;
  };
  if (room() && (input.peek() === 0x2b || input.peek() === 0x2d)) bytes.push(take());
  const lower = (b: number): number => (b >= 0x41 && b <= 0x5a ? b + 0x20 : b);
  if (lower(input.peek()) === 0x69 || lower(input.peek()) === 0x6e) {
    while (room() && /[a-z]/.test(String.fromCharCode(lower(input.peek())))) bytes.push(take());
    return Uint8Array.from(bytes);
  }
  let digits = digitsRun();
  if (room() && input.peek() === 0x2e) {
    bytes.push(take());
    digits += digitsRun();
  }
  if (digits === 0) return undefined;
  if (room() && lower(input.peek()) === 0x65) {
    bytes.push(take());
    if (room() && (input.peek() === 0x2b || input.peek() === 0x2d)) bytes.push(take());
    digitsRun();
  }
  return Uint8Array.from(bytes);
}
