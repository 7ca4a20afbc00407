// Events that end the normal flow of a thread. They travel as exceptions because they arise deep inside
// a compiled expression (a load through a bad pointer, a division by zero) and are rare, so the fast path
// pays nothing for them. The scheduler catches them and acts as the kernel would.

export const SIGBUS = 7;
export const SIGFPE = 8;
export const SIGSEGV = 11;

/** A synchronous signal raised by the running instruction (SIGSEGV, SIGFPE, SIGILL). */
export class SignalFault extends Error {
  constructor(readonly signal: number, readonly detail: string) {
    super(detail);
  }
}

/** exit_group(): the process ends with this status. */
export class ProcessExit extends Error {
  constructor(readonly status: number) {
    super(`exit(${status})`);
  }
}
