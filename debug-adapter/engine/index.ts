// The engine's entry points: compile a program, run it.
import type { CompileResult, Program, RunOptions, RunOutcome, SourceFS } from './api';
import { formatDiagnostics, type Diagnostic } from './lang/diagnostics';
import { parse } from './lang/parser';
import { preprocess } from './lang/preprocessor';
import { libcBuiltins } from './libc/builtins';
import { kernelImage } from './kernel/image';
import { Machine } from './kernel/machine';
import { loadLibcSources, loadSystemHeaders } from './sysroot';
import { type LinkedProgram, link, type SourceUnit } from './vm/compiler/link';

export type { CompileResult, Program, RunOptions, RunOutcome, SourceFS } from './api';
export type { Machine } from './kernel/machine';
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
  // System calls in the C library bind to the kernel's sys_* functions: fork() steps into kernel/fork.c.
  const linked = link(units, libcBuiltins, mainPath, { externals: kernelImage().syscalls });
  diagnostics.push(...linked.diagnostics);
  if (!linked.program) return { program: undefined, diagnostics, sources };
  const program: CompiledProgram = { mainFile: mainPath, linked: linked.program };
  return { program, diagnostics, sources };
}

/**
 * A simulated machine ready to boot and run the program: what a debug session drives step by step
 * (Machine.step with debugger hooks). `run` is this, run to the end.
 */
export function createMachine(program: Program, options: RunOptions): Machine {
  return new Machine(kernelImage(), (program as CompiledProgram).linked, {
    argv: options.argv,
    envp: ['PATH=/usr/bin:/bin', 'HOME=/home/student'],
    maxSteps: options.maxSteps,
    io: options,
  });
}

/** Runs the program on a freshly booted simulated kernel, to the end of its last process (or maxSteps). */
export function run(program: Program, options: RunOptions): RunOutcome {
  return createMachine(program, options).run();
}

/** The linked form of a compiled program, for the debugger: functions, their ops and source positions. */
export function linkedProgram(program: Program): LinkedProgram {
  return (program as CompiledProgram).linked;
}
