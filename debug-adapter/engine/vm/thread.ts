// The state of one thread of execution, as plain data: a stack of frames, each a function's code
// (shared, immutable), a program counter and a register file. Copying these objects copies the thread.
import type { SourcePos } from '../lang/token';
import type { CType, FunctionType } from '../lang/types';
import type { BuiltinContext, BuiltinFn, Value } from './host';
import type { AddressSpace } from './memory';

/**
 * One step of a compiled function. Ops read and write the thread; jumps set `t.frame.pc`. The run loops
 * also pass the current frame's registers (`t.r`), which the hottest ops use to save a load.
 */
export type Op = (t: Thread, r: Value[]) => void;
/** A compiled expression: computes a value from the thread's state. */
export type Ev = (t: Thread) => Value;

/** Where a local variable lives, for the debugger. */
export interface LocalInfo {
  name: string;
  type: CType;
  /** Register index, or -1 when the variable lives in stack memory at `offset` from the frame base. */
  reg: number;
  offset: number;
  /** Ops in [from, to) are inside the variable's scope. */
  from: number;
  to: number;
}

export interface FunctionCode {
  readonly name: string;
  readonly type: FunctionType;
  /** Part of the kernel: a frame of this function means the thread runs in kernel mode. */
  readonly inKernel: boolean;
  /** A system call's entry point: calling it from user mode moves to the task's kernel stack. */
  readonly syscallEntry: boolean;
  /** The function's address in the text segment: what a function pointer to it holds. */
  readonly addr: number;
  readonly pos: SourcePos;
  ops: Op[];
  /**
   * The same ops for the fast loop, where some are fused with the op after them (see
   * FunctionBuilder.fuseWithNext); same length and pcs as `ops`, so a thread can switch loops anywhere.
   */
  fastOps: Op[];
  /** Source position of each op. */
  opPos: SourcePos[];
  /** 1 where an op begins a statement: the places a line breakpoint or a step can stop. */
  stmtStart: Uint8Array;
  /** Size of the register file: parameters first, then locals and scratch registers. */
  nregs: number;
  /**
   * Bytes of stack a call takes, a multiple of 16: locals that live in memory (arrays, structs, variables
   * whose address is taken) plus a return address and a saved frame pointer.
   */
  frameSize: number;
  locals: LocalInfo[];
}

/** What a function pointer can point at: compiled pseudo-C, or a builtin implemented in TypeScript. */
export type Callee = { kind: 'code'; code: FunctionCode } | { kind: 'builtin'; name: string; fn: BuiltinFn; type: FunctionType };

/**
 * One activation of a function. Frame objects and their register arrays are reused by later calls at
 * the same depth (see enterFrame), and handed on to the next thread at a context switch (see
 * handSpareFramesTo), so a call allocates nothing; copies made for fork or snapshots are fresh objects.
 */
export class Frame {
  pc = 0;
  /** The thread's frame base before this frame set its own (kept only by frames with locals in memory). */
  savedBp = 0;
  constructor(
    public code: FunctionCode,
    public regs: Value[],
    /** Lowest address of this frame's stack memory. */
    public base: number,
    /** The caller's stack pointer, restored on return. */
    public callerSp: number,
    /** Caller's register that receives the return value, or -1. */
    public retReg: number,
    /** For a function returning a struct: where the caller wants it copied. */
    public retAddr: number,
    /** For a variadic function: address of the block of 8-byte argument slots after the named ones. */
    public varargs: number,
  ) {}

  clone(): Frame {
    const f = new Frame(this.code, this.regs.slice(0, this.code.nregs), this.base, this.callerSp, this.retReg, this.retAddr, this.varargs);
    f.pc = this.pc;
    f.savedBp = this.savedBp;
    return f;
  }
}

/**
 * How many spare frames a thread hands on when it stops (see handSpareFramesTo): deeper than any kernel
 * path, and a bound on what the pool can gather from tasks that stop at a shallower depth than they
 * woke at (a fork bomb's tens of thousands of exits would otherwise add a few frames each).
 */
const MAX_HANDED_SPARES = 64;

export class Thread {
  /** Frames by depth: [0, depth) are live, outermost first; those above are spares kept for reuse. */
  stack: Frame[] = [];
  depth = 0;
  /** The innermost live frame; undefined once the thread's first function has returned. */
  frame: Frame | undefined;
  /** `frame.regs` and `frame.base`, kept here so compiled code reaches them with one load. */
  r: Value[] = [];
  bp = 0;
  sp: number;
  /** The value the outermost function returned. */
  result: Value = 0;
  /** Steps executed so far. */
  steps = 0;
  /** Top of the task's kernel stack, where system calls run (0: none, as for a program run alone). */
  kstack = 0;
  /** Called when a system call returns (with its result `ret`): where the kernel delivers pending signals. */
  onSyscallReturn: ((t: Thread, ret: Value) => void) | undefined = undefined;

  constructor(
    public mem: AddressSpace,
    /** The process this thread belongs to, as the C library sees it. */
    public host: BuiltinContext,
    /** Every function by address, to call through function pointers. Shared, immutable; exec replaces it. */
    public callees: ReadonlyMap<number, Callee>,
    /** Stack pointer at start, and the lowest address the stack may grow to (RLIMIT_STACK). */
    sp: number,
    public stackLimit: number,
  ) {
    this.sp = sp;
  }

  /** The live frames, outermost first. */
  frames(): Frame[] {
    return this.stack.slice(0, this.depth);
  }

  /**
   * The CPU leaves this thread for `next`: the spare frames above the live ones go to `next`, whose
   * deeper calls reuse them instead of allocating. A stopped thread keeps only its own frames, so a
   * sleeping task costs little (a fork bomb has tens of thousands asleep).
   */
  handSpareFramesTo(next: Thread): void {
    const spares = this.stack;
    if (next !== this) {
      const room = MAX_HANDED_SPARES - (next.stack.length - next.depth);
      const end = Math.min(spares.length, this.depth + room);
      for (let i = this.depth; i < end; i++) next.stack.push(spares[i]!);
    }
    spares.length = this.depth;
  }

  /** The thread of a task that has died and will never run again: every frame it has goes to `next`. */
  retire(next: Thread): void {
    this.depth = 0;
    this.frame = undefined;
    this.r = [];
    this.handSpareFramesTo(next);
  }

  /**
   * fork's copy of the thread: its outermost `depth` frames copied (fork's child takes the user-mode
   * ones only), pointing at the new address space.
   */
  clone(mem: AddressSpace, host: BuiltinContext, depth = this.depth): Thread {
    const t = new Thread(mem, host, this.callees, this.sp, this.stackLimit);
    for (let i = 0; i < depth; i++) t.stack.push(this.stack[i]!.clone());
    t.depth = depth;
    t.frame = t.stack[t.depth - 1];
    if (t.frame) t.r = t.frame.regs;
    t.bp = this.bp;
    t.result = this.result;
    t.steps = this.steps;
    t.kstack = this.kstack;
    t.onSyscallReturn = this.onSyscallReturn;
    return t;
  }
}
