// Runs a thread's ops. Calls and returns move between frames on the thread's own stack, so no host
// recursion ever holds program state: the thread can stop after any op and resume later.
import type { Value } from './host';
import { SIGSEGV, SignalFault } from './faults';
import { Frame, type FunctionCode, type Thread } from './thread';

/** The frame size of a function with no locals in memory: just the return address and saved frame pointer. */
const MIN_FRAME = 16;

/**
 * Pushes a frame for `code` and returns its registers, for the caller to store the arguments in
 * registers 0..n-1. Arguments must be evaluated before: they read the caller's registers.
 * The frame's retAddr and varargs are left as they were: only calls that use them (see call.ts) set them.
 */
export function enterFrame(t: Thread, code: FunctionCode, retReg: number): Value[] {
  // Kept small so that V8 inlines it into every call op; the rare paths are functions of their own.
  const callerSp = t.sp;
  // frameSize is a multiple of 16 that includes a return address and a saved frame pointer, and the
  // stack pointer stays 16-byte aligned, as the x86-64 ABI keeps it; so runaway recursion exhausts the
  // 8 MiB stack after as many calls as it would natively.
  const sp = callerSp - code.frameSize;
  if (sp < t.stackLimit) stackOverflow(code);
  const f = t.stack[t.depth] ?? newFrame(t, code);
  f.code = code;
  f.pc = 0;
  f.base = sp;
  f.callerSp = callerSp;
  f.retReg = retReg;
  // A reused register array keeps stale values: the compiler writes every register before reading it
  // (parameters by the caller, locals at their declaration, scratch registers before use).
  const regs = f.regs;
  if (regs.length < code.nregs) growRegisters(regs, code.nregs);
  t.depth++;
  t.frame = f;
  t.r = regs;
  // Only a function with locals in memory reads the frame base: it alone sets t.bp, saving the old value
  // to restore when it returns, so calls to functions without such locals skip both writes.
  if (code.frameSize > MIN_FRAME) {
    f.savedBp = t.bp;
    t.bp = sp;
  }
  t.sp = sp;
  return regs;
}

function stackOverflow(code: FunctionCode): never {
  throw new SignalFault(SIGSEGV, `stack overflow in ${code.name}()`);
}

function newFrame(t: Thread, code: FunctionCode): Frame {
  const f = new Frame(code, genericArray(), 0, 0, -1, 0, 0);
  t.stack.push(f);
  return f;
}

/**
 * An empty array whose elements kind is already V8's most general one. Register arrays are reused by
 * functions that store ints, pointers and bigints; starting general keeps every register access
 * monomorphic instead of seeing arrays of three kinds.
 */
function genericArray(): Value[] {
  const a: unknown[] = [''];
  a.pop();
  return a as Value[];
}

function growRegisters(regs: Value[], n: number): void {
  while (regs.length < n) regs.push(0);
}

/** Pops the innermost frame, handing `value` to the caller's destination register. */
export function leaveFrame(t: Thread, value: Value): void {
  const f = t.stack[--t.depth]!;
  t.sp = f.callerSp;
  if (t.depth === 0) {
    t.frame = undefined;
    t.result = value;
    return;
  }
  const caller = t.stack[t.depth - 1]!;
  t.frame = caller;
  t.r = caller.regs;
  if (f.code.frameSize > MIN_FRAME) t.bp = f.savedBp;
  if (f.retReg >= 0) caller.regs[f.retReg] = value;
}

/**
 * The first op of a system call's entry function: entered from user mode, its frame moves from the
 * user's stack to the task's kernel stack, as the syscall instruction's entry code switches stacks.
 * (A check here, rather than in enterFrame, keeps every other call free of it.)
 */
export function enterKernelStack(t: Thread): void {
  const f = t.frame!;
  const caller = t.stack[t.depth - 2];
  if (t.kstack === 0 || caller === undefined || caller.code.inKernel) return;
  const sp = t.kstack - f.code.frameSize;
  f.base = sp;
  t.sp = sp;
  if (f.code.frameSize > MIN_FRAME) t.bp = sp;
}

/** A system call's return to user mode: where the kernel acts on pending signals. */
export function leaveSyscall(t: Thread, value: Value): void {
  leaveFrame(t, value);
  if (t.onSyscallReturn) t.onSyscallReturn(t, value);
}

/**
 * Executes up to `budget` ops and returns how many ran. Faults and exits propagate as exceptions
 * (see faults.ts); the steps run before them are still counted in `t.steps`.
 */
export function execute(t: Thread, budget: number): number {
  let f = t.frame;
  if (f === undefined) return 0;
  let ops = f.code.fastOps;
  let r = f.regs;
  let n = 0;
  // The kernel's memory is there for kernel code only: each move between user and kernel functions
  // changes what the thread's memory maps (see AddressSpace.setKernelMode).
  let inKernel = f.code.inKernel;
  t.mem.setKernelMode(inKernel);
  try {
    while (n < budget) {
      n++;
      ops[f.pc++]!(t, r);
      if (t.frame !== f) {
        f = t.frame;
        if (f === undefined) break;
        ops = f.code.fastOps;
        r = f.regs;
        if (f.code.inKernel !== inKernel) {
          inKernel = f.code.inKernel;
          t.mem.setKernelMode(inKernel);
        }
      }
    }
  } finally {
    t.steps += n;
  }
  return n;
}
