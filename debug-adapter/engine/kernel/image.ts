// The kernel's compiled image: its pseudo-C sources (sysroot/kernel, sysroot/init) compiled once per
// host process and shared by every simulated machine, which starts from a copy of its memory.
import { type Diagnostic, formatDiagnostics } from '../lang/diagnostics';
import { parse } from '../lang/parser';
import { preprocess } from '../lang/preprocessor';
import type { StructType } from '../lang/types';
import { libcBuiltins } from '../libc/builtins';
import { loadKernelSources, loadSystemHeaders } from '../sysroot';
import { type GlobalSymbol, type LinkedProgram, link, type SourceUnit } from '../vm/compiler/link';
import type { BuiltinFn } from '../vm/host';
import type { FunctionCode } from '../vm/thread';
import { kernelBuiltins } from './builtins';

export interface KernelImage {
  program: LinkedProgram;
  /** The system calls user programs link to (sys_fork, sys_wait4 …), by name. */
  syscalls: ReadonlyMap<string, FunctionCode>;
  /**
   * The kernel data user programs may read, by name: the vDSO's _vdso_data (kernel/time/vsyscall.c),
   * Linux's [vvar] page, which the C library's vDSO code (sysroot/lib/vdso.c) reads the clocks from.
   */
  vvar: ReadonlyMap<string, GlobalSymbol>;
  taskStruct: StructType;
  mmStruct: StructType;
  fsStruct: StructType;
  cloneArgs: StructType;
  /** struct module (linux/module.h), which init_module's loader fills. */
  moduleStruct: StructType;
  sources: Map<string, string>;
}

/** The string and formatting functions the kernel uses (lib/string.c, lib/vsprintf.c in Linux) are the C library's builtins. */
const KERNEL_LIB = ['memset', 'memcpy', 'strlen', 'strcmp', 'strncpy', 'snprintf', 'vsnprintf'];

/** The host functions kernel code calls: the kernel's own and its lib/ functions. Modules link to them too. */
export function kernelBuiltinTable(): Record<string, BuiltinFn> {
  return { ...kernelBuiltins, ...Object.fromEntries(KERNEL_LIB.map((n) => [n, libcBuiltins[n]!])) };
}

let cached: KernelImage | undefined;

export function kernelImage(): KernelImage {
  if (cached) return cached;
  const headers = loadSystemHeaders();
  const units: SourceUnit[] = [];
  const diagnostics: Diagnostic[] = [];
  const sources = new Map<string, string>();
  for (const [file, text] of loadKernelSources()) {
    const pp = preprocess({ mainFile: file, readFile: (p) => (p === file ? text : undefined), systemHeaders: headers, defines: { __KERNEL__: '1' } });
    for (const [k, v] of pp.sources) sources.set(k, v);
    const parsed = parse(pp.tokens);
    diagnostics.push(...pp.diagnostics, ...parsed.diagnostics);
    units.push({ file, unit: parsed.unit, isLibrary: false });
  }
  const linked = link(units, kernelBuiltinTable(), 'kernel', { kernel: true });
  diagnostics.push(...linked.diagnostics);
  const errors = diagnostics.filter((d) => d.severity !== 'note');
  if (!linked.program || errors.length > 0) {
    // The kernel ships with Forkscope: a message here is Forkscope's own bug, never the user's.
    throw new Error(`the simulated kernel does not compile:\n${formatDiagnostics(errors, sources)}`);
  }
  const program = linked.program;
  const syscalls = new Map([...program.functions].filter(([name]) => name.startsWith('sys_')));
  const vdsoData = program.globals.get('_vdso_data');
  if (!vdsoData) throw new Error('the kernel has no _vdso_data');
  const vvar = new Map([['_vdso_data', vdsoData]]);
  const initTask = program.globals.get('init_task');
  if (initTask?.type.kind !== 'struct') throw new Error('the kernel has no init_task');
  const taskStruct = initTask.type;
  const member = (st: StructType, name: string): StructType => {
    const m = st.members?.find((x) => x.name === name);
    if (m?.type.kind !== 'pointer' || m.type.to.kind !== 'struct') throw new Error(`task_struct has no ${name}`);
    return m.type.to;
  };
  const cloneArgsFn = program.functions.get('kernel_clone');
  const argsType = cloneArgsFn?.type.params[0]?.type;
  if (argsType?.kind !== 'pointer' || argsType.to.kind !== 'struct') throw new Error('kernel_clone takes no kernel_clone_args');
  const moduleType = program.functions.get('free_module')?.type.params[0]?.type;
  if (moduleType?.kind !== 'pointer' || moduleType.to.kind !== 'struct') throw new Error('free_module takes no struct module');
  cached = { program, syscalls, vvar, taskStruct, mmStruct: member(taskStruct, 'mm'), fsStruct: member(taskStruct, 'fs'), cloneArgs: argsType.to, moduleStruct: moduleType.to, sources };
  return cached;
}
