// printf's formatting, byte for byte as glibc does it. Floating conversions work on the exact binary
// value of the double (mantissa · 2^exponent in BigInt arithmetic) and round half to even on that exact
// value, as glibc does; JavaScript's toFixed/toPrecision are not exact past 100 digits or 1e21.
//
// Not supported: %n (it would let a format string write memory; the argument is consumed and nothing is
// written, as if glibc's _FORTIFY_SOURCE had refused it without aborting), positional arguments (%1$d),
// and wide strings (%ls).
import { strerror } from './errno';

/** Hands out printf's arguments in order, read the way C's va_arg would read them. */
export interface PrintfArgs {
  /** The next argument as an integer of `size` bytes (truncated from its 8-byte slot), signed or not. */
  nextInt(size: 1 | 2 | 4 | 8, signed: boolean): bigint;
  nextDouble(): number;
  /** The bytes of the C string at `addr`, stopping at the NUL or after `max` bytes (%.3s reads no further). */
  readString(addr: number, max: number | undefined): Uint8Array;
  /** errno, for glibc's %m. */
  errno(): number;
}

interface Spec {
  minus: boolean;
  plus: boolean;
  space: boolean;
  hash: boolean;
  zero: boolean;
  width: number;
  precision: number | undefined;
  /** Integer argument size from the length modifier (hh 1, h 2, none 4, l ll j z t L q 8). */
  size: 1 | 2 | 4 | 8;
  conv: string;
}

const PCT = 0x25;

/** Output collects bytes in a growable array; printf's results are small. */
class ByteSink {
  private buf = new Uint8Array(64);
  length = 0;
  push(b: number): void {
    if (this.length === this.buf.length) this.grow(1);
    this.buf[this.length++] = b;
  }
  pushBytes(bytes: Uint8Array): void {
    if (this.length + bytes.length > this.buf.length) this.grow(bytes.length);
    this.buf.set(bytes, this.length);
    this.length += bytes.length;
  }
  pushAscii(s: string): void {
    if (this.length + s.length > this.buf.length) this.grow(s.length);
    for (let i = 0; i < s.length; i++) this.buf[this.length++] = s.charCodeAt(i);
  }
  pad(byte: number, n: number): void {
    for (let i = 0; i < n; i++) this.push(byte);
  }
  result(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
  private grow(extra: number): void {
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.length + extra));
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }
}

const isDigit = (b: number | undefined): boolean => b !== undefined && b >= 0x30 && b <= 0x39;

export function formatPrintf(fmt: Uint8Array, args: PrintfArgs, pieces?: number[]): Uint8Array {
  const out = new ByteSink();
  // glibc's vfprintf hands a stream its output in pieces, each literal run and each conversion, and
  // where a line-buffered stream flushes depends on them: `pieces` receives where each one ends.
  const endPiece = (): void => {
    if (pieces && out.length > (pieces[pieces.length - 1] ?? 0)) pieces.push(out.length);
  };
  let i = 0;
  while (i < fmt.length) {
    const b = fmt[i]!;
    if (b !== PCT) {
      out.push(b);
      i++;
      continue;
    }
    endPiece();
    const start = i;
    i++;
    const spec: Spec = { minus: false, plus: false, space: false, hash: false, zero: false, width: 0, precision: undefined, size: 4, conv: '' };
    for (;; i++) {
      const f = fmt[i];
      if (f === 0x2d) spec.minus = true;
      else if (f === 0x2b) spec.plus = true;
      else if (f === 0x20) spec.space = true;
      else if (f === 0x23) spec.hash = true;
      else if (f === 0x30) spec.zero = true;
      else if (f === 0x27) continue; // thousands grouping: no effect in the C locale
      else break;
    }
    if (fmt[i] === 0x2a) {
      i++;
      const w = Number(args.nextInt(4, true));
      if (w < 0) spec.minus = true;
      spec.width = Math.abs(w);
    } else {
      while (isDigit(fmt[i])) spec.width = spec.width * 10 + (fmt[i++]! - 0x30);
    }
    if (fmt[i] === 0x2e) {
      i++;
      if (fmt[i] === 0x2a) {
        i++;
        const p = Number(args.nextInt(4, true));
        spec.precision = p < 0 ? undefined : p; // a negative precision counts as omitted
      } else {
        let p = 0;
        while (isDigit(fmt[i])) p = p * 10 + (fmt[i++]! - 0x30);
        spec.precision = p;
      }
    }
    i = parseLength(fmt, i, spec);
    if (i >= fmt.length) {
      // A lone '%' (or a truncated spec) at the end: glibc prints it as written.
      out.pushBytes(fmt.subarray(start));
      break;
    }
    spec.conv = String.fromCharCode(fmt[i]!);
    i++;
    if (!convert(out, spec, args)) out.pushBytes(fmt.subarray(start, i)); // unknown conversion: printed as is
    endPiece();
  }
  endPiece();
  return out.result();
}

