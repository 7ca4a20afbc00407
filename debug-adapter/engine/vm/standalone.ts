// A process on its own, without the kernel: one thread, fds 0-2 wired to the caller, exit and signals
// ending the run. This is what `forkscope run` executes until the simulated kernel takes over processes.
import type { BuiltinContext } from './host';
import type { AddressSpace } from './memory';
import type { LinkedProgram } from './compiler/link';

const EBADF = 9;

export interface StandaloneIO {
  stdio: 'tty' | 'pipe';
  stdin?: Uint8Array;
  stdout(bytes: Uint8Array): void;
  stderr(bytes: Uint8Array): void;
}

export function standaloneHost(program: LinkedProgram, io: StandaloneIO, programName: string, heapLimit: number, signal: (sig: number) => never, exit: (status: number) => never): (mem: AddressSpace) => BuiltinContext {
  return (mem) => {
    let stdinPos = 0;
    const errnoAddr = program.globals.get('errno')?.addr;
    return {
      mem,
      programName,
      heapLimit,
      sysWrite(fd, bytes) {
        if (fd === 1) io.stdout(bytes.slice());
        else if (fd === 2) io.stderr(bytes.slice());
        else return -EBADF;
        return bytes.length;
      },
      sysRead(fd, max) {
        if (fd !== 0) return -EBADF;
        const input = io.stdin ?? new Uint8Array(0);
        const out = input.subarray(stdinPos, stdinPos + max);
        stdinPos += out.length;
        return out.slice();
      },
      isatty: (fd) => fd <= 2 && io.stdio === 'tty',
      getErrno: () => (errnoAddr === undefined ? 0 : mem.readI32(errnoAddr)),
      setErrno: (e) => { if (errnoAddr !== undefined) mem.write32(errnoAddr, e); },
      symbol: (name) => program.globals.get(name)?.addr,
      exitProcess: exit,
      raiseSignal: signal,
    };
  };
}
