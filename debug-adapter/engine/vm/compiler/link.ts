// Turns parsed translation units (the user's program and the C library's pseudo-C sources) into one
// program: functions get addresses in the text segment, statics in the data segment, string literals in
// read-only data, and every call is bound to pseudo-C code or to a builtin.
import type { FunctionDef, TranslationUnit, VarDecl } from '../../lang/ast';
import type { Diagnostic } from '../../lang/diagnostics';
import { diagnostic } from '../../lang/diagnostics';
import type { SourcePos } from '../../lang/token';
import type { CType, FunctionType } from '../../lang/types';
import { alignOf, alignUp, isComplete, sameType, sizeOf, T, typeName } from '../../lang/types';
import type { BuiltinFn } from '../host';
import { AddressSpace, LAYOUT, PAGE_SIZE } from '../memory';
import type { Callee, FunctionCode } from '../thread';
import { FunctionBuilder } from './builder';
import { type FnCtx, Scope, type Sym, type UnitCtx } from './context';
import { compileInit, completeType } from './init';
import { compileFunction } from './stmt';
import { forEachExpr } from './walk';

export interface SourceUnit {
  file: string;
  unit: TranslationUnit;
  /** The C library's own sources: a user definition of the same name wins over theirs. */
  isLibrary: boolean;
}

export interface GlobalSymbol {
  name: string;
  type: CType;
  addr: number;
}

/** The linked program: immutable, shared by every process that runs it. */
export interface LinkedProgram {
  mainFile: string;
  /** The initial memory image (text, rodata, data). Each process starts from a copy-on-write copy. */
  image: AddressSpace;
  /** First address after the data segment: the program break starts here. */
  heapStart: number;
  callees: ReadonlyMap<number, Callee>;
  functions: ReadonlyMap<string, FunctionCode>;
  globals: ReadonlyMap<string, GlobalSymbol>;
}

const USER_TEXT_START = LAYOUT.textStart + PAGE_SIZE; // the first page holds the ELF header in a real process
const FUNC_ALIGN = 16;
const DATA_MAX = 256 * 1024 * 1024;

type FuncSym = Extract<Sym, { kind: 'func' }>;
type GlobalSym = Extract<Sym, { kind: 'global' }>;

export interface LinkOptions {
  /** The kernel's image rather than a user program: kernel addresses, no main, code runs in kernel mode. */
  kernel?: boolean;
  /** Functions another program defines (the kernel's system calls), bound where nothing here defines them. */
  externals?: ReadonlyMap<string, FunctionCode>;
  /** Globals another program defines (the kernel's init_task, for a module): an extern declaration binds to them. */
  externalGlobals?: ReadonlyMap<string, GlobalSymbol>;
  /** Where the text segment starts when not at its kind's default: a kernel module loads above the kernel. */
  textStart?: number;
}