function parseLength(fmt: Uint8Array, i: number, spec: Spec): number {
  const c = fmt[i];
  if (c === 0x68) { // h
    if (fmt[i + 1] === 0x68) { spec.size = 1; return i + 2; }
    spec.size = 2;
    return i + 1;
  }
  if (c === 0x6c) { // l, ll
    spec.size = 8;
    return fmt[i + 1] === 0x6c ? i + 2 : i + 1;
  }
  // j (intmax_t), z (size_t), t (ptrdiff_t), L (long double; long long for integers in glibc), q (BSD quad)
  if (c === 0x6a || c === 0x7a || c === 0x74 || c === 0x4c || c === 0x71) {
    spec.size = 8;
    return i + 1;
  }
  return i;
}

/** Formats one conversion; false for a conversion glibc does not know. */
function convert(out: ByteSink, spec: Spec, args: PrintfArgs): boolean {
  switch (spec.conv) {
    case 'd': case 'i':
      emitInteger(out, spec, args.nextInt(spec.size, true), 10, '');
      return true;
    case 'u':
      emitInteger(out, spec, args.nextInt(spec.size, false), 10, '');
      return true;
    case 'o':
      emitInteger(out, spec, args.nextInt(spec.size, false), 8, '');
      return true;
    case 'x': case 'X': {
      const v = args.nextInt(spec.size, false);
      emitInteger(out, spec, v, 16, spec.hash && v !== 0n ? '0x' : '');
      return true;
    }
    case 'p': {
      const v = args.nextInt(8, false);
      if (v === 0n) emitPadded(out, spec, asciiBytes('(nil)'));
      else emitInteger(out, { ...spec, hash: false, conv: 'x' }, v, 16, '0x', true);
      return true;
    }
    case 'c':
      emitPadded(out, spec, Uint8Array.of(Number(args.nextInt(4, false) & 0xffn)));
      return true;
    case 's': {
      const addr = Number(args.nextInt(8, false));
      if (addr === 0) {
        // glibc prints "(null)" only when the precision leaves room for all of it.
        emitPadded(out, spec, spec.precision === undefined || spec.precision >= 6 ? asciiBytes('(null)') : new Uint8Array(0));
      } else {
        emitPadded(out, spec, args.readString(addr, spec.precision));
      }
      return true;
    }
    case 'm':
      emitPadded(out, spec, asciiBytes(strerror(args.errno())));
      return true;
    case '%':
      out.push(PCT);
      return true;
    case 'n':
      args.nextInt(8, false);
      return true;
    case 'f': case 'F': case 'e': case 'E': case 'g': case 'G': case 'a': case 'A':
      emitFloat(out, spec, args.nextDouble());
      return true;
    default:
      return false;
  }
}

const asciiBytes = (s: string): Uint8Array => Uint8Array.from(s, (ch) => ch.charCodeAt(0));

/** Pads to the field width with spaces, on the left unless '-' is given. */
function emitPadded(out: ByteSink, spec: Spec, body: Uint8Array): void {
  const pad = Math.max(0, spec.width - body.length);
  if (!spec.minus) out.pad(0x20, pad);
  out.pushBytes(body);
  if (spec.minus) out.pad(0x20, pad);
}

/** Lays out sign, prefix, zero padding and digits as printf does for integers and floating values. */
function emitNumber(out: ByteSink, spec: Spec, sign: string, prefix: string, digits: string, zeroPadAllowed: boolean): void {
  const len = sign.length + prefix.length + digits.length;
  const pad = Math.max(0, spec.width - len);
  if (spec.minus) {
    out.pushAscii(sign + prefix + digits);
    out.pad(0x20, pad);
  } else if (spec.zero && zeroPadAllowed) {
    out.pushAscii(sign + prefix);
    out.pad(0x30, pad);
    out.pushAscii(digits);
  } else {
    out.pad(0x20, pad);
    out.pushAscii(sign + prefix + digits);
  }
}

