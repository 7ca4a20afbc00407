// The engine's public face: compile a program, run it to the end. The CLI, the debug adapter and the
// tests use only this module and the types it names.
import type { Diagnostic } from './lang/diagnostics';

/** How the engine reads the user's files: absolute paths in, text out (undefined when absent). */
export interface SourceFS {
  readFile(path: string): string | undefined;
}

/** A compiled program: immutable, shared by every process that runs it. */
export interface Program {
  readonly mainFile: string;
}

export interface CompileResult {
  program: Program | undefined;
  diagnostics: Diagnostic[];
  /** Text of every file read, keyed as diagnostics name them, for formatDiagnostics. */
  sources: Map<string, string>;
}

export interface RunOptions {
  /** argv, argv[0] included. */
  argv: string[];
  /** Whether fd 1 is a terminal (line-buffered stdout) or a pipe (fully buffered). */
  stdio: 'tty' | 'pipe';
  /** Stop after this many VM steps: a runaway loop ends with outcome 'step-limit'. */
  maxSteps?: number;
  /** Stop once this much virtual time has passed (default: one hour; sleep(5) takes 5 of it, not 5 real seconds). */
  maxVirtualSeconds?: number;
  stdin?: Uint8Array;
  stdout(bytes: Uint8Array): void;
  stderr(bytes: Uint8Array): void;
}

export type RunOutcome =
  | { kind: 'exited'; status: number; steps: number }
  /** Killed by a signal; `description` is what a shell prints, e.g. "Segmentation fault" (empty for SIGINT/SIGPIPE). */
  | { kind: 'signaled'; signal: number; description: string; steps: number }
  | { kind: 'step-limit'; steps: number }
  /** Every task slept past the limit on virtual time (RunOptions.maxVirtualSeconds). */
  | { kind: 'time-limit'; steps: number; seconds: number }
  /** Every remaining task sleeps and nothing can wake one: `message` says which tasks sleep where. */
  | { kind: 'deadlock'; steps: number; message: string }
  /** The kernel panicked (killing init does it), with Linux's message. */
  | { kind: 'panic'; steps: number; message: string };
