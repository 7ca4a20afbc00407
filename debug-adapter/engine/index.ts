// The engine's entry points: compile a program, run it.
import type { CompileResult, Program, RunOptions, RunOutcome, SourceFS } from './api';
import { formatDiagnostics, type Diagnostic } from './lang/diagnostics';
import { parse } from './lang/parser';
import { preprocess } from './lang/preprocessor';
import { libcBuiltins } from './libc/builtins';
import { kernelImage } from './kernel/image';
import { Machine, type MachineOptions } from './kernel/machine';
import { isLinkedModule, isModuleUnit, linkModule } from './kernel/modules';
import { loadBinSources, loadLibcSources, loadSbinSources, loadSystemHeaders } from './sysroot';
import { type LinkedProgram, link, type SourceUnit } from './vm/compiler/link';

export type { CompileResult, Program, RunOptions, RunOutcome, SourceFS } from './api';
export type { Machine } from './kernel/machine';
export { SCHED_POLICIES, type SchedPolicy } from './kernel/runqueue';
export { PID_MAX_LIMIT, RESERVED_PIDS } from './kernel/pids';

/** How the simulated kernel is set up (the CLI's --pid-max, --sched, --seed, --cpus, --trace, --tree, --rmmod-after). */
export type KernelOptions = Pick<MachineOptions, 'pidMax' | 'kernelMemory' | 'sched' | 'cpus' | 'trace' | 'onProgramExit'> & {
  /** For a kernel module: remove it this many virtual seconds after its init returned, rather than once only its kernel threads are left. */
  rmmodAfterSeconds?: number;
};
export { formatDiagnostics } from './lang/diagnostics';

interface CompiledProgram extends Program {
  linked: LinkedProgram;
  /** Where the program was read from: execve finds sibling programs (./child → child.c) there. */
  fs: SourceFS;
}

/** The programs the simulated /bin and /sbin hold: C sources in sysroot/bin and sysroot/sbin, compiled when first run. */
const BUILTIN_PROGRAMS = ['echo', 'true', 'false', 'sleep', 'cat', 'env', 'ls', 'mkdir', 'rm', 'sh', 'ps', 'pstree'];
const SBIN_PROGRAMS = ['init', 'insmod', 'rmmod', 'modsession'];
const builtinPrograms = new Map<string, LinkedProgram | undefined>();

function builtinProgram(dir: 'bin' | 'sbin', name: string): LinkedProgram | undefined {
  const file = `/${dir}/${name}.c`;
  if (!builtinPrograms.has(file)) {
    const text = (dir === 'bin' ? loadBinSources() : loadSbinSources()).get(`${name}.c`);
    const r = text === undefined ? undefined : compile(file, { readFile: (p) => (p === file ? text : undefined) });
    builtinPrograms.set(file, r?.program ? (r.program as CompiledProgram).linked : undefined);
  }
  return builtinPrograms.get(file);
}

