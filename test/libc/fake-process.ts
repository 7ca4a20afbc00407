// A process for testing builtins without the VM: a real AddressSpace with a data segment holding the
// C library's globals (the standard FILEs and their pointers, errno, rand's state, strerror's buffer)
// and an empty heap, and a BuiltinContext that records every write(2).
import { FILE_OFFSETS, FILE_SIZE, IO_FLAGS } from '../../debug-adapter/engine/libc/stdio';
import type { BuiltinContext } from '../../debug-adapter/engine/vm/host';
import { AddressSpace } from '../../debug-adapter/engine/vm/memory';

export const DATA = 0x555555558000;
export const HEAP = 0x555555568000;

export interface FakeProcess extends BuiltinContext {
  mem: AddressSpace;
  writes: { fd: number; text: string }[];
  /** Everything written to fd, concatenated. */
  output(fd: number): string;
  /** A child sharing nothing but a copy of the address space, as after fork(). */
  fork(): FakeProcess;
}

export class ExitCalled extends Error {
  constructor(readonly status: number) {
    super(`exit ${status}`);
  }
}
export class SignalRaised extends Error {
  constructor(readonly signal: number) {
    super(`signal ${signal}`);
  }
}

interface Options {
  tty?: boolean;
  stdin?: string;
  heapLimit?: number;
  programName?: string;
}

/** Globals laid out in the data page; the addresses stand in for the linker's. */
const layout = (() => {
  let at = DATA;
  const take = (n: number): number => {
    const a = at;
    at += Math.ceil(n / 16) * 16;
    return a;
  };
  return {
    stdin_file: take(FILE_SIZE),
    stdout_file: take(FILE_SIZE),
    stderr_file: take(FILE_SIZE),
    stdin: take(8),
    stdout: take(8),
    stderr: take(8),
    errno: take(4),
    __libc_random_state: take(34 * 4),
    __libc_strerror_buf: take(64),
    __libc_strsignal_buf: take(64),
    scratch: take(0x8000),
  };
})();
export const SCRATCH = layout.scratch;

export function fakeProcess(opts: Options = {}): FakeProcess {
  const mem = new AddressSpace();
  mem.map(DATA, HEAP - DATA, 'rw', 'prog');
  mem.map(HEAP, 0, 'rw', '[heap]');
  mem.startBrk = mem.brk = HEAP;
  mem.map(0x7ffff7dd0000, 0x1000, 'rw', '');
  const files = [layout.stdin_file, layout.stdout_file, layout.stderr_file];
  const pointers = [layout.stdin, layout.stdout, layout.stderr];
  files.forEach((f, fd) => {
    mem.write32(f + FILE_OFFSETS._flags, fd === 2 ? IO_FLAGS.UNBUFFERED : 0);
    mem.write32(f + FILE_OFFSETS._fileno, fd);
    mem.write64(pointers[fd]!, f);
  });
  return withContext(mem, opts, { pos: 0 }, []);
}

function withContext(mem: AddressSpace, opts: Options, stdinPos: { pos: number }, writes: { fd: number; text: string }[]): FakeProcess {
  const input = new TextEncoder().encode(opts.stdin ?? '');
  const proc: FakeProcess = {
    mem,
    writes,
    programName: opts.programName ?? './a.out',
    heapLimit: opts.heapLimit ?? 64 << 20,
    sysWrite(fd, bytes) {
      if (fd < 1 || fd > 2) return -9;
      writes.push({ fd, text: Buffer.from(bytes).toString('latin1') });
      return bytes.length;
    },
    sysRead(fd, max) {
      if (fd !== 0) return -9;
      const out = input.slice(stdinPos.pos, stdinPos.pos + max);
      stdinPos.pos += out.length;
      return out;
    },
    isatty: (fd) => fd <= 2 && opts.tty === true,
    getErrno: () => mem.readI32(layout.errno),
    setErrno: (e) => mem.write32(layout.errno, e),
    symbol: (name) => (layout as Record<string, number>)[name],
    exitProcess(status) {
      throw new ExitCalled(status);
    },
    raiseSignal(sig) {
      throw new SignalRaised(sig);
    },
    output: (fd) => writes.filter((w) => w.fd === fd).map((w) => w.text).join(''),
    fork: () => withContext(mem.fork(), opts, { pos: stdinPos.pos }, []),
  };
  return proc;
}

/** Writes a NUL-terminated string into scratch memory (at `offset`) and returns its address. */
export function cstr(p: FakeProcess, s: string, offset = 0): number {
  const bytes = Buffer.from(s, 'latin1');
  p.mem.writeBytes(SCRATCH + offset, bytes);
  p.mem.write8(SCRATCH + offset + bytes.length, 0);
  return SCRATCH + offset;
}

export const fileOf = (p: FakeProcess, name: 'stdin' | 'stdout' | 'stderr'): number => Number(p.mem.readU64(p.symbol(name)!));
