// The strto* family over the bytes of a C string, as glibc parses them: leading white space, a sign,
// base prefixes, the offset where parsing stopped (for *endptr) and ERANGE clamping.
import { E } from './errno';

export interface IntParse {
  value: bigint;
  /** Bytes consumed, for *endptr (0 when no number was found); undefined for an invalid base, where glibc leaves *endptr alone. */
  end: number | undefined;
  /** ERANGE on overflow, EINVAL for a bad base; undefined when errno is left alone. */
  errno?: number;
}

export interface FloatParse {
  value: number;
  end: number;
  errno?: number;
}

/** C's isspace in the C locale: space, \t \n \v \f \r. */
const isCSpace = (b: number): boolean => b === 0x20 || (b >= 0x09 && b <= 0x0d);

function digitValue(b: number): number {
  if (b >= 0x30 && b <= 0x39) return b - 0x30;
  if (b >= 0x61 && b <= 0x7a) return b - 0x61 + 10;
  if (b >= 0x41 && b <= 0x5a) return b - 0x41 + 10;
  return 99;
}

/** Reads an optionally signed integer; returns its magnitude with the sign, before any clamping. */
function scanInteger(s: Uint8Array, base: number): { negative: boolean; magnitude: bigint; end: number } | undefined {
  if (base !== 0 && (base < 2 || base > 36)) return undefined;
  let i = 0;
  while (i < s.length && isCSpace(s[i]!)) i++;
  let negative = false;
  if (s[i] === 0x2d || s[i] === 0x2b) negative = s[i++] === 0x2d;
  const x = s[i + 1];
  const hexPrefix = s[i] === 0x30 && (x === 0x78 || x === 0x58);
  if ((base === 0 || base === 16) && hexPrefix && digitValue(s[i + 2] ?? 0) < 16) {
    // "0x" counts as a prefix only when a hex digit follows; otherwise the number is the "0".
    i += 2;
    base = 16;
  } else if (base === 0) {
    base = s[i] === 0x30 ? 8 : 10;
  }
  const first = i;
  let magnitude = 0n;
  const b = BigInt(base);
  while (i < s.length && digitValue(s[i]!) < base) magnitude = magnitude * b + BigInt(digitValue(s[i++]!));
  if (i === first) return { negative: false, magnitude: 0n, end: 0 };
  return { negative, magnitude, end: i };
}

const LONG_MAX = (1n << 63n) - 1n;
const ULONG_MAX = (1n << 64n) - 1n;

/** strtol/strtoll (long and long long are both 64 bits). */
export function strtoSigned(s: Uint8Array, base: number): IntParse {
  const r = scanInteger(s, base);
  if (!r) return { value: 0n, end: undefined, errno: E.EINVAL };
  const max = LONG_MAX;
  const value = r.negative ? -r.magnitude : r.magnitude;
  if (value > max) return { value: max, end: r.end, errno: E.ERANGE };
  if (value < -max - 1n) return { value: -max - 1n, end: r.end, errno: E.ERANGE };
  return { value, end: r.end };
}

/** strtoul/strtoull: a '-' negates in unsigned arithmetic ("-1" is ULONG_MAX) unless the magnitude overflows. */
export function strtoUnsigned(s: Uint8Array, base: number): IntParse {
  const r = scanInteger(s, base);
  if (!r) return { value: 0n, end: undefined, errno: E.EINVAL };
  if (r.magnitude > ULONG_MAX) return { value: ULONG_MAX, end: r.end, errno: E.ERANGE };
  return { value: r.negative ? BigInt.asUintN(64, -r.magnitude) : r.magnitude, end: r.end };
}

/** atoi: (int) strtol(s, NULL, 10), so out-of-range values wrap after strtol's clamping. */
export function atoi(s: Uint8Array): number {
  return Number(BigInt.asIntN(32, strtoSigned(s, 10).value));
}

/** atol/atoll: strtol(s, NULL, 10). */
export function atol(s: Uint8Array): bigint {
  return strtoSigned(s, 10).value;
}

const lower = (b: number | undefined): number => (b !== undefined && b >= 0x41 && b <= 0x5a ? b + 0x20 : b ?? 0);

function matchWord(s: Uint8Array, i: number, word: string): boolean {
  for (let k = 0; k < word.length; k++) if (lower(s[i + k]) !== word.charCodeAt(k)) return false;
  return true;
}

const DBL_MIN = 2.2250738585072014e-308;
/** glibc's "-nan" has its sign bit set; JavaScript's -NaN is not guaranteed to, so build the bits. */
const NEGATIVE_NAN = new Float64Array(new BigUint64Array([0xfff8000000000000n]).buffer)[0]!;

/** strtod: decimal and hexadecimal floating constants, inf/infinity, nan/nan(chars). */
export function strtod(s: Uint8Array): FloatParse {
  let i = 0;
  while (i < s.length && isCSpace(s[i]!)) i++;
  let negative = false;
  if (s[i] === 0x2d || s[i] === 0x2b) negative = s[i++] === 0x2d;
  const sign = negative ? -1 : 1;
  if (matchWord(s, i, 'inf')) {
    return { value: sign * Infinity, end: i + (matchWord(s, i, 'infinity') ? 8 : 3) };
  }
  if (matchWord(s, i, 'nan')) {
    let end = i + 3;
    if (s[end] === 0x28) {
      let k = end + 1;
      while (k < s.length && (digitValue(s[k]!) < 36 || s[k] === 0x5f)) k++;
      if (s[k] === 0x29) end = k + 1;
    }
    return { value: negative ? NEGATIVE_NAN : NaN, end };
  }
  if (s[i] === 0x30 && lower(s[i + 1]) === 0x78) {
    const hex = scanHexFloat(s, i + 2, negative);
    if (hex) return hex;
    return { value: sign * 0, end: i + 1 }; // "0x" with no digits: the "0" alone
  }
  return scanDecimalFloat(s, i, negative);
}