/** execve's view of the file system: /bin, /usr/bin and /sbin hold the built-ins, other paths are C files beside the program. */
function programLoader(program: CompiledProgram): (path: string) => LinkedProgram | undefined {
  const cache = new Map<string, LinkedProgram | undefined>();
  const dir = program.mainFile.slice(0, program.mainFile.lastIndexOf('/') + 1);
  return (path) => {
    const bin = /^\/(?:usr\/)?bin\/([^/]+)$/.exec(path);
    if (bin) return BUILTIN_PROGRAMS.includes(bin[1]!) ? builtinProgram('bin', bin[1]!) : undefined;
    const sbin = /^\/sbin\/([^/]+)$/.exec(path);
    if (sbin) return SBIN_PROGRAMS.includes(sbin[1]!) ? builtinProgram('sbin', sbin[1]!) : undefined;
    const file = (path.startsWith('/') ? path : dir + path.replace(/^\.\//, '')) + '.c';
    if (!cache.has(file)) {
      const r = program.fs.readFile(file) === undefined ? undefined : compile(file, program.fs);
      cache.set(file, r?.program ? (r.program as CompiledProgram).linked : undefined);
    }
    return cache.get(file);
  };
}

interface ParsedUnits {
  units: SourceUnit[];
  diagnostics: Diagnostic[];
  sources: Map<string, string>;
}

/** Preprocesses and parses one file into `into`; false when it has errors. */
function addUnit(into: ParsedUnits, file: string, readFile: (p: string) => string | undefined, isLibrary: boolean): boolean {
  const pp = preprocess({ mainFile: file, readFile, systemHeaders: loadSystemHeaders() });
  for (const [k, v] of pp.sources) into.sources.set(k, v);
  into.diagnostics.push(...pp.diagnostics);
  if (pp.diagnostics.some((d) => d.severity === 'error')) return false;
  const parsed = parse(pp.tokens);
  into.diagnostics.push(...parsed.diagnostics);
  if (parsed.diagnostics.some((d) => d.severity === 'error')) return false;
  into.units.push({ file, unit: parsed.unit, isLibrary });
  return true;
}

let libcUnits: ParsedUnits | undefined;

/**
 * The C library's pseudo-C, preprocessed and parsed once per host process: its text and the system
 * headers never change, and linking reads the syntax trees without changing them. Every program (the
 * user's, init, the shell, what they exec) still links them at its own addresses.
 */
function parsedLibc(): ParsedUnits {
  if (!libcUnits) {
    libcUnits = { units: [], diagnostics: [], sources: new Map() };
    for (const [path, text] of loadLibcSources()) addUnit(libcUnits, path, (p) => (p === path ? text : undefined), true);
  }
  return libcUnits;
}

/**
 * Does now what every run needs and each host process does once: reads the sysroot, builds the kernel
 * image, parses the C library and compiles the two programs every boot runs, /sbin/init and /bin/sh.
 * For the CLI's startup snapshot (cli-snapshot.ts), which keeps the result. The other programs of /bin
 * and /sbin still compile when first run: each would add a linked C library to every start's heap.
 */
export function preloadSysroot(): void {
  kernelImage();
  parsedLibc();
  builtinProgram('sbin', 'init');
  builtinProgram('bin', 'sh');
}

/** Preprocesses, parses and links the program with the C library. Diagnostics come in gcc's format. */
export function compile(mainPath: string, fs: SourceFS): CompileResult {
  const parsed: ParsedUnits = { units: [], diagnostics: [], sources: new Map() };
  const { units, diagnostics, sources } = parsed;
  if (fs.readFile(mainPath) === undefined) {
    diagnostics.push({ severity: 'error', file: mainPath, line: 1, col: 1, message: `${mainPath}: No such file or directory` });
    return { program: undefined, diagnostics, sources };
  }
  const userOk = addUnit(parsed, mainPath, (p) => fs.readFile(p), false);
  if (userOk && isModuleUnit(units[0]!.unit)) {
    // A kernel module: kernel code, linked against the kernel rather than the C library.
    const linked = linkModule(units[0]!);
    diagnostics.push(...linked.diagnostics);
    if (!linked.program || diagnostics.some((d) => d.severity === 'error')) return { program: undefined, diagnostics, sources };
    const program: CompiledProgram = { mainFile: mainPath, linked: linked.program, fs };
    return { program, diagnostics, sources };
  }
  const libc = parsedLibc();
  units.push(...libc.units);
  diagnostics.push(...libc.diagnostics);
  for (const [k, v] of libc.sources) sources.set(k, v);
  if (!userOk || diagnostics.some((d) => d.severity === 'error')) return { program: undefined, diagnostics, sources };
  // System calls in the C library bind to the kernel's sys_* functions: fork() steps into kernel/fork.c.
  // Its vDSO code reads the kernel's [vvar] data (sysroot/lib/vdso.c).
  const linked = link(units, libcBuiltins, mainPath, { externals: kernelImage().syscalls, externalGlobals: kernelImage().vvar });
  diagnostics.push(...linked.diagnostics);
  if (!linked.program) return { program: undefined, diagnostics, sources };
  const program: CompiledProgram = { mainFile: mainPath, linked: linked.program, fs };
  return { program, diagnostics, sources };
}

/**
 * A simulated machine ready to boot and run the program: what a debug session drives step by step
 * (Machine.step with debugger hooks). `run` is this, run to the end.
 */
export function createMachine(program: Program, options: RunOptions, kernel: KernelOptions = {}): Machine {
  const compiled = program as CompiledProgram;
  // A module is not run but loaded: the session that loads and removes it is the program.
  const module = isKernelModule(program);
  const session = module ? builtinProgram('sbin', 'modsession') : undefined;
  if (module && !session) throw new Error('/sbin/modsession does not compile');
  const { rmmodAfterSeconds, ...machineOptions } = kernel;
  const sessionArgv = ['/sbin/modsession', moduleName(compiled), ...(rmmodAfterSeconds === undefined ? [] : [String(rmmodAfterSeconds)])];
  return new Machine(kernelImage(), session ?? compiled.linked, {
    ...machineOptions,
    loadProgram: programLoader(compiled),
    argv: module ? sessionArgv : options.argv,
    envp: ['PATH=/usr/bin:/bin', 'HOME=/home/student'],
    maxSteps: options.maxSteps,
    maxVirtualNs: options.maxVirtualSeconds === undefined ? undefined : options.maxVirtualSeconds * 1e9,
    io: options,
  });
}

/** Runs the program on a freshly booted simulated kernel, to the end of its last process (or maxSteps). */
export function run(program: Program, options: RunOptions): RunOutcome {
  return createMachine(program, options).run();
}

/**
 * Whether the program is a kernel module (it uses module_init). Running one loads it with insmod and,
 * once only its kernel threads are left, removes it with rmmod; its output is the kernel log.
 */
export function isKernelModule(program: Program): boolean {
  return isLinkedModule((program as CompiledProgram).linked);
}

/** A module's name as insmod's file name gives it: kthread.c builds kthread.ko. */
function moduleName(program: CompiledProgram): string {
  return program.mainFile.split('/').pop()!.replace(/\.c$/, '');
}

/** The linked form of a compiled program, for the debugger: functions, their ops and source positions. */
export function linkedProgram(program: Program): LinkedProgram {
  return (program as CompiledProgram).linked;
}
