// An integer sysctl file as kernel/sysctl.c's proc_dointvec_minmax serves it: reading gives the value
// and a newline; writing parses one number as strtoul with base 0 does (so "0x400" is 1024), optionally
// negative, and stores it if it lies in [min, max]. Linux's details that a program can see are kept:
// - a read at a nonzero file position returns 0 bytes (a second read() after the first gets EOF, and a
//   short first read does not continue where it stopped);
// - a write at a nonzero position is ignored but reported done (sysctl_writes_strict's default);
// - the result of a write is the bytes used: the number and the blanks after it ("400 500\n" → 4).
import type { SysctlInt } from './namei';

const EINVAL = 22;
/** proc_get_long's buffer: a number longer than this is refused. */
const TMPBUFLEN = 22;
const isSpace = (c: string | undefined): boolean => c !== undefined && ' \t\n\v\f\r'.includes(c);
/** What may follow the number: proc_wspace_sep, or the end of the buffer. */
const isSeparator = (c: string | undefined): boolean => c === undefined || c === ' ' || c === '\t' || c === '\n';

/** read(2) of `count` bytes at file position `pos`. */
export function sysctlRead(sysctl: SysctlInt, pos: number, count: number): Uint8Array {
  if (pos !== 0) return new Uint8Array(0);
  return new TextEncoder().encode(`${sysctl.get()}\n`).subarray(0, count);
}

/** write(2) of `bytes` at file position `pos`: the count of bytes used, or -EINVAL. */
export function sysctlWrite(sysctl: SysctlInt, pos: number, bytes: Uint8Array): number {
  if (pos !== 0) return bytes.length;
  const text = new TextDecoder('latin1').decode(bytes);
  let i = 0;
  while (isSpace(text[i])) i++;
  if (i === text.length) return -EINVAL;
  const negative = text[i] === '-';
  if (negative) i++;
  const start = i;
  const base = /^0[xX][0-9a-fA-F]/.test(text.slice(i)) ? 16 : text[i] === '0' ? 8 : 10;
  if (base === 16) i += 2;
  const digit = base === 16 ? /[0-9a-fA-F]/ : base === 8 ? /[0-7]/ : /[0-9]/;
  while (i < text.length && digit.test(text[i]!)) i++;
  if (i === start || i - start >= TMPBUFLEN || !isSeparator(text[i])) return -EINVAL;
  const magnitude = parseInt(text.slice(base === 16 ? start + 2 : start, i), base);
  const value = negative ? -magnitude : magnitude;
  if (value < sysctl.min || value > sysctl.max) return -EINVAL;
  sysctl.set(value);
  while (isSpace(text[i])) i++;
  return i;
}
