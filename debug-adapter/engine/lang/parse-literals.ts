// Decoding of literal tokens: integer and floating constants, character constants, string literals.
// Each function returns either the decoded value or the message gcc gives for the malformed literal.
import type { CType } from './types';
import { T } from './types';

export type Decoded<V> = { ok: true; value: V; warning?: string } | { ok: false; message: string };

const HEX_DIGIT = /^[0-9a-fA-F]$/;

/** Integer constants take the first type in C's list (C11 6.4.4.1) that can hold the value. */
function integerCandidates(suffix: string, decimal: boolean): CType[] | undefined {
  switch (suffix.toLowerCase()) {
    case '': return decimal ? [T.int, T.long] : [T.int, T.uint, T.long, T.ulong];
    case 'u': return [T.uint, T.ulong];
    case 'l': return decimal ? [T.long] : [T.long, T.ulong];
    case 'ul': case 'lu': return [T.ulong];
    case 'll': return decimal ? [T.llong] : [T.llong, T.ullong];
    case 'ull': case 'llu': return [T.ullong];
    default: return undefined;
  }
}

function fits(value: bigint, t: CType): boolean {
  if (t.kind !== 'int') return false;
  const bits = BigInt(t.size * 8);
  return t.signed ? value < 1n << (bits - 1n) : value < 1n << bits;
}

export function isFloatingLiteral(text: string): boolean {
  if (/^0[xX]/.test(text)) return /[pP]/.test(text);
  return /[.eE]/.test(text);
}

const SMALL_DECIMAL = /^(?:0|[1-9][0-9]{0,8})$/;

export function decodeInteger(text: string): Decoded<{ value: bigint; type: CType }> {
  // Most constants are small decimals, which are always ints: skip the general path for them.
  if (SMALL_DECIMAL.test(text)) return { ok: true, value: { value: BigInt(text), type: T.int } };
  const m = /^(0[xX][0-9a-fA-F]+|0[bB][01]+|[0-9]+)(.*)$/.exec(text);
  if (!m) return { ok: false, message: `invalid suffix "${text.replace(/^(0[xXbB])?[0-9]*/, '')}" on integer constant` };
  const [, digits, suffix] = m as unknown as [string, string, string];
  const octal = digits.length > 1 && digits[0] === '0' && !/^0[xXbB]/.test(digits);
  if (octal && /[89]/.test(digits)) return { ok: false, message: `invalid digit "${/[89]/.exec(digits)![0]}" in octal constant` };
  const candidates = integerCandidates(suffix, !/^0/.test(digits) || digits === '0');
  if (!candidates) return { ok: false, message: `invalid suffix "${suffix}" on integer constant` };
  const value = octal ? BigInt('0o' + digits.slice(1)) : BigInt(digits);
  const type = candidates.find((t) => fits(value, t));
  if (type) return { ok: true, value: { value, type } };
  if (value < 1n << 64n) return { ok: true, value: { value, type: T.ulong }, warning: 'integer constant is so large that it is unsigned' };
  return { ok: true, value: { value: BigInt.asUintN(64, value), type: T.ullong }, warning: 'integer constant is too large for its type' };
}

