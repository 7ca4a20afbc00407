// stdio streams whose whole state is a FILE struct in the process's memory (layout in
// sysroot/include/stdio.h) and a buffer malloc'ed on first use, so that a fork copies pending output:
// printf("x") before fork() prints "x" twice once both processes flush. Buffering follows glibc:
// stdout is line-buffered on a terminal and fully buffered otherwise, stderr is unbuffered, and the
// buffer is the device's block size (1024 bytes for a terminal, 4096 for a pipe or file).
import type { BuiltinContext } from '../vm/host';
import { malloc, free } from './malloc';

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
} as const;
export const FILE_SIZE = 56;

/** _flags bits, glibc's values. */
export const IO_FLAGS = {
  USER_BUF: 0x0001,
  UNBUFFERED: 0x0002,
  EOF_SEEN: 0x0010,
  ERR_SEEN: 0x0020,
  LINE_BUF: 0x0200,
} as const;

/** setvbuf modes. */
export const IOFBF = 0;
export const IOLBF = 1;
export const IONBF = 2;
export const EOF = -1;

const TTY_BLOCK = 1024;
const FILE_BLOCK = 4096;

/** The parts of a process stdio uses. */
export type StdioHost = Pick<BuiltinContext, 'mem' | 'heapLimit' | 'sysWrite' | 'sysRead' | 'isatty' | 'setErrno' | 'symbol'>;

/** A FILE at an address in process memory, with typed access to its members. */
class Stream {
  constructor(private readonly host: StdioHost, readonly addr: number) {}

  private ptr(field: keyof typeof FILE_OFFSETS): number {
    return Number(this.host.mem.readU64(this.addr + FILE_OFFSETS[field]));
  }
  private setPtr(field: keyof typeof FILE_OFFSETS, v: number): void {
    this.host.mem.write64(this.addr + FILE_OFFSETS[field], v);
  }

  get flags(): number { return this.host.mem.readI32(this.addr + FILE_OFFSETS._flags); }
  set flags(v: number) { this.host.mem.write32(this.addr + FILE_OFFSETS._flags, v); }
  get fd(): number { return this.host.mem.readI32(this.addr + FILE_OFFSETS._fileno); }
  get bufBase(): number { return this.ptr('_IO_buf_base'); }
  set bufBase(v: number) { this.setPtr('_IO_buf_base', v); }
  get bufEnd(): number { return this.ptr('_IO_buf_end'); }
  set bufEnd(v: number) { this.setPtr('_IO_buf_end', v); }
  get writeBase(): number { return this.ptr('_IO_write_base'); }
  set writeBase(v: number) { this.setPtr('_IO_write_base', v); }
  get writePtr(): number { return this.ptr('_IO_write_ptr'); }
  set writePtr(v: number) { this.setPtr('_IO_write_ptr', v); }
  get readPtr(): number { return this.ptr('_IO_read_ptr'); }
  set readPtr(v: number) { this.setPtr('_IO_read_ptr', v); }
  get readEnd(): number { return this.ptr('_IO_read_end'); }
  set readEnd(v: number) { this.setPtr('_IO_read_end', v); }

  has(flag: number): boolean { return (this.flags & flag) !== 0; }
  set(flag: number, on: boolean): void { this.flags = on ? this.flags | flag : this.flags & ~flag; }

  setBuffer(base: number, size: number): void {
    this.bufBase = base;
    this.bufEnd = base + size;
    this.writeBase = this.writePtr = base;
    this.readPtr = this.readEnd = base;
  }
}

/** The FILE * held by the libc variable `stdin`, `stdout` or `stderr`. */
export function standardStream(host: StdioHost, name: 'stdin' | 'stdout' | 'stderr'): number {
  const v = host.symbol(name);
  if (v === undefined) throw new Error(`the C library sources define no '${name}'`);
  return host.mem.readPtr(v);
}

/**
 * glibc's _IO_file_doallocate: a buffer of the device's block size, and line buffering when the stream
 * is a terminal. Without memory for it the stream becomes unbuffered, as glibc falls back to its 1-byte buffer.
 */
function allocateBuffer(host: StdioHost, s: Stream): boolean {
  const tty = host.isatty(s.fd);
  const size = tty ? TTY_BLOCK : FILE_BLOCK;
  const buf = malloc(host, size);
  if (!buf) {
    s.set(IO_FLAGS.UNBUFFERED, true);
    return false;
  }
  s.setBuffer(buf, size);
  s.set(IO_FLAGS.USER_BUF, false);
  if (tty) s.set(IO_FLAGS.LINE_BUF, true);
  return true;
}

