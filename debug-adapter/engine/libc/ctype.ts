// <ctype.h> for the C locale. glibc's class tests return the class's bit from its table rather than 1
// (isdigit('5') is 2048, isalpha('a') 1024), which shows when a program prints the result.
import type { BuiltinFn } from '../vm/host';

// glibc's _IS* bits on a little-endian machine.
const UPPER = 0x100;
const LOWER = 0x200;
const ALPHA = 0x400;
const DIGIT = 0x800;
const XDIGIT = 0x1000;
const SPACE = 0x2000;
const PRINT = 0x4000;
const GRAPH = 0x8000;
const BLANK = 0x1;
const CNTRL = 0x2;
const PUNCT = 0x4;
const ALNUM = 0x8;

function classesOf(c: number): number {
  if (c < 0 || c > 0x7f) return 0; // only ASCII has classes in the C locale
  let bits = 0;
  const upper = c >= 0x41 && c <= 0x5a;
  const lower = c >= 0x61 && c <= 0x7a;
  const digit = c >= 0x30 && c <= 0x39;
  if (upper) bits |= UPPER | ALPHA | ALNUM;
  if (lower) bits |= LOWER | ALPHA | ALNUM;
  if (digit) bits |= DIGIT | ALNUM;
  if (digit || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66)) bits |= XDIGIT;
  if (c === 0x20 || (c >= 0x09 && c <= 0x0d)) bits |= SPACE;
  if (c === 0x20 || c === 0x09) bits |= BLANK;
  if (c < 0x20 || c === 0x7f) bits |= CNTRL;
  if (c >= 0x20 && c < 0x7f) bits |= PRINT;
  if (c > 0x20 && c < 0x7f) bits |= GRAPH;
  if (c > 0x20 && c < 0x7f && !upper && !lower && !digit) bits |= PUNCT;
  return bits;
}

const CLASS_TABLE = Array.from({ length: 128 }, (_, c) => classesOf(c));

/** The class bits of an int argument; EOF and bytes above 127 (signed or not) have none. */
function classes(c: number): number {
  return c >= 0 && c < 128 ? CLASS_TABLE[c]! : 0;
}

const test = (bit: number): BuiltinFn => (_ctx, a) => classes(Number(a[0] ?? 0) | 0) & bit;

export const ctypeBuiltins: Record<string, BuiltinFn> = {
  isalpha: test(ALPHA),
  isdigit: test(DIGIT),
  isalnum: test(ALNUM),
  isspace: test(SPACE),
  isupper: test(UPPER),
  islower: test(LOWER),
  isxdigit: test(XDIGIT),
  ispunct: test(PUNCT),
  isprint: test(PRINT),
  iscntrl: test(CNTRL),
  isgraph: test(GRAPH),
  isblank: test(BLANK),
  toupper: (_ctx, a) => {
    const c = Number(a[0] ?? 0) | 0;
    return c >= 0x61 && c <= 0x7a ? c - 0x20 : c;
  },
  tolower: (_ctx, a) => {
    const c = Number(a[0] ?? 0) | 0;
    return c >= 0x41 && c <= 0x5a ? c + 0x20 : c;
  },
};
