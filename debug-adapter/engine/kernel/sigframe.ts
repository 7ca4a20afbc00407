// Signal delivery's register work (arch/x86/kernel/signal.c, asm/syscall.h), on the VM's frames: where
// the result of a system call is while the kernel decides what a signal does to it, rolling the call
// back so that it runs again, and the user-mode frame a handler starts in. The decisions themselves
// are the kernel's pseudo-C (kernel/signal_frame.c); these builtins only move registers and frames.
import type { BuiltinContext, BuiltinFn, Value } from '../vm/host';
import { Frame, type FunctionCode, type Thread } from '../vm/thread';

/** A frame with no locals in memory takes only a return address and a saved frame pointer (interpreter.ts). */
const MIN_FRAME = 16;
/** The largest errno a system call returns as -errno (include/linux/err.h's MAX_ERRNO). */
const MAX_ERRNO = 4095;
const EFAULT = 14;

/** The user frame a system call returned to, and the register that received its result. */
interface SyscallReturn {
  frame: Frame;
  retReg: number;
}

/** Per thread: the system call whose return to user mode the kernel is looking at, if any. */
const syscallReturns = new WeakMap<Thread, SyscallReturn>();

/**
 * Called on the way back to user mode, before the kernel runs exit_to_user_mode: after a system call
 * (`fromSyscall`) its frame has just been popped (the spare frame at `t.depth`), and `t.frame` is the
 * caller's; on any other way back (an interrupt) there is no call to restart.
 */
export function noteReturnToUser(t: Thread, fromSyscall: boolean): void {
  const popped = t.stack[t.depth];
  if (fromSyscall && popped && t.frame) syscallReturns.set(t, { frame: t.frame, retReg: popped.retReg });
  else syscallReturns.delete(t);
}

/** syscall_get_error: the call's result when it is an error (-errno), else 0. */
export function syscallGetError(t: Thread): number {
  const s = syscallReturns.get(t);
  if (!s || s.retReg < 0) return 0;
  const v = Number(s.frame.regs[s.retReg]);
  return v < 0 && v >= -MAX_ERRNO ? v : 0;
}

export function syscallSetReturnValue(t: Thread, value: number): void {
  const s = syscallReturns.get(t);
  if (s && s.retReg >= 0) s.frame.regs[s.retReg] = value;
}

/**
 * syscall_rollback with x86's `regs->ip -= 2`: the caller's program counter steps back onto the call
 * op, whose arguments are still in its registers, so returning to user mode makes the same call again.
 */
export function syscallRollback(t: Thread): void {
  const s = syscallReturns.get(t);
  if (!s) return;
  s.frame.pc--;
  syscallReturns.delete(t);
}

/**
 * setup_rt_frame's frame: `code` (the C library's sa_restorer), called with `args`, is slid in under
 * the kernel frames that entered from user mode, on the user stack just below the interrupted code.
 * When exit_to_user_mode returns, user mode resumes in it; when it returns, the interrupted code goes
 * on. The kernel frames above are patched to return to it: the first one's saved stack pointer and
 * the saved frame base of the first that set its own. Returns false when the user stack has no room.
 */
export function pushSignalFrame(t: Thread, code: FunctionCode, args: Value[]): boolean {
  let first = t.depth;
  while (first > 0 && t.stack[first - 1]!.code.inKernel) first--;
  if (first === 0 || first === t.depth) return false;
  const entry = t.stack[first]!;
  const setter = t.stack.slice(first, t.depth).find((f) => f.code.frameSize > MIN_FRAME);
  const userBp = setter ? setter.savedBp : t.bp;
  const userSp = entry.callerSp;
  const base = userSp - code.frameSize;
  if (base < t.stackLimit) return false;
  const regs: Value[] = new Array<Value>(code.nregs).fill(0);
  args.forEach((a, i) => (regs[i] = a));
  const frame = new Frame(code, regs, base, userSp, -1, 0, 0);
  const ownsBp = code.frameSize > MIN_FRAME;
  if (ownsBp) frame.savedBp = userBp;
  const frameBp = ownsBp ? base : userBp;
  if (setter) setter.savedBp = frameBp;
  else t.bp = frameBp;
  entry.callerSp = base;
  t.stack.splice(first, 0, frame);
  t.depth++;
  return true;
}

/** The thread of the task running the builtin: the kernel runs these only for the current task. */
type ThreadOf = (ctx: BuiltinContext) => Thread;

/** The builtins of linux/forkscope.h that this module implements. */
export function signalFrameBuiltins(threadOf: ThreadOf): Record<string, BuiltinFn> {
  const num = (v: Value | undefined): number => Number(v ?? 0);
  return {
    syscall_get_error: (ctx) => syscallGetError(threadOf(ctx)),
    syscall_set_return_value: (ctx, a) => syscallSetReturnValue(threadOf(ctx), num(a[1])),
    syscall_rollback: (ctx) => syscallRollback(threadOf(ctx)),
    // (restorer, handler, sig, sa_flags, si_code, si_pid, si_status, saved_mask): the restorer is called
    // with the rest, handler first.
    setup_rt_frame: (ctx, a) => {
      const t = threadOf(ctx);
      const restorer = t.callees.get(num(a[0]));
      if (restorer?.kind !== 'code') return -EFAULT;
      return pushSignalFrame(t, restorer.code, a.slice(1, 8)) ? 0 : -EFAULT;
    },
  };
}