/** write(2) all of `bytes`, retrying short writes; false (errno and the error flag set) on failure. */
function writeAll(host: StdioHost, s: Stream, bytes: Uint8Array): boolean {
  let done = 0;
  while (done < bytes.length) {
    const n = host.sysWrite(s.fd, bytes.subarray(done));
    if (n < 0) {
      host.setErrno(-n);
      s.set(IO_FLAGS.ERR_SEEN, true);
      return false;
    }
    done += n;
  }
  return true;
}

/** Writes out the pending bytes [_IO_write_base, _IO_write_ptr); pending bytes are dropped on error, as glibc does. */
function flushPending(host: StdioHost, s: Stream): boolean {
  const base = s.writeBase;
  const pending = s.writePtr - base;
  if (pending <= 0) return true;
  const bytes = host.mem.readBytes(base, pending);
  s.writeBase = s.writePtr = s.bufBase;
  return writeAll(host, s, bytes);
}

function appendToBuffer(host: StdioHost, s: Stream, bytes: Uint8Array): void {
  const at = s.writePtr;
  host.mem.writeBytes(at, bytes);
  s.writePtr = at + bytes.length;
}

/**
 * Puts bytes on a stream, as glibc's _IO_new_file_xsputn: fill the buffer; when more remains, write the
 * full buffer, then whole blocks straight from the data, and keep the remainder buffered. A line-buffered
 * stream flushes everything up to the last newline written. One call = one write(2) when unbuffered.
 */
export function streamWrite(host: StdioHost, file: number, bytes: Uint8Array): boolean {
  const s = new Stream(host, file);
  if (bytes.length === 0) return true;
  if (s.has(IO_FLAGS.UNBUFFERED)) return writeAll(host, s, bytes);
  const fresh = s.bufBase === 0;
  if (fresh && !allocateBuffer(host, s)) return writeAll(host, s, bytes);
  const blockSize = s.bufEnd - s.bufBase;
  if (s.has(IO_FLAGS.LINE_BUF)) {
    const lastNewline = bytes.lastIndexOf(0x0a);
    const space = s.bufEnd - s.writePtr;
    if (lastNewline >= 0 && lastNewline < space) {
      appendToBuffer(host, s, bytes.subarray(0, lastNewline + 1));
      if (!flushPending(host, s)) return false;
      const rest = bytes.subarray(lastNewline + 1);
      if (rest.length) appendToBuffer(host, s, rest);
      return true;
    }
  }
  // A buffer allocated just now counts as having no room yet (glibc's write_end is still unset).
  const space = fresh ? 0 : s.bufEnd - s.writePtr;
  const first = Math.min(space, bytes.length);
  if (first > 0) appendToBuffer(host, s, bytes.subarray(0, first));
  let rest = bytes.subarray(first);
  if (rest.length === 0) return true;
  if (!flushPending(host, s)) return false;
  const direct = rest.length - (rest.length % blockSize);
  if (direct > 0) {
    if (!writeAll(host, s, rest.subarray(0, direct))) return false;
    rest = rest.subarray(direct);
  }
  if (rest.length) appendToBuffer(host, s, rest);
  if (s.has(IO_FLAGS.LINE_BUF) && rest.includes(0x0a)) return flushPending(host, s);
  return true;
}

/** fflush(stream): 0, or EOF when writing failed. */
export function streamFlush(host: StdioHost, file: number): number {
  const s = new Stream(host, file);
  if (s.bufBase === 0) return 0;
  return flushPending(host, s) ? 0 : EOF;
}

/** fflush(NULL): every open stream (the simulator's programs have only the three standard ones). */
export function flushAll(host: StdioHost): number {
  let result = 0;
  for (const name of ['stdout', 'stderr'] as const) if (streamFlush(host, standardStream(host, name)) === EOF) result = EOF;
  return result;
}