export function decodeFloat(text: string): Decoded<{ value: number; type: CType }> {
  const m = /^((?:0[xX][0-9a-fA-F]*\.?[0-9a-fA-F]*[pP][+-]?[0-9]+)|(?:(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?))([a-zA-Z]*)$/.exec(text);
  if (!m) return { ok: false, message: `invalid suffix "${text.replace(/^[0-9.]*([eE][+-]?[0-9]*)?/, '')}" on floating constant` };
  const [, body, suffix] = m as unknown as [string, string, string];
  const type = suffix === '' ? T.double : /^[fF]$/.test(suffix) ? T.float : /^[lL]$/.test(suffix) ? T.ldouble : undefined;
  if (!type) return { ok: false, message: `invalid suffix "${suffix}" on floating constant` };
  let value: number;
  if (/^0[xX]/.test(body)) {
    const [mant, exp] = body.slice(2).split(/[pP]/) as [string, string];
    const [whole, frac = ''] = mant.split('.') as [string, string?];
    value = (parseInt(whole || '0', 16) + (frac ? parseInt(frac, 16) / 16 ** frac.length : 0)) * 2 ** Number(exp);
  } else {
    value = Number(body);
  }
  if (type === T.float) value = Math.fround(value);
  return { ok: true, value: { value, type } };
}

const SIMPLE_ESCAPES: Record<string, number> = {
  n: 10, t: 9, '\\': 92, "'": 39, '"': 34, '?': 63, a: 7, b: 8, f: 12, v: 11, r: 13, e: 27,
};
const utf8 = new TextEncoder();

/** Decodes the body of a quoted literal (quotes removed) into bytes; non-ASCII characters become UTF-8. */
function decodeBody(body: string): Decoded<number[]> {
  const bytes: number[] = [];
  let warning: string | undefined;
  for (let i = 0; i < body.length; ) {
    const c = body[i]!;
    if (c !== '\\') {
      const code = body.codePointAt(i)!;
      if (code < 0x80) bytes.push(code);
      else bytes.push(...utf8.encode(String.fromCodePoint(code)));
      i += code > 0xffff ? 2 : 1;
      continue;
    }
    const e = body[i + 1] ?? '';
    if (e in SIMPLE_ESCAPES) { bytes.push(SIMPLE_ESCAPES[e]!); i += 2; continue; }
    if (/[0-7]/.test(e)) {
      let j = i + 1;
      let v = 0;
      while (j < body.length && j < i + 4 && /[0-7]/.test(body[j]!)) v = v * 8 + Number(body[j++]);
      bytes.push(v & 0xff);
      i = j;
      continue;
    }
    if (e === 'x') {
      let j = i + 2;
      let v = 0n;
      while (j < body.length && HEX_DIGIT.test(body[j]!)) v = v * 16n + BigInt(parseInt(body[j++]!, 16));
      if (j === i + 2) return { ok: false, message: '\\x used with no following hex digits' };
      if (v > 0xffn) warning = 'hex escape sequence out of range';
      bytes.push(Number(v & 0xffn));
      i = j;
      continue;
    }
    warning = `unknown escape sequence: '\\${e}'`;
    bytes.push(...utf8.encode(e));
    i += 2;
  }
  return warning ? { ok: true, value: bytes, warning } : { ok: true, value: bytes };
}

/** Character constants have type int; like gcc, one char is a signed char's value and several are packed big-endian. */
export function decodeChar(text: string): Decoded<bigint> {
  if (!text.startsWith("'")) return { ok: false, message: 'wide character constants are not supported' };
  const decoded = decodeBody(text.slice(1, -1));
  if (!decoded.ok) return decoded;
  const bytes = decoded.value;
  if (bytes.length === 0) return { ok: false, message: 'empty character constant' };
  if (bytes.length === 1) return { ok: true, value: BigInt(bytes[0]! > 127 ? bytes[0]! - 256 : bytes[0]!), ...warn(decoded.warning) };
  let v = 0n;
  for (const b of bytes) v = BigInt.asIntN(32, (v << 8n) | BigInt(b));
  return { ok: true, value: v, warning: bytes.length > 4 ? 'character constant too long for its type' : 'multi-character character constant' };
}

const warn = (w: string | undefined): { warning?: string } => (w ? { warning: w } : {});

/** Decodes one string literal token ("…" or u8"…") to its bytes, without the terminating NUL. */
export function decodeString(text: string): Decoded<number[]> {
  const body = text.startsWith('u8"') ? text.slice(3, -1) : text.startsWith('"') ? text.slice(1, -1) : undefined;
  if (body === undefined) return { ok: false, message: 'wide string literals are not supported' };
  return decodeBody(body);
}
