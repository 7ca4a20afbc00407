// Test helper: compiles a C source string held in an in-memory file system and runs it with stdout and
// stderr as pipes (fully buffered stdout, as when a test harness captures a native program's output).
import type { CompileResult, RunOutcome, SourceFS } from '../../debug-adapter/engine/api';
import { compile, formatDiagnostics, run } from '../../debug-adapter/engine/index';

/** Where the program's source lives in the in-memory file system. */
export const PROG_PATH = '/work/prog.c';

export interface CRunResult {
  stdout: string;
  stderr: string;
  /** Undefined when the program did not compile. */
  outcome: RunOutcome | undefined;
  /** Every diagnostic as formatDiagnostics renders it (empty when there were none). */
  diagnostics: string;
}

export interface CRunOptions {
  /** Arguments after argv[0] ("./prog"). */
  args?: string[];
  stdin?: string;
  maxSteps?: number;
}

/** A SourceFS holding exactly one file, the program. */
export function memoryFS(source: string): SourceFS {
  return { readFile: (path) => (path === PROG_PATH ? source : undefined) };
}

export function compileC(source: string): CompileResult {
  return compile(PROG_PATH, memoryFS(source));
}

export function runC(source: string, options: CRunOptions = {}): CRunResult {
  const compiled = compileC(source);
  const diagnostics = formatDiagnostics(compiled.diagnostics, compiled.sources);
  if (!compiled.program) return { stdout: '', stderr: '', outcome: undefined, diagnostics };
  const stdout: Uint8Array[] = [];
  const stderr: Uint8Array[] = [];
  const outcome = run(compiled.program, {
    argv: ['./prog', ...(options.args ?? [])],
    stdio: 'pipe',
    maxSteps: options.maxSteps,
    stdin: options.stdin === undefined ? undefined : new TextEncoder().encode(options.stdin),
    // Copies, because the engine may reuse its buffer once the callback returns.
    stdout: (bytes) => stdout.push(Uint8Array.from(bytes)),
    stderr: (bytes) => stderr.push(Uint8Array.from(bytes)),
  });
  return { stdout: decode(stdout), stderr: decode(stderr), outcome, diagnostics };
}

function decode(chunks: Uint8Array[]): string {
  return Buffer.concat(chunks).toString('utf8');
}
