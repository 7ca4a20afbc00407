// 64-bit integers (long, unsigned long, pointers' integer forms).
//
// A JS number holds integers exactly up to 2^53, and almost every long a teaching program computes
// fits there, so 64-bit values are numbers while they are safe integers and bigints only beyond.
// Each operation takes the number fast path and falls back to BigInt, wrapping as x86-64 does.
import type { Value } from './host';

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/** A bigint result brought back to the canonical form: a number when it is safe. */
function canon(b: bigint): Value {
  return b >= -9007199254740991n && b <= 9007199254740991n ? Number(b) : b;
}

export const wrapI64 = (b: bigint): Value => canon(BigInt.asIntN(64, b));
export const wrapU64 = (b: bigint): Value => canon(BigInt.asUintN(64, b));

const big = (v: Value): bigint => (typeof v === 'bigint' ? v : BigInt(v));

/** Converts any integer value (possibly out of range) to signed 64-bit. */
export function toI64(v: Value): Value {
  if (typeof v === 'number') {
    if (v >= -MAX_SAFE && v <= MAX_SAFE) return v;
    return wrapI64(BigInt(v));
  }
  return wrapI64(v);
}

/** Converts any integer value to unsigned 64-bit: negative numbers wrap to bigints near 2^64. */
export function toU64(v: Value): Value {
  if (typeof v === 'number' && v >= 0 && v <= MAX_SAFE) return v;
  return wrapU64(big(v));
}

/** C's conversion of a floating value to a 64-bit integer (truncation; out of range gives x86's 0x8000000000000000). */
export function floatToI64(x: number): Value {
  if (!Number.isFinite(x) || x >= 9223372036854775808 || x < -9223372036854775808) return -(2n ** 63n);
  const t = Math.trunc(x);
  return Number.isSafeInteger(t) ? t : BigInt(t);
}
export function floatToU64(x: number): Value {
  if (!Number.isFinite(x) || x >= 18446744073709551616 || x <= -1) return x < 0 && x > -9223372036854775808 ? toU64(floatToI64(x)) : 2n ** 63n;
  const t = Math.trunc(x);
  return Number.isSafeInteger(t) ? t : BigInt(t);
}

type Wrap = (b: bigint) => Value;

const TWO_32 = 2 ** 32;
const LOW_53 = (1n << 53n) - 1n;
const AND = 0;
const OR = 1;
const XOR = 2;

/**
 * A bitwise operation on two safe integers, each split into a high half (an int32 for |x| < 2^53) and
 * a low half (its value mod 2^32, which ToUint32 gives exactly, negatives included). The result's high
 * half stays within ±2^21, so the result is the 64-bit operation's value (the callers send the one
 * unsafe result, -2^53, to the bigint path).
 */
function bitwise(a: number, b: number, op: number): number {
  const aLo = a >>> 0;
  const bLo = b >>> 0;
  const aHi = (a - aLo) / TWO_32;
  const bHi = (b - bLo) / TWO_32;
  if (op === AND) return (aHi & bHi) * TWO_32 + ((aLo & bLo) >>> 0);
  if (op === OR) return (aHi | bHi) * TWO_32 + ((aLo | bLo) >>> 0);
  return (aHi ^ bHi) * TWO_32 + ((aLo ^ bLo) >>> 0);
}

