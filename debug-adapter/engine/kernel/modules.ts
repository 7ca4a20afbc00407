// Loadable kernel modules, host side: a C file that uses module_init compiles as kernel code, linked
// against the running kernel's functions and globals at module addresses; init_module's ELF loader
// (load_module_sections, called from kernel/module/main.c) maps its sections into a machine's kernel
// memory and lets the kernel's threads call its functions.
import type { TranslationUnit } from '../lang/ast';
import type { Diagnostic } from '../lang/diagnostics';
import { type LinkedProgram, link, type SourceUnit } from '../vm/compiler/link';
import type { AddressSpace } from '../vm/memory';
import { kernelBuiltinTable, kernelImage } from './image';

/** Where modules load (Linux's MODULES_VADDR, 0xffffffffa0000000, as a look-alike below 2^53). */
export const MODULES_VADDR = 0x1fffffa0000000;

/** The symbols module_init and module_exit define (linux/module.h). */
const INIT_SYMBOL = '__initcall_init_module';
const EXIT_SYMBOL = '__exitcall_cleanup_module';

const linkedModules = new WeakSet<LinkedProgram>();

/** Whether a parsed file is a module: it names its init function with module_init. */
export function isModuleUnit(unit: TranslationUnit): boolean {
  return unit.decls.some((d) => d.kind === 'var' && d.name === INIT_SYMBOL);
}

export function isLinkedModule(program: LinkedProgram): boolean {
  return linkedModules.has(program);
}

/** Links a module: kernel-mode code that binds what it does not define to the kernel's symbols. */
export function linkModule(source: SourceUnit): { program?: LinkedProgram; diagnostics: Diagnostic[] } {
  const kernel = kernelImage().program;
  const linked = link([source], kernelBuiltinTable(), source.file, {
    kernel: true,
    textStart: MODULES_VADDR,
    externals: kernel.functions,
    externalGlobals: kernel.globals,
  });
  if (linked.program) linkedModules.add(linked.program);
  return linked;
}

export interface LoadedModule {
  /** The name lsmod shows: the file's, with dashes as underscores. */
  name: string;
  init: number;
  exit: number;
}

/**
 * Maps a module's sections into kernel memory (a fresh copy of its data each load, as reading the .ko
 * again gives) and returns its name and the addresses of its init and exit functions (0 if none).
 */
export function mapModule(kmem: AddressSpace, module: LinkedProgram): LoadedModule {
  for (const vma of module.image.vmas) {
    if (vma.name === 'text') continue; // code is the compiled functions; the text pages hold no bytes
    const len = vma.end - vma.start;
    if (!kmem.findVma(vma.start)) kmem.map(vma.start, len, 'rw', `module ${vma.name}`);
    kmem.writeBytes(vma.start, module.image.readBytes(vma.start, len));
  }
  kmem.invalidate();
  const pointer = (symbol: string): number => {
    const g = module.globals.get(symbol);
    return g ? module.image.readPtr(g.addr) : 0;
  };
  const file = module.mainFile.split('/').pop()!.replace(/\.c$/, '');
  return { name: file.replace(/-/g, '_'), init: pointer(INIT_SYMBOL), exit: pointer(EXIT_SYMBOL) };
}