export function link(sources: SourceUnit[], builtins: Readonly<Record<string, BuiltinFn>>, mainFile: string, options: LinkOptions = {}): { program?: LinkedProgram; diagnostics: Diagnostic[] } {
  const TEXT_START = options.textStart ?? (options.kernel ? LAYOUT.kernelText : USER_TEXT_START);
  const diagnostics: Diagnostic[] = [];
  // A loop's condition is compiled twice (tested before the first pass and after each): gcc reports a
  // message once per place, so an exact repeat is dropped.
  const reported = new Set<string>();
  const report = (severity: 'error' | 'warning', pos: SourcePos, m: string) => {
    const key = `${severity}\0${pos.file}\0${pos.line}\0${pos.col}\0${m}`;
    if (reported.has(key)) return;
    reported.add(key);
    diagnostics.push(diagnostic(severity, pos, m));
  };
  const error = (pos: SourcePos, m: string) => report('error', pos, m);
  const warn = (pos: SourcePos, m: string) => report('warning', pos, m);

  // ---- pass 1: which functions have pseudo-C definitions, and where every function lives
  const definitions = new Map<string, { def: FunctionDef; src: SourceUnit }>();
  for (const src of sources) {
    for (const d of src.unit.decls) {
      if (d.kind !== 'function' || d.isStatic) continue;
      const prev = definitions.get(d.name);
      if (prev && !prev.src.isLibrary && !src.isLibrary) error(d.pos, `redefinition of '${d.name}'`);
      else if (!prev || prev.src.isLibrary) definitions.set(d.name, { def: d, src });
    }
  }
  let nextFuncAddr = TEXT_START;
  const newFuncAddr = () => {
    const a = nextFuncAddr;
    nextFuncAddr += FUNC_ALIGN;
    return a;
  };
  const funcSyms = new Map<string, FuncSym>();
  const funcSym = (name: string, type: FunctionType): FuncSym => {
    let s = funcSyms.get(name);
    if (!s) {
      s = newFuncSym(name, type, newFuncAddr());
      funcSyms.set(name, s);
    }
    return s;
  };

  // ---- static data: read-only strings first, then the data segment
  const rodataStart = alignUp(TEXT_START + 64 * 1024, PAGE_SIZE); // text addresses are handed out below this
  const rodataSize = Math.max(PAGE_SIZE, alignUp(countStringBytes(sources), PAGE_SIZE));
  const dataStart = rodataStart + rodataSize + PAGE_SIZE;
  const image = new AddressSpace();
  image.map(TEXT_START, rodataStart - TEXT_START, 'rx', 'text');
  const rodata = image.map(rodataStart, rodataSize, 'rw', 'rodata'); // made read-only once filled
  const data = image.map(dataStart, DATA_MAX, 'rw', 'data');
  let rodataNext = rodataStart;
  let dataNext = dataStart;
  const strings = new Map<string, { bytes: Uint8Array; addr: number }>();
  /**
   * Room in the data segment for a static object. Past DATA_MAX (the machine's bound on a program's
   * memory) the object is an error at its declaration, and gets the segment's start so that the rest
   * of the program still compiles for the other diagnostics.
   */
  const allocStatic = (type: CType, name: string, pos: SourcePos): number => {
    const a = alignUp(dataNext, Math.max(alignOf(type), sizeOf(type) >= 16 ? 16 : 1));
    const end = a + Math.max(1, sizeOf(type));
    if (end > dataStart + DATA_MAX) {
      const what = name === 'compound literal' ? 'a compound literal' : `'${name}'`;
      error(pos, `${what} does not fit: a program's static data may take at most ${DATA_MAX / (1024 * 1024)} MiB in Forkscope`);
      return dataStart;
    }
    dataNext = end;
    return a;
  };


  const globals = new Map<string, GlobalSym>();
  const globalDefined = new Set<string>();
  const functions = new Map<string, FunctionCode>();
  const callees = new Map<number, Callee>();
  const units: { src: SourceUnit; scope: Scope }[] = [];

  // Every non-static global gets its address before any code is compiled: a function may use one that
  // is defined later, or in another unit (the user's program uses the C library's stdout).
  const declaredAt = new Map<string, SourcePos>();
  for (const src of sources) {
    for (const d of src.unit.decls) {
      if (d.kind !== 'var' || d.type.kind === 'function' || d.storage === 'static') continue;
      if (d.storage === 'extern' && !d.init) continue;
      let type = d.init ? completeType(d.type, d.init) : d.type;
      const g = globals.get(d.name);
      if (g) {
        if (g.type.kind === 'array' && g.type.length === undefined && type.kind === 'array' && type.length !== undefined) g.type = type;
        continue;
      }
      if (type.kind === 'array' && type.length === undefined) type = { ...type, length: 1 }; // int a[]; at file scope: one element, as gcc
      globals.set(d.name, { kind: 'global', name: d.name, type, addr: 0 });
      declaredAt.set(d.name, d.pos);
    }
  }
  for (const g of globals.values()) if (isComplete(g.type)) g.addr = allocStatic(g.type, g.name, declaredAt.get(g.name)!);

  for (const src of sources) {
    const scope = new Scope();
    units.push({ src, scope });
    const unitCtx: UnitCtx = {
      image,
      error,
      warn,
      stringLiteral(bytes) {
        // Identical literals share their bytes, as gcc merges them.
        const key = `${bytes.length}:${hash(bytes)}`;
        const same = strings.get(key);
        if (same && equalBytes(same.bytes, bytes)) return same.addr;
        const addr = rodataNext;
        image.writeBytes(addr, bytes);
        image.write8(addr + bytes.length, 0);
        rodataNext += bytes.length + 1;
        if (!same) strings.set(key, { bytes, addr });
        return addr;
      },
      allocStatic,
      isBuiltin: (name) => !definitions.has(name) && Object.hasOwn(builtins, name),
      implicitFunction(name, pos) {
        warn(pos, `implicit declaration of function '${name}' [-Wimplicit-function-declaration]`);
        const s = funcSyms.get(name) ?? funcSym(name, { kind: 'function', ret: T.int, params: [], variadic: false, unprototyped: true });
        scope.define(s);
        return s;
      },
    };
    const fileCtx: FnCtx = {
      unit: unitCtx, b: new FunctionBuilder('', { kind: 'function', ret: T.void, params: [], variadic: false, unprototyped: false }, 0, { file: src.file, line: 1, col: 1 }),
      scope, fnName: '', ret: T.void, addrTaken: new Set(), breakTargets: [], continueTargets: [], switchCtx: undefined, labels: new Map(), structRet: false, syscallEntry: false,
    };

    for (const d of src.unit.decls) {
      if (d.kind === 'function' || d.type.kind === 'function') {
        const type = d.type as FunctionType;
        const isStatic = d.kind === 'function' ? d.isStatic : d.storage === 'static';
        let sym: FuncSym;
        const existing = scope.own(d.name);
        if (existing && existing.kind !== 'func') {
          error(d.pos, `'${d.name}' redeclared as different kind of symbol`);
          continue;
        }
        if (existing) {
          if (!compatibleFunctions(existing.type, type)) error(d.pos, `conflicting types for '${d.name}'; have '${typeName(type)}'`);
          else if (existing.type.unprototyped && !type.unprototyped) existing.type = type;
          sym = existing;
        } else if (isStatic) sym = newFuncSym(d.name, type, newFuncAddr());
        else {
          sym = funcSym(d.name, type);
          if (!compatibleFunctions(sym.type, type)) error(d.pos, `conflicting types for '${d.name}'; have '${typeName(type)}'`);
          else if (sym.type.unprototyped && !type.unprototyped) sym.type = type;
        }
        scope.define(sym);
        if (d.kind === 'function') {
          if (!isStatic && definitions.get(d.name)?.def !== d) continue; // a library definition the user's replaces
          if (sym.code) {
            error(d.pos, `redefinition of '${d.name}'`);
            continue;
          }
          const code = compileFunction(unitCtx, d, sym.addr, scope, options.kernel ?? false);
          sym.code = code;
          sym.callee = { kind: 'code', code };
          callees.set(sym.addr, sym.callee);
          if (!isStatic) functions.set(d.name, code);
        }
        continue;
      }
      declareGlobal(d, scope, fileCtx);
    }
  }

  function declareGlobal(d: VarDecl, scope: Scope, fileCtx: FnCtx): void {
    const type = d.init ? completeType(d.type, d.init) : d.type;
    const isStatic = d.storage === 'static';
    const existing = scope.own(d.name) ?? (isStatic ? undefined : globals.get(d.name));
    let sym: GlobalSym;
    if (existing && existing.kind !== 'global') {
      error(d.pos, `'${d.name}' redeclared as different kind of symbol`);
      return;
    }
    if (existing) {
      sym = existing;
      if (!sameType(sym.type, type) && !(sym.type.kind === 'array' && type.kind === 'array' && sameType(sym.type.of, type.of))) {
        error(d.pos, `conflicting types for '${d.name}'; have '${typeName(type)}'`);
        return;
      }
      if (sym.type.kind === 'array' && sym.type.length === undefined && type.kind === 'array' && type.length !== undefined) sym.type = type;
    } else {
      sym = { kind: 'global', name: d.name, type, addr: 0 };
      if (!isStatic) globals.set(d.name, sym);
    }
    scope.define(sym);
    const defines = d.storage !== 'extern' || d.init !== undefined;
    if (!defines) {
      // Before any code uses it: compiled accesses capture the address.
      const ext = sym.addr === 0 ? options.externalGlobals?.get(d.name) : undefined;
      if (ext) sym.addr = ext.addr;
      return;
    }
    if (sym.addr === 0) {
      if (!isComplete(sym.type)) {
        if (sym.type.kind === 'array' && sym.type.length === undefined) sym.type = { ...sym.type, length: 1 }; // int a[]; at file scope: one element, as gcc
        else {
          error(d.pos, `storage size of '${d.name}' isn't known`);
          return;
        }
      }
      sym.addr = allocStatic(sym.type, d.name, d.pos);
    }
    if (d.init) {
      const key = isStatic ? '' : d.name;
      if (key && globalDefined.has(key)) {
        error(d.pos, `redefinition of '${d.name}'`);
        return;
      }
      if (key) globalDefined.add(key);
      compileInit(fileCtx, sym, d.init, d.pos);
    }
  }

  // ---- binding: builtins, and references nothing defines
  for (const [name, s] of funcSyms) {
    if (s.callee) continue;
    const b = Object.hasOwn(builtins, name) ? builtins[name] : undefined;
    const ext = options.externals?.get(name);
    if (b) {
      s.callee = { kind: 'builtin', name, fn: b, type: s.type };
      callees.set(s.addr, s.callee);
    } else if (ext) {
      s.code = ext;
      s.callee = { kind: 'code', code: ext };
      callees.set(s.addr, s.callee);
    } else if (s.usedAt) error(s.usedAt, `undefined reference to '${name}'`);
  }
  for (const [name, g] of globals) if (g.addr === 0 && g.usedAt) error(g.usedAt, `undefined reference to '${name}'`);
  if (!options.kernel && !functions.get('main') && !diagnostics.some((d) => d.severity === 'error')) error({ file: mainFile, line: 1, col: 1 }, "undefined reference to 'main'");

  image.updateVma(rodata.start, { prot: 'r' });
  image.updateVma(data.start, { end: alignUp(Math.max(dataNext, dataStart + 1), PAGE_SIZE) });
  if (diagnostics.some((d) => d.severity === 'error')) return { diagnostics };
  const globalsOut = new Map<string, GlobalSymbol>();
  for (const [name, g] of globals) globalsOut.set(name, { name, type: g.type, addr: g.addr });
  return {
    diagnostics,
    program: { mainFile, image, heapStart: data.end, callees, functions, globals: globalsOut },
  };
}

/**
 * Every field present from the start: call ops read `code` from these objects on every call, and
 * objects that gained fields in different orders would have different hidden classes and slow that read.
 */
function newFuncSym(name: string, type: FunctionType, addr: number): FuncSym {
  return { kind: 'func', name, type, addr, callee: undefined, code: undefined, usedAt: undefined };
}

function compatibleFunctions(a: FunctionType, b: FunctionType): boolean {
  if (!sameType(a.ret, b.ret)) return false;
  if (a.unprototyped || b.unprototyped) return true;
  return a.variadic === b.variadic && a.params.length === b.params.length && a.params.every((p, i) => sameType(p.type, b.params[i]!.type));
}

/** Bytes all string literals (and function names, for __func__) could need in read-only data. */
function countStringBytes(sources: SourceUnit[]): number {
  let n = 0;
  for (const s of sources) {
    for (const d of s.unit.decls) {
      if (d.kind === 'function') n += d.name.length + 1;
      forEachExpr(d, (e) => {
        if (e.kind === 'string') n += e.bytes.length + 1;
      });
    }
  }
  return n;
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function hash(bytes: Uint8Array): number {
  let h = 2166136261;
  for (const b of bytes) h = Math.imul(h ^ b, 16777619);
  return h >>> 0;
}
