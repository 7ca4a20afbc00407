// strace's rendering of a struct termios (TCGETS's result), with its flag names in its order: the
// delay and size fields first, by value, then the single-bit flags.
import type { AddressSpace } from '../vm/memory';

type Flags = readonly (readonly [number, string])[];

const IFLAGS: Flags = [
  [0o1, 'IGNBRK'], [0o2, 'BRKINT'], [0o4, 'IGNPAR'], [0o10, 'PARMRK'], [0o20, 'INPCK'], [0o40, 'ISTRIP'], [0o100, 'INLCR'],
  [0o200, 'IGNCR'], [0o400, 'ICRNL'], [0o1000, 'IUCLC'], [0o2000, 'IXON'], [0o4000, 'IXANY'], [0o10000, 'IXOFF'],
  [0o20000, 'IMAXBEL'], [0o40000, 'IUTF8'],
];
const OFLAGS: Flags = [
  [0o1, 'OPOST'], [0o2, 'OLCUC'], [0o4, 'ONLCR'], [0o10, 'OCRNL'], [0o20, 'ONOCR'], [0o40, 'ONLRET'], [0o100, 'OFILL'], [0o200, 'OFDEL'],
];
/** c_oflag's delay fields: mask, then the name of each value. */
const ODELAYS: readonly (readonly [number, readonly [number, string][]])[] = [
  [0o400, [[0, 'NL0'], [0o400, 'NL1']]],
  [0o3000, [[0, 'CR0'], [0o1000, 'CR1'], [0o2000, 'CR2'], [0o3000, 'CR3']]],
  [0o14000, [[0, 'TAB0'], [0o4000, 'TAB1'], [0o10000, 'TAB2'], [0o14000, 'TAB3']]],
  [0o20000, [[0, 'BS0'], [0o20000, 'BS1']]],
  [0o40000, [[0, 'VT0'], [0o40000, 'VT1']]],
  [0o100000, [[0, 'FF0'], [0o100000, 'FF1']]],
];
const CFLAGS: Flags = [
  [0o100, 'CSTOPB'], [0o200, 'CREAD'], [0o400, 'PARENB'], [0o1000, 'PARODD'], [0o2000, 'HUPCL'], [0o4000, 'CLOCAL'],
  [0o10000000000, 'CMSPAR'], [0o20000000000, 'CRTSCTS'],
];
const BAUDS = ['B0', 'B50', 'B75', 'B110', 'B134', 'B150', 'B200', 'B300', 'B600', 'B1200', 'B1800', 'B2400', 'B4800', 'B9600', 'B19200', 'B38400'];
const LFLAGS: Flags = [
  [0o1, 'ISIG'], [0o2, 'ICANON'], [0o4, 'XCASE'], [0o10, 'ECHO'], [0o20, 'ECHOE'], [0o40, 'ECHOK'], [0o100, 'ECHONL'],
  [0o200, 'NOFLSH'], [0o100000, 'IEXTEN'], [0o1000, 'ECHOCTL'], [0o2000, 'ECHOPRT'], [0o4000, 'ECHOKE'], [0o10000, 'FLUSHO'],
  [0o40000, 'PENDIN'], [0o400, 'TOSTOP'], [0o200000, 'EXTPROC'],
];

/** The names of `v`'s bits in `table`'s order, and what no name covers in octal, as strace shows it. */
function flags(v: number, table: Flags, prefix: string[] = []): string {
  const names = [...prefix];
  let rest = v >>> 0;
  for (const [bit, name] of table) {
    if ((rest & bit) >>> 0 === bit) {
      names.push(name);
      rest = (rest & ~bit) >>> 0;
    }
  }
  if (rest !== 0) names.push(`0${rest.toString(8)}`);
  return names.length > 0 ? names.join('|') : '0';
}

function oflag(v: number): string {
  const delays = ODELAYS.map(([mask, values]) => values.find(([value]) => (v & mask) === value)![1]);
  const withoutDelays = ODELAYS.reduce((rest, [mask]) => rest & ~mask, v);
  return flags(withoutDelays, OFLAGS, delays);
}

function cflag(v: number): string {
  const baud = v & 0o17;
  const size = `CS${5 + ((v >> 4) & 3)}`;
  return flags(v & ~0o10017 & ~0o60, CFLAGS, [(v & 0o10000) === 0 ? BAUDS[baud]! : `0${(v & 0o10017).toString(8)}`, size]);
}

/** `{c_iflag=…, c_oflag=…, c_cflag=…, c_lflag=…, ...}` for the kernel's struct termios at `addr`. */
export function termiosText(mem: AddressSpace, addr: number): string {
  const iflag = mem.readU32(addr);
  const o = mem.readU32(addr + 4);
  const c = mem.readU32(addr + 8);
  const l = mem.readU32(addr + 12);
  return `{c_iflag=${flags(iflag, IFLAGS)}, c_oflag=${oflag(o)}, c_cflag=${cflag(c)}, c_lflag=${flags(l, LFLAGS)}, ...}`;
}
