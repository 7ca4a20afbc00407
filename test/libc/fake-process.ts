// A process for testing builtins without the VM: a real AddressSpace with a data segment holding the
// C library's globals (errno, rand's state, strerror's buffer) and an empty heap, and a BuiltinContext that
// records the C library's last words (malloc's corruption report, handed to __libc_fatal).
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

/** Globals laid out in the data page; the addresses stand in for the linker's. */
const layout = (() => {
  let at = DATA;
  const take = (n: number): number => {
    const a = at;
    at += Math.ceil(n / 16) * 16;
    return a;
  };
  return {
    errno: take(4),
    __libc_random_state: take(34 * 4),
    __libc_errlist: take(134 * 64),
    __libc_siglist: take(32 * 64),
    __libc_strerror_buf: take(64),
    __libc_strsignal_buf: take(64),
    __libc_malloc_arena: take(8),
    scratch: take(0x8000),
  };
})();
export const SCRATCH = layout.scratch;

export function fakeProcess(): FakeProcess {
  const mem = new AddressSpace();
  mem.map(DATA, HEAP - DATA, 'rw', 'prog');
  mem.map(HEAP, 0, 'rw', '[heap]');
  mem.startBrk = mem.brk = HEAP;
  mem.map(0x7ffff7dd0000, 0x1000, 'rw', '');
  return withContext(mem, []);
}

function withContext(mem: AddressSpace, writes: { fd: number; text: string }[]): FakeProcess {
  const proc: FakeProcess = {
    mem,
    writes,
    heapLimit: 64 << 20,
    threadPointer: () => 0,
    tsc: () => 0,
    getErrno: () => mem.readI32(layout.errno),
    setErrno: (e) => mem.write32(layout.errno, e),
    symbol: (name) => (layout as Record<string, number>)[name],
    exitProcess(status) {
      throw new ExitCalled(status);
    },
    fatal(message) {
      throw new Error(`__libc_fatal: ${message}`);
    },
    output: (fd) => writes.filter((w) => w.fd === fd).map((w) => w.text).join(''),
    fork: () => withContext(mem.fork(), []),
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