function makeOps(wrap: Wrap, signed: boolean) {
  const norm = signed ? toI64 : toU64;
  return {
    add(a: Value, b: Value): Value {
      if (typeof a === 'number' && typeof b === 'number') {
        const r = a + b;
        if (r >= -MAX_SAFE && r <= MAX_SAFE && (signed || r >= 0)) return r;
      }
      return wrap(big(a) + big(b));
    },
    sub(a: Value, b: Value): Value {
      if (typeof a === 'number' && typeof b === 'number') {
        const r = a - b;
        if (r >= -MAX_SAFE && r <= MAX_SAFE && (signed || r >= 0)) return r;
      }
      return wrap(big(a) - big(b));
    },
    mul(a: Value, b: Value): Value {
      if (typeof a === 'number' && typeof b === 'number') {
        const r = a * b + 0; // + 0: 0 * -1 is -0 in JS, 0 in C
        if (r >= -MAX_SAFE && r <= MAX_SAFE && (signed || r >= 0)) return r;
      }
      return wrap(big(a) * big(b));
    },
    /** Caller has checked b != 0 (and for signed, the INT64_MIN / -1 trap). */
    div(a: Value, b: Value): Value {
      // Below 2^52 the double quotient cannot round across an integer, so truncating it is exact.
      if (typeof a === 'number' && typeof b === 'number' && a < 2 ** 52 && a > -(2 ** 52)) return Math.trunc(a / b) + 0;
      return wrap(big(a) / big(b));
    },
    rem(a: Value, b: Value): Value {
      if (typeof a === 'number' && typeof b === 'number') return (a % b) + 0;
      return wrap(big(a) % big(b));
    },
    neg(a: Value): Value {
      return typeof a === 'number' && signed ? -a + 0 : wrap(-big(a));
    },
    not(a: Value): Value {
      return typeof a === 'number' && signed && a < MAX_SAFE ? -a - 1 : wrap(~big(a));
    },
    // Bitwise operations on two numbers work on their 32-bit halves (see bitwise below): the kernel's
    // flags and signal sets are unsigned longs, tested on every system call.
    and(a: Value, b: Value): Value {
      if (typeof a === 'number' && typeof b === 'number' && (signed || (a >= 0 && b >= 0))) {
        const r = bitwise(a, b, AND);
        if (r >= -MAX_SAFE) return r;
      }
      // A non-negative number keeps none of the other side's bits above its own 53: `flags & ~mask`,
      // where ~mask is a bigint, needs only the mask's low bits, and no bigint result.
      if (typeof a === 'number' && a >= 0 && typeof b === 'bigint') return bitwise(a, Number(b & LOW_53), AND);
      if (typeof b === 'number' && b >= 0 && typeof a === 'bigint') return bitwise(b, Number(a & LOW_53), AND);
      return wrap(big(a) & big(b));
    },
    or(a: Value, b: Value): Value {
      if (typeof a === 'number' && typeof b === 'number' && (signed || (a >= 0 && b >= 0))) {
        const r = bitwise(a, b, OR);
        if (r >= -MAX_SAFE) return r;
      }
      return wrap(big(a) | big(b));
    },
    xor(a: Value, b: Value): Value {
      if (typeof a === 'number' && typeof b === 'number' && (signed || (a >= 0 && b >= 0))) {
        const r = bitwise(a, b, XOR);
        if (r >= -MAX_SAFE) return r;
      }
      return wrap(big(a) ^ big(b));
    },
    /** x86 masks 64-bit shift counts to 6 bits. */
    shl(a: Value, n: Value): Value {
      const s = Number(n) & 63;
      if (typeof a === 'number' && s < 53) {
        const r = a * 2 ** s;
        if (r >= -MAX_SAFE && r <= MAX_SAFE && (signed || r >= 0)) return r;
      }
      return wrap(big(a) << BigInt(s));
    },
    shr(a: Value, n: Value): Value {
      // On a number, an arithmetic right shift is a floored division by a power of two (exact in doubles).
      if (typeof a === 'number' && (signed || a >= 0)) return Math.floor(a / 2 ** (Number(n) & 63)) + 0;
      return wrap(big(a) >> BigInt(Number(n) & 63));
    },
    norm,
  };
}

export const I64 = makeOps(wrapI64, true);
export const U64 = makeOps(wrapU64, false);

/** Compares two integer values of the same 64-bit signedness (numbers and bigints mixed). */
export function cmp64(a: Value, b: Value): number {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  const x = big(a);
  const y = big(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

export const isZero = (v: Value): boolean => v === 0 || v === 0n;
