// What the expression and statement compilers share: symbols, scopes, and the services of the
// program being linked (diagnostics, static data, string literals).
import type { SourcePos } from '../../lang/token';
import type { CType, FunctionType } from '../../lang/types';
import type { AddressSpace } from '../memory';
import type { Callee, FunctionCode } from '../thread';
import type { FunctionBuilder, Label } from './builder';

export type Sym =
  /** A variable with static storage, at a fixed address in the data or bss segment. */
  | { kind: 'global'; name: string; type: CType; addr: number; usedAt?: SourcePos }
  /** A function: `callee` is bound at link time (compiled code or a builtin). */
  | { kind: 'func'; name: string; type: FunctionType; addr: number; callee?: Callee; code?: FunctionCode; usedAt?: SourcePos }
  /** A local held in a register of the frame. */
  | { kind: 'reg'; name: string; type: CType; reg: number }
  /** A local in the frame's stack memory, at `offset` from the frame base. */
  | { kind: 'stack'; name: string; type: CType; offset: number }
  /** A variable-length array: carved from the stack at run time; registers hold its address and size. */
  | { kind: 'vla'; name: string; type: CType; addrReg: number; sizeReg: number };

export class Scope {
  private readonly names = new Map<string, Sym>();
  constructor(readonly parent?: Scope) {}
  lookup(name: string): Sym | undefined {
    for (let s: Scope | undefined = this; s; s = s.parent) {
      const v = s.names.get(name);
      if (v) return v;
    }
    return undefined;
  }
  /** The outermost scope: file scope. */
  root(): Scope {
    let s: Scope = this;
    while (s.parent) s = s.parent;
    return s;
  }
  /** The symbol declared in this very scope (for redefinition checks). */
  own(name: string): Sym | undefined {
    return this.names.get(name);
  }
  define(sym: Sym): void {
    this.names.set(sym.name, sym);
  }
}

/** Services of the program being linked. */
export interface UnitCtx {
  /** The program's initial memory image: initializers of static storage are written here. */
  readonly image: AddressSpace;
  error(pos: SourcePos, message: string): void;
  warn(pos: SourcePos, message: string): void;
  /** Address of a string literal's bytes (NUL added) in read-only data. */
  stringLiteral(bytes: Uint8Array): number;
  /** Storage for a static local or a file-scope compound literal (declared at `pos`). */
  allocStatic(type: CType, name: string, pos: SourcePos): number;
  /**
   * Whether a call to this function runs inside the expression that makes it (a builtin), rather than
   * as a call op with a frame of its own (pseudo-C code, which the thread must be able to stop inside).
   */
  isBuiltin(name: string): boolean;
  /** Declares `int name()` on first use of an undeclared function, as C89 did (gcc warns). */
  implicitFunction(name: string, pos: SourcePos): Sym;
}

export interface SwitchCtx {
  cases: { value: bigint; high: bigint; label: Label; pos: SourcePos }[];
  defaultLabel?: Label;
  type: CType;
}

export interface FnCtx {
  readonly unit: UnitCtx;
  b: FunctionBuilder;
  scope: Scope;
  readonly fnName: string;
  readonly ret: CType;
  /** Names of locals whose address is taken somewhere in the function: they must live in memory. */
  readonly addrTaken: ReadonlySet<string>;
  breakTargets: Label[];
  continueTargets: Label[];
  switchCtx: SwitchCtx | undefined;
  labels: Map<string, { label: Label; defined: boolean; pos: SourcePos }>;
  /** Where the function keeps the struct it returns (a hidden pointer in the frame), if it returns one. */
  readonly structRet: boolean;
  /** A system call's entry point: its returns go back to user mode through leaveSyscall. */
  readonly syscallEntry: boolean;
}