function emitInteger(out: ByteSink, spec: Spec, v: bigint, base: number, prefix: string, signed = spec.conv === 'd' || spec.conv === 'i'): void {
  const negative = v < 0n;
  let digits = (negative ? -v : v).toString(base);
  if (spec.conv === 'X') {
    digits = digits.toUpperCase();
    prefix = prefix.toUpperCase();
  }
  if (spec.precision === 0 && v === 0n) digits = '';
  if (spec.precision !== undefined && digits.length < spec.precision) digits = digits.padStart(spec.precision, '0');
  if (spec.conv === 'o' && spec.hash && !digits.startsWith('0')) digits = '0' + digits;
  const sign = !signed ? '' : negative ? '-' : spec.plus ? '+' : spec.space ? ' ' : '';
  emitNumber(out, spec, sign, prefix, digits, spec.precision === undefined);
}

// ------------------------------------------------------------------ floating point

const F64 = new Float64Array(1);
const U64 = new BigUint64Array(F64.buffer);

function emitFloat(out: ByteSink, spec: Spec, x: number): void {
  F64[0] = x;
  const bits = U64[0]!;
  const negative = bits >> 63n === 1n; // the sign bit, so -0.0 and -nan print their '-'
  const upper = spec.conv === 'F' || spec.conv === 'E' || spec.conv === 'G' || spec.conv === 'A';
  const sign = negative ? '-' : spec.plus ? '+' : spec.space ? ' ' : '';
  if (!Number.isFinite(x)) {
    const word = Number.isNaN(x) ? 'nan' : 'inf';
    emitNumber(out, spec, sign, '', upper ? word.toUpperCase() : word, false);
    return;
  }
  const biased = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & 0xfffffffffffffn;
  if (spec.conv === 'a' || spec.conv === 'A') {
    const body = hexFloat(biased, fraction, spec);
    emitNumber(out, spec, sign, upper ? '0X' : '0x', upper ? body.toUpperCase() : body, true);
    return;
  }
  // |x| = mant · 2^exp exactly.
  const mant = biased === 0 ? fraction : fraction | (1n << 52n);
  const exp = (biased === 0 ? 1 : biased) - 1075;
  let body: string;
  switch (spec.conv) {
    case 'f': case 'F':
      body = fixedNotation(mant, exp, spec.precision ?? 6, spec.hash);
      break;
    case 'e': case 'E':
      body = expNotation(mant, exp, spec.precision ?? 6, spec.hash);
      break;
    default:
      body = generalNotation(mant, exp, spec.precision, spec.hash);
  }
  emitNumber(out, spec, sign, '', upper ? body.toUpperCase() : body, true);
}

/** Divides num by den, rounding half to even: the rounding glibc applies to the exact value. */
function divRoundEven(num: bigint, den: bigint): bigint {
  const q = num / den;
  const r2 = (num % den) * 2n;
  if (r2 > den || (r2 === den && (q & 1n) === 1n)) return q + 1n;
  return q;
}

const pow10 = (n: number): bigint => 10n ** BigInt(n);

/** round(mant · 2^exp · 10^scale) as an exact rational computation, half to even. */
function scaledRound(mant: bigint, exp: number, scale: number): bigint {
  let num = mant;
  let den = 1n;
  if (exp >= 0) num <<= BigInt(exp);
  else den <<= BigInt(-exp);
  if (scale >= 0) num *= pow10(scale);
  else den *= pow10(-scale);
  return divRoundEven(num, den);
}

function withPoint(digits: string, fracDigits: number, hash: boolean): string {
  if (fracDigits === 0) return hash ? digits + '.' : digits;
  return digits.slice(0, digits.length - fracDigits) + '.' + digits.slice(digits.length - fracDigits);
}

function fixedNotation(mant: bigint, exp: number, prec: number, hash: boolean): string {
  const digits = scaledRound(mant, exp, prec).toString().padStart(prec + 1, '0');
  return withPoint(digits, prec, hash);
}

