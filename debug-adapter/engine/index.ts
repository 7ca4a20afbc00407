// The engine's entry points: compile a program, run it.
import type { CompileResult, Program, RunOptions, RunOutcome, SourceFS } from './api';
import { formatDiagnostics, type Diagnostic } from './lang/diagnostics';
import { parse } from './lang/parser';
import { preprocess } from './lang/preprocessor';
import { libcBuiltins } from './libc/builtins';
import { kernelImage } from './kernel/image';
import { Machine } from './kernel/machine';
import { loadBinSources, loadLibcSources, loadSystemHeaders } from './sysroot';
import { type LinkedProgram, link, type SourceUnit } from './vm/compiler/link';

export type { CompileResult, Program, RunOptions, RunOutcome, SourceFS } from './api';
export type { Machine } from './kernel/machine';
export { formatDiagnostics } from './lang/diagnostics';

interface CompiledProgram extends Program {
  linked: LinkedProgram;
  /** Where the program was read from: execve finds sibling programs (./child → child.c) there. */
  fs: SourceFS;
}

/** The programs the simulated /bin holds: C sources in sysroot/bin, compiled when first run. */
const BUILTIN_PROGRAMS = ['echo', 'true', 'false', 'sleep', 'cat'];
const builtinPrograms = new Map<string, LinkedProgram | undefined>();

function builtinProgram(name: string): LinkedProgram | undefined {
  if (!builtinPrograms.has(name)) {
    const text = loadBinSources().get(`${name}.c`);
    const file = `/bin/${name}.c`;
    const r = text === undefined ? undefined : compile(file, { readFile: (p) => (p === file ? text : undefined) });
    builtinPrograms.set(name, r?.program ? (r.program as CompiledProgram).linked : undefined);
  }
  return builtinPrograms.get(name);
}

/** execve's view of the file system: /bin and /usr/bin hold the built-ins, other paths are C files beside the program. */
function programLoader(program: CompiledProgram): (path: string) => LinkedProgram | undefined {
  const cache = new Map<string, LinkedProgram | undefined>();
  const dir = program.mainFile.slice(0, program.mainFile.lastIndexOf('/') + 1);
  return (path) => {
    const bin = /^\/(?:usr\/)?bin\/([^/]+)$/.exec(path);
    if (bin) return BUILTIN_PROGRAMS.includes(bin[1]!) ? builtinProgram(bin[1]!) : undefined;
    const file = (path.startsWith('/') ? path : dir + path.replace(/^\.\//, '')) + '.c';
    if (!cache.has(file)) {
      const r = program.fs.readFile(file) === undefined ? undefined : compile(file, program.fs);
      cache.set(file, r?.program ? (r.program as CompiledProgram).linked : undefined);
    }
    return cache.get(file);
  };
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
  const program: CompiledProgram = { mainFile: mainPath, linked: linked.program, fs };
  return { program, diagnostics, sources };
}

/**
 * A simulated machine ready to boot and run the program: what a debug session drives step by step
 * (Machine.step with debugger hooks). `run` is this, run to the end.
 */
export function createMachine(program: Program, options: RunOptions): Machine {
  const compiled = program as CompiledProgram;
  return new Machine(kernelImage(), compiled.linked, {
    loadProgram: programLoader(compiled),
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
