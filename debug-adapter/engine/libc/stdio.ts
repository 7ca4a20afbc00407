// The host's side of stdio. The streams themselves are C (sysroot/lib/stdio.c): a FILE struct in the
// process's memory (layout in sysroot/include/stdio.h) whose bytes go through read(2) and write(2).
// What stays here is scanf's conversions over a stream's buffered bytes (see vfscanf in stdio.c).
import type { BuiltinContext } from '../vm/host';
import { scanFormat, type ScanMemory, type ScanOutput } from './scan';

/** Byte offsets of struct _IO_FILE's members; test/libc/stdio.test.ts checks them against stdio.h. */
export const FILE_OFFSETS = {
  _flags: 0,
  _fileno: 4,
  _IO_buf_base: 8,
  _IO_buf_end: 16,
  _IO_write_base: 24,
  _IO_write_ptr: 32,
  _IO_read_ptr: 40,
  _IO_read_end: 48,
  _IO_write_end: 56,
  _chain: 64,
  _mode: 72,
  _shortbuf: 76,
  _offset: 80,
} as const;
export const FILE_SIZE = 88;

/** The _flags bits scanf reads (glibc's values, as stdio.h defines them). */
const IO_FLAGS = {
  EOF_SEEN: 0x0010,
  ERR_SEEN: 0x0020,
} as const;

export const EOF = -1;
/** __vfscanf_buffered's answer when the conversions need bytes beyond the buffered ones (stdio.c's __SCAN_MORE). */
export const SCAN_MORE = -2;

/** Thrown by the input when scanning reaches the end of the buffered bytes before the end of the input. */
const NEED_MORE = Symbol('need more input');

/**
 * scanf's conversions over the unread bytes of stream `file`, [_IO_read_ptr, _IO_read_end). When they
 * need a byte beyond those while more input may come, SCAN_MORE, having stored and taken nothing: the
 * caller reads more and scans again. Otherwise the results are stored, the bytes scanned are taken, and
 * the number of assignments (or EOF) is returned. The input ends at end of file, on a read error, and
 * when the unread bytes fill the whole buffer.
 */
export function scanBuffered(ctx: BuiltinContext, file: number, fmt: Uint8Array, nextPointer: () => number): number | typeof SCAN_MORE {
  const mem = ctx.mem;
  const field = (name: keyof typeof FILE_OFFSETS): number => Number(mem.readU64(file + FILE_OFFSETS[name]));
  const flags = mem.readI32(file + FILE_OFFSETS._flags);
  const start = field('_IO_read_ptr');
  const end = field('_IO_read_end');
  const full = start === field('_IO_buf_base') && end === field('_IO_buf_end');
  const ended = full || (flags & (IO_FLAGS.EOF_SEEN | IO_FLAGS.ERR_SEEN)) !== 0;
  let pos = start;
  const input = {
    peek: (): number => {
      if (pos < end) return mem.readU8(pos);
      if (ended) return EOF;
      throw NEED_MORE;
    },
    take: (): void => {
      pos++;
    },
  };
  const stores: (() => void)[] = [];
  const deferred: ScanMemory = {
    write8: (a, v) => void stores.push(() => mem.write8(a, v)),
    write16: (a, v) => void stores.push(() => mem.write16(a, v)),
    write32: (a, v) => void stores.push(() => mem.write32(a, v)),
    write64: (a, v) => void stores.push(() => mem.write64(a, v)),
    writeF32: (a, v) => void stores.push(() => mem.writeF32(a, v)),
    writeF64: (a, v) => void stores.push(() => mem.writeF64(a, v)),
    writeBytes: (a, b) => void stores.push(() => mem.writeBytes(a, b)),
  };
  const out: ScanOutput = { mem: deferred, nextPointer };
  let n: number;
  try {
    n = scanFormat(fmt, input, out);
  } catch (e) {
    if (e === NEED_MORE) return SCAN_MORE;
    throw e;
  }
  for (const store of stores) store();
  mem.write64(file + FILE_OFFSETS._IO_read_ptr, pos);
  return n;
}
