// The engine's entry points: compile a program, run it.
import type { CompileResult, Program, RunOptions, RunOutcome, SourceFS } from './api';
import { formatDiagnostics, type Diagnostic } from './lang/diagnostics';
import { parse } from './lang/parser';
import { preprocess } from './lang/preprocessor';
import { libcBuiltins } from './libc/builtins';
import { shellSignalMessage } from './libc/errno';
import { loadLibcSources, loadSystemHeaders } from './sysroot';
import { type LinkedProgram, link, type SourceUnit } from './vm/compiler/link';
import { ProcessExit, SIGSEGV, SignalFault } from './vm/faults';
import { execute } from './vm/interpreter';
import { loadImage } from './vm/loader';
import { MemoryFault } from './vm/memory';
import { standaloneHost } from './vm/standalone';

export type { CompileResult, Program, RunOptions, RunOutcome, SourceFS } from './api';
export { formatDiagnostics } from './lang/diagnostics';

interface CompiledProgram extends Program {
  linked: LinkedProgram;
}

/** Preprocesses, parses and links the program with the C library. Diagnostics come in gcc's format. */
export function compile(mainPath: string, fs: SourceFS): CompileResult {
  const headers = loadSystemHeaders();
  const diagnostics: Diagnostic[] = [];
  const sources = new Map<string, string>();
  const units: SourceUnit[] = [];
  const addUnit = (file: string, readFile: (p: string) => string | undefined, isLibrary: boolean): boolean => {
    const pp = preprocess({ mainFile: file, readFile, systemHeaders: headers });
    for (const [k, v] of pp.sources) sources.set(k, v);
    diagnostics.push(...pp.diagnostics);
    if (pp.diagnostics.some((d) => d.severity === 'error')) return false;
    const parsed = parse(pp.tokens);
    diagnostics.push(...parsed.diagnostics);
    if (parsed.diagnostics.some((d) => d.severity === 'error')) return false;
    units.push({ file, unit: parsed.unit, isLibrary });
    return true;
  };
  if (fs.readFile(mainPath) === undefined) {
    diagnostics.push({ severity: 'error', file: mainPath, line: 1, col: 1, message: `${mainPath}: No such file or directory` });
    return { program: undefined, diagnostics, sources };
  }
  const userOk = addUnit(mainPath, (p) => fs.readFile(p), false);
  const libc = loadLibcSources();
  for (const [path, text] of libc) addUnit(path, (p) => (p === path ? text : undefined), true);
  if (!userOk || diagnostics.some((d) => d.severity === 'error')) return { program: undefined, diagnostics, sources };
  const linked = link(units, libcBuiltins, mainPath);
  diagnostics.push(...linked.diagnostics);
  if (!linked.program) return { program: undefined, diagnostics, sources };
  const program: CompiledProgram = { mainFile: mainPath, linked: linked.program };
  return { program, diagnostics, sources };
}

const HEAP_LIMIT = 256 * 1024 * 1024;
/** How many ops run between checks of the step limit. */
const SLICE = 1 << 16;

/** Runs the program to its end, or until `maxSteps`. */
export function run(program: Program, options: RunOptions): RunOutcome {
  const linked = (program as CompiledProgram).linked;
  const signal = (sig: number): never => { throw new SignalFault(sig, `signal ${sig}`); };
  const exit = (status: number): never => { throw new ProcessExit(status & 0xff); };
  const host = standaloneHost(linked, options, options.argv[0] ?? 'a.out', HEAP_LIMIT, signal, exit);
  const { thread } = loadImage(linked, options.argv, ['PATH=/usr/bin:/bin', 'HOME=/home/student'], host);
  const max = options.maxSteps ?? Infinity;
  try {
    while (thread.frame !== undefined) {
      if (thread.steps >= max) return { kind: 'step-limit', steps: thread.steps };
      execute(thread, Math.min(SLICE, max - thread.steps));
    }
    return { kind: 'exited', status: Number(thread.result) & 0xff, steps: thread.steps };
  } catch (e) {
    if (e instanceof ProcessExit) return { kind: 'exited', status: e.status, steps: thread.steps };
    const sig = e instanceof SignalFault ? e.signal : e instanceof MemoryFault ? SIGSEGV : undefined;
    if (sig === undefined) throw e;
    return { kind: 'signaled', signal: sig, description: shellSignalMessage(sig), steps: thread.steps };
  }
}
