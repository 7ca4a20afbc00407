// The boundary between the VM and functions implemented in TypeScript ("builtins"): the parts of the
// C library that are mechanics rather than lessons (formatting numbers, copying bytes), and system calls.
import type { CType } from '../lang/types';
import type { AddressSpace } from './memory';

/** A C scalar as the VM holds it: integers and pointers as numbers (bigint past 2^53, see int64.ts), floating values as numbers. */
export type Value = number | bigint;

/** What a builtin may do to the process that called it. */
export interface BuiltinContext {
  readonly mem: AddressSpace;
  /** The calling thread's thread pointer (its TLS base, x86-64's %fs): 0 when it has none. */
  threadPointer(): number;
  /**
   * The time-stamp counter (x86-64's rdtsc, unprivileged): the machine's virtual clock, one count a
   * nanosecond since boot. The vDSO's clocks (sysroot/lib/vdso.c) read it without a system call.
   */
  tsc(): number;
  getErrno(): number;
  setErrno(e: number): void;
  /** Address of a global variable defined by the program or the C library sources, or undefined. */
  symbol(name: string): number | undefined;
  /** exit_group(2): ends the process now. Never returns. */
  exitProcess(status: number): never;
  /**
   * glibc's __libc_fatal: the C library cannot go on (malloc found its heap corrupt). The calling
   * thread goes on in the C library's __libc_fatal(message), which writes it to stderr and aborts.
   */
  fatal(message: string): never;
  /** The heap limit for this process in bytes (the simulator's memory cap). */
  readonly heapLimit: number;
  /** The simulated machine, for the kernel's own builtins (kernel/builtins.ts); opaque to the C library. */
  readonly machine?: object;
}

/**
 * A builtin receives its arguments already converted to the declared parameter types; arguments in the
 * `...` part arrive after the default argument promotions (char/short → int, float → double), with
 * `argTypes` giving each one's type so that printf can read them as C would.
 */
export type BuiltinFn = (ctx: BuiltinContext, args: Value[], argTypes: CType[]) => Value | void;