function scanDecimalFloat(s: Uint8Array, i: number, negative: boolean): FloatParse {
  let digits = '';
  while (digitValue(s[i] ?? 0) < 10) digits += String.fromCharCode(s[i++]!);
  let fraction = '';
  if (s[i] === 0x2e) {
    let k = i + 1;
    while (digitValue(s[k] ?? 0) < 10) fraction += String.fromCharCode(s[k++]!);
    if (digits || fraction) i = k;
  }
  if (!digits && !fraction) return { value: 0, end: 0 };
  let exponent = '';
  if (lower(s[i]) === 0x65) {
    let k = i + 1;
    let expSign = '';
    if (s[k] === 0x2d || s[k] === 0x2b) expSign = String.fromCharCode(s[k++]!);
    let expDigits = '';
    while (digitValue(s[k] ?? 0) < 10) expDigits += String.fromCharCode(s[k++]!);
    if (expDigits) {
      exponent = 'e' + expSign + expDigits;
      i = k;
    }
  }
  // JavaScript's string-to-number conversion rounds correctly, as glibc's strtod does.
  const magnitude = Number((digits || '0') + '.' + (fraction || '0') + exponent);
  const value = negative ? -magnitude : magnitude;
  const nonZero = /[1-9]/.test(digits + fraction);
  if (magnitude === Infinity) return { value, end: i, errno: E.ERANGE };
  // A non-zero decimal that lands on zero or a subnormal is inexact there: glibc reports underflow.
  if (nonZero && magnitude < DBL_MIN) return { value, end: i, errno: E.ERANGE };
  return { value, end: i };
}

/** Hex floats: 0x1.8p3. The value is exact in BigInt and rounded once, half to even, like glibc. */
function scanHexFloat(s: Uint8Array, i: number, negative: boolean): FloatParse | undefined {
  let mant = 0n;
  let binExp = 0;
  let any = false;
  while (digitValue(s[i] ?? 0) < 16) {
    mant = mant * 16n + BigInt(digitValue(s[i++]!));
    any = true;
  }
  if (s[i] === 0x2e) {
    let k = i + 1;
    let fracAny = false;
    while (digitValue(s[k] ?? 0) < 16) {
      mant = mant * 16n + BigInt(digitValue(s[k++]!));
      binExp -= 4;
      fracAny = true;
    }
    if (any || fracAny) i = k;
    any = any || fracAny;
  }
  if (!any) return undefined;
  if (lower(s[i]) === 0x70) {
    let k = i + 1;
    let expNeg = false;
    if (s[k] === 0x2d || s[k] === 0x2b) expNeg = s[k++] === 0x2d;
    let e = 0;
    let expAny = false;
    while (digitValue(s[k] ?? 0) < 10) {
      e = Math.min(e * 10 + digitValue(s[k++]!), 1e6);
      expAny = true;
    }
    if (expAny) {
      binExp += expNeg ? -e : e;
      i = k;
    }
  }
  const { value: magnitude, inexact } = binaryToDouble(mant, binExp);
  const value = negative ? -magnitude : magnitude;
  if (magnitude === Infinity || (inexact && magnitude < DBL_MIN)) return { value, end: i, errno: E.ERANGE };
  return { value, end: i };
}

/** mant · 2^exp rounded to the nearest double, ties to even, with subnormals rounded once (not twice). */
function binaryToDouble(mant: bigint, exp: number): { value: number; inexact: boolean } {
  if (mant === 0n) return { value: 0, inexact: false };
  const bits = mant.toString(2).length;
  // The value's binary exponent is exp + bits - 1; doubles keep 53 bits, fewer below 2^-1022.
  const top = exp + bits - 1;
  if (top > 1023) return { value: Infinity, inexact: true };
  const keep = top >= -1022 ? 53 : 53 - (-1022 - top);
  if (keep <= 0) {
    // Below half the smallest subnormal rounds to zero; above it to the smallest subnormal.
    const half = keep === 0 && mant > 1n << BigInt(bits - 1);
    return { value: half ? 5e-324 : 0, inexact: true };
  }
  const drop = bits - keep;
  if (drop <= 0) return { value: Number(mant) * 2 ** exp, inexact: false };
  const unit = 1n << BigInt(drop);
  let kept = mant / unit;
  const rest = mant % unit;
  const half = unit / 2n;
  if (rest > half || (rest === half && (kept & 1n) === 1n)) kept += 1n;
  return { value: scalePow2(Number(kept), exp + drop), inexact: rest !== 0n };
}

/** x · 2^e without intermediate overflow or underflow (2 ** e alone underflows below 2^-1074). */
function scalePow2(x: number, e: number): number {
  while (e > 1000) { x *= 2 ** 1000; e -= 1000; }
  while (e < -1000) { x *= 2 ** -1000; e += 1000; }
  return x * 2 ** e;
}