/** setvbuf, with glibc's rules for when the buffer is allocated and whether a terminal stays line-buffered. */
export function streamSetvbuf(host: StdioHost, file: number, buf: number, mode: number, size: number): number {
  const s = new Stream(host, file);
  if (mode !== IOFBF && mode !== IOLBF && mode !== IONBF) return EOF;
  if (!flushPending(host, s)) return EOF;
  if (mode === IOFBF) {
    s.set(IO_FLAGS.LINE_BUF | IO_FLAGS.UNBUFFERED, false);
    if (buf === 0) {
      if (s.bufBase === 0) {
        allocateBuffer(host, s);
        s.set(IO_FLAGS.LINE_BUF, false);
      }
      return 0;
    }
  } else if (mode === IOLBF) {
    s.set(IO_FLAGS.UNBUFFERED, false);
    s.set(IO_FLAGS.LINE_BUF, true);
    if (buf === 0) return 0;
  } else {
    s.set(IO_FLAGS.LINE_BUF, false);
    buf = 0;
  }
  releaseBuffer(host, s);
  if (buf === 0 || size === 0) {
    s.set(IO_FLAGS.UNBUFFERED, true);
  } else {
    s.set(IO_FLAGS.UNBUFFERED, false);
    s.setBuffer(buf, size);
    s.set(IO_FLAGS.USER_BUF, true);
  }
  return 0;
}

/** Frees a buffer stdio allocated itself (never the caller's) and detaches the stream from it. */
function releaseBuffer(host: StdioHost, s: Stream): void {
  if (s.bufBase !== 0 && !s.has(IO_FLAGS.USER_BUF)) free(host, s.bufBase);
  s.setBuffer(0, 0);
  s.set(IO_FLAGS.USER_BUF, false);
}

/**
 * fgetc: the next byte, or EOF at end of file (which stays seen, as in glibc 2.28+) or on error. An empty
 * buffer is refilled with one read(2) of the buffer's size. Before a terminal (line-buffered) input
 * stream reads, glibc flushes stdout if it is line-buffered, so a prompt without a newline shows up.
 */
export function streamGetc(host: StdioHost, file: number): number {
  const s = new Stream(host, file);
  const p = s.readPtr;
  if (p < s.readEnd) {
    s.readPtr = p + 1;
    return host.mem.readU8(p);
  }
  if (s.has(IO_FLAGS.EOF_SEEN)) return EOF;
  if (s.bufBase === 0 && !s.has(IO_FLAGS.UNBUFFERED)) allocateBuffer(host, s);
  if (s.has(IO_FLAGS.LINE_BUF | IO_FLAGS.UNBUFFERED)) {
    const out = new Stream(host, standardStream(host, 'stdout'));
    if (out.has(IO_FLAGS.LINE_BUF)) flushPending(host, out);
  }
  const base = s.bufBase;
  const got = host.sysRead(s.fd, base === 0 ? 1 : s.bufEnd - base);
  if (typeof got === 'number') {
    host.setErrno(-got);
    s.set(IO_FLAGS.ERR_SEEN, true);
    return EOF;
  }
  if (got.length === 0) {
    s.set(IO_FLAGS.EOF_SEEN, true);
    return EOF;
  }
  if (base !== 0) {
    host.mem.writeBytes(base, got);
    s.readPtr = base + 1;
    s.readEnd = base + got.length;
  }
  return got[0]!;
}

/** fgets: up to max-1 bytes, through the first newline; undefined at EOF before any byte or on error. */
export function streamGets(host: StdioHost, file: number, max: number): Uint8Array | undefined {
  const line: number[] = [];
  while (line.length < max - 1) {
    const c = streamGetc(host, file);
    if (c === EOF) {
      if (line.length === 0 || new Stream(host, file).has(IO_FLAGS.ERR_SEEN)) return undefined;
      break;
    }
    line.push(c);
    if (c === 0x0a) break;
  }
  return Uint8Array.from(line);
}

export function streamEof(host: StdioHost, file: number): boolean {
  return new Stream(host, file).has(IO_FLAGS.EOF_SEEN);
}
export function streamError(host: StdioHost, file: number): boolean {
  return new Stream(host, file).has(IO_FLAGS.ERR_SEEN);
}
export function streamClearErr(host: StdioHost, file: number): void {
  new Stream(host, file).set(IO_FLAGS.EOF_SEEN | IO_FLAGS.ERR_SEEN, false);
}
export function streamFileno(host: StdioHost, file: number): number {
  return new Stream(host, file).fd;
}

/**
 * ungetc: puts c back in front of the unread input. It works when c's slot in the buffer is still there
 * (always so right after a read from a buffered stream, which is how scanf uses it); otherwise EOF.
 */
export function streamUngetc(host: StdioHost, file: number, c: number): number {
  const s = new Stream(host, file);
  const p = s.readPtr;
  if (c === EOF || s.bufBase === 0 || p <= s.bufBase) return EOF;
  host.mem.write8(p - 1, c);
  s.readPtr = p - 1;
  s.set(IO_FLAGS.EOF_SEEN, false);
  return c & 0xff;
}
