// The boundary between the VM and functions implemented in TypeScript ("builtins"): the parts of the
// C library that are mechanics rather than lessons (formatting numbers, copying bytes), and system calls.
import type { CType } from '../lang/types';
import type { AddressSpace } from './memory';

/** A C scalar as the VM holds it: integers and pointers as numbers (bigint past 2^53, see int64.ts), floating values as numbers. */
export type Value = number | bigint;

/** What a builtin may do to the process that called it. */
export interface BuiltinContext {
  readonly mem: AddressSpace;
  /** Name the program was started as (argv[0]), for messages such as assert's. */
  readonly programName: string;
  /**
   * Writes on a descriptor past the system call, for the C library's last words before abort (assert's
   * message, malloc's corruption report): bytes written, or a negative errno.
   */
  sysWrite(fd: number, bytes: Uint8Array): number;
  isatty(fd: number): boolean;
  getErrno(): number;
  setErrno(e: number): void;
  /** Address of a global variable defined by the program or the C library sources, or undefined. */
  symbol(name: string): number | undefined;
  /** exit_group(2): ends the process now. Never returns. */
  exitProcess(status: number): never;
  /** Delivers a signal to the calling process (abort() uses SIGABRT). Never returns when the signal kills. */
  raiseSignal(sig: number): never;
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
