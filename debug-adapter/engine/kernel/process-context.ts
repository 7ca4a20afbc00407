// What the C library's builtins may do to the process calling them (vm/host.ts's BuiltinContext), as
// one small object per process image whose methods ask the machine. A set of closures per process
// would cost a kilobyte each, and a fork bomb keeps tens of thousands of processes.
import type { LinkedProgram } from '../vm/compiler/link';
import type { BuiltinContext } from '../vm/host';
import type { AddressSpace } from '../vm/memory';

/** The machine's side: what every process's context delegates to, for whichever task is running. */
export interface ProcessHost {
  /** The simulated machine, for the kernel's own builtins (kernel/builtins.ts). */
  readonly machine: object;
  readonly heapLimit: number;
  /** The running task's TLS base (its %fs), 0 when it has none. */
  tlsBase(): number;
  /** The time-stamp counter: the virtual clock's nanoseconds since boot (ktime_get_ns's value). */
  tsc(): number;
  exitGroup(status: number): never;
  fatal(program: LinkedProgram, message: string): never;
}

export class ProcessContext implements BuiltinContext {
  /** The C library's global errno, and the variable that holds errno's offset in a thread's TLS block. */
  private readonly errnoGlobal: number | undefined;
  private readonly errnoTlsOffsetVar: number | undefined;

  constructor(
    readonly mem: AddressSpace,
    private readonly program: LinkedProgram,
    private readonly host: ProcessHost,
  ) {
    this.errnoGlobal = program.globals.get('errno')?.addr;
    this.errnoTlsOffsetVar = program.globals.get('__libc_errno_tls_offset')?.addr;
  }

  get machine(): object {
    return this.host.machine;
  }

  get heapLimit(): number {
    return this.host.heapLimit;
  }

  threadPointer(): number {
    return this.host.tlsBase();
  }

  tsc(): number {
    return this.host.tsc();
  }

  getErrno(): number {
    const at = this.errnoAddress();
    return at === undefined ? 0 : this.mem.readI32(at);
  }

  setErrno(e: number): void {
    const at = this.errnoAddress();
    if (at !== undefined) this.mem.write32(at, e);
  }

  // errno is thread-local: its address, like a TLS symbol's, is the calling thread's own.
  symbol(name: string): number | undefined {
    return name === 'errno' ? this.errnoAddress() : this.program.globals.get(name)?.addr;
  }

  exitProcess(status: number): never {
    return this.host.exitGroup(status);
  }

  fatal(message: string): never {
    return this.host.fatal(this.program, message);
  }

  /**
   * errno's address for the running thread: a thread the C library created (pthread_create, with
   * CLONE_SETTLS) has a TLS base pointing at its descriptor, whose errno slot is at the offset the
   * library publishes in __libc_errno_tls_offset; a thread without one (the main thread, a child of
   * fork) uses the global errno. Undefined for a program without the C library's errno (the kernel).
   */
  private errnoAddress(): number | undefined {
    const global = this.errnoGlobal;
    if (global === undefined || this.errnoTlsOffsetVar === undefined) return global;
    const tp = this.host.tlsBase();
    return tp === 0 ? global : tp + Number(this.mem.readU64(this.errnoTlsOffsetVar));
  }
}