/** The decimal exponent X with 10^X ≤ mant·2^exp < 10^(X+1), for mant > 0. */
function decimalExponent(mant: bigint, exp: number): number {
  let x = Math.floor(Math.log10(Number(mant)) + exp * Math.LOG10E * Math.LN2);
  // The floating estimate can be one off near powers of ten; settle it exactly.
  const atLeastPow10 = (k: number): boolean => {
    let l = mant;
    let r = 1n;
    if (exp >= 0) l <<= BigInt(exp);
    else r <<= BigInt(-exp);
    if (k >= 0) r *= pow10(k);
    else l *= pow10(-k);
    return l >= r;
  };
  while (!atLeastPow10(x)) x--;
  while (atLeastPow10(x + 1)) x++;
  return x;
}

/** The prec+1 significant digits of %e and their exponent, after rounding. */
function significantDigits(mant: bigint, exp: number, prec: number): { digits: string; x: number; carried: boolean } {
  if (mant === 0n) return { digits: '0'.repeat(prec + 1), x: 0, carried: false };
  let x = decimalExponent(mant, exp);
  let d = scaledRound(mant, exp, prec - x);
  const carried = d === pow10(prec + 1);
  if (carried) {
    // Rounding carried into a new digit (9.995 → 10.00): one more power of ten.
    d = pow10(prec);
    x++;
  }
  return { digits: d.toString(), x, carried };
}

function expSuffix(x: number): string {
  return (x < 0 ? 'e-' : 'e+') + String(Math.abs(x)).padStart(2, '0');
}

function expNotation(mant: bigint, exp: number, prec: number, hash: boolean): string {
  const { digits, x } = significantDigits(mant, exp, prec);
  return withPoint(digits, prec, hash) + expSuffix(x);
}

/** %g: %e or %f by the exponent the value has at the requested precision, trailing zeros dropped unless '#'. */
function generalNotation(mant: bigint, exp: number, precision: number | undefined, hash: boolean): string {
  const p = precision === undefined ? 6 : precision === 0 ? 1 : precision;
  const { x, carried } = significantDigits(mant, exp, p - 1);
  // glibc picks %f from the unrounded exponent; when rounding then carries the value to 10^p it switches
  // to %e but keeps %f's count of zero fraction digits: %#g of 999999.5 is "1.e+06", not "1.00000e+06".
  // Without '#' the zeros are stripped anyway, so only '#' shows it.
  if (hash && carried && x === p) return expNotation(mant, exp, 0, true);
  const body = p > x && x >= -4 ? fixedNotation(mant, exp, p - 1 - x, hash) : expNotation(mant, exp, p - 1, hash);
  if (hash) return body;
  const e = body.indexOf('e');
  const num = e < 0 ? body : body.slice(0, e);
  const suffix = e < 0 ? '' : body.slice(e);
  const trimmed = num.includes('.') ? num.replace(/0+$/, '').replace(/\.$/, '') : num;
  return trimmed + suffix;
}

/**
 * %a: glibc writes the leading hex digit as stored (1 for normal numbers, 0 for subnormals with the
 * exponent fixed at -1022) and lets rounding carry into it ("0x2.0p+0") rather than renormalising.
 */
function hexFloat(biased: number, fraction: bigint, spec: Spec): string {
  if (biased === 0 && fraction === 0n) {
    const zeros = '0'.repeat(spec.precision ?? 0);
    return '0' + (zeros || spec.hash ? '.' : '') + zeros + 'p+0';
  }
  let lead = biased === 0 ? 0n : 1n;
  const e = biased === 0 ? -1022 : biased - 1023;
  let frac = fraction.toString(16).padStart(13, '0');
  if (spec.precision === undefined) {
    frac = frac.replace(/0+$/, '');
  } else if (spec.precision < 13) {
    const dropBits = BigInt((13 - spec.precision) * 4);
    const whole = (lead << 52n) | fraction;
    const rounded = divRoundEven(whole, 1n << dropBits);
    lead = rounded >> BigInt(spec.precision * 4);
    const kept = rounded & ((1n << BigInt(spec.precision * 4)) - 1n);
    frac = spec.precision === 0 ? '' : kept.toString(16).padStart(spec.precision, '0');
  } else {
    frac = frac.padEnd(spec.precision, '0');
  }
  const point = frac || spec.hash ? '.' : '';
  return lead.toString(16) + point + frac + 'p' + (e < 0 ? '-' : '+') + String(Math.abs(e));
}
