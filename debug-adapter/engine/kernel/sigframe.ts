// Signal delivery's register work (arch/x86/kernel/signal.c, asm/syscall.h), on the VM's frames: where
// the result of a system call is while the kernel decides what a signal does to it, rolling the call
// back so that it runs again, and the user-mode frame a handler starts in. The decisions themselves
// are the kernel's pseudo-C (kernel/signal_frame.c); these builtins only move registers and frames.
import { findMember, type StructType } from '../lang/types';
import type { BuiltinContext, BuiltinFn, Value } from '../vm/host';
import { type AddressSpace, MemoryFault } from '../vm/memory';
import { SIGSEGV, type SignalFault } from '../vm/faults';
import { Frame, type FunctionCode, type Thread } from '../vm/thread';
import { syscallNr } from './syscall-table';

/** A frame with no locals in memory takes only a return address and a saved frame pointer (interpreter.ts). */
const MIN_FRAME = 16;
/** The largest errno a system call returns as -errno (include/linux/err.h's MAX_ERRNO). */
const MAX_ERRNO = 4095;
const EFAULT = 14;
/**
 * What x86-64's get_sigframe puts on the user stack under the interrupted code besides the handler's
 * own frame: the 128-byte red zone it skips, the saved FPU state (an AVX xsave area, 832 bytes) and
 * struct rt_sigframe (return address, ucontext and siginfo: 440 bytes), rounded up to 16. A stack
 * too full for it (an overflow) cannot take a handler, as on Linux.
 */
const RT_SIGFRAME_SPACE = 1408;

/** The user frame a system call returned to, the register that received its result, and the call's number. */
interface SyscallReturn {
  frame: Frame;
  retReg: number;
  /** orig_ax: the call's number, which a restart reloads into ax. */
  nr: number;
}

/**
 * The user-mode registers that matter while the kernel decides what a signal does (x86's pt_regs):
 * ax, the result the interrupted code is about to get, and the system call it returns from, if any.
 * The rest of the interrupted code's state is its VM frames, which stay as they are.
 */
interface UserRegs {
  ax: number;
  syscall?: SyscallReturn;
  /** A restart_syscall frame put in for -ERESTART_RESTARTBLOCK, not entered yet (see syscallRestartBlock). */
  restart?: Frame;
}

/** Per thread: the registers of the return to user mode the kernel is looking at. */
const userRegs = new WeakMap<Thread, UserRegs>();

/**
 * Called on the way back to user mode, before the kernel runs exit_to_user_mode: after a system call
 * (`fromSyscall`) its frame has just been popped (the spare frame at `t.depth`), `t.frame` is the
 * caller's and `ret` the call's result; on any other way back (an interrupt, a fault) there is no call
 * to restart, and ax holds whatever the interrupted code had in it, which Forkscope's ops, keeping their
 * values in the frame's registers, leave as 0.
 */
export function noteReturnToUser(t: Thread, fromSyscall: boolean, ret = 0): void {
  const popped = t.stack[t.depth];
  if (fromSyscall && popped && t.frame) userRegs.set(t, { ax: ret, syscall: { frame: t.frame, retReg: popped.retReg, nr: syscallNr(popped.code.name) } });
  else userRegs.set(t, { ax: 0 });
}

/** syscall_get_error: ax when the way back is a system call's and ax is an error (-errno), else 0. */
export function syscallGetError(t: Thread): number {
  const regs = userRegs.get(t);
  if (!regs?.syscall) return 0;
  return regs.ax < 0 && regs.ax >= -MAX_ERRNO ? regs.ax : 0;
}

export function syscallSetReturnValue(t: Thread, value: number): void {
  const regs = userRegs.get(t);
  const s = regs?.syscall;
  if (!regs || !s) return;
  regs.ax = value;
  if (s.retReg >= 0) s.frame.regs[s.retReg] = value;
}

/**
 * syscall_rollback with x86's `regs->ip -= 2`: ax gets the call's number back (orig_ax), and the
 * caller's program counter steps back onto the call op, whose arguments are still in its registers,
 * so returning to user mode makes the same call again.
 */
export function syscallRollback(t: Thread): void {
  const regs = userRegs.get(t);
  const s = regs?.syscall;
  if (!regs || !s) return;
  regs.ax = s.nr;
  s.frame.pc--;
}

/** The first of the kernel frames above the interrupted user code: the one entered from user mode. */
function kernelEntryIndex(t: Thread): number {
  const restart = userRegs.get(t)?.restart;
  let first = t.depth;
  while (first > 0 && t.stack[first - 1]!.code.inKernel && t.stack[first - 1] !== restart) first--;
  return first;
}

/** The user's frame base as it was when the kernel was entered: saved by the first kernel frame that set its own. */
function userBpAt(t: Thread, first: number): { userBp: number; setter: Frame | undefined } {
  const setter = t.stack.slice(first, t.depth).find((f) => f.code.frameSize > MIN_FRAME);
  return { userBp: setter ? setter.savedBp : t.bp, setter };
}

/**
 * x86's `regs->ax = __NR_restart_syscall; regs->ip -= 2` for a call that returned
 * -ERESTART_RESTARTBLOCK with no handler to run: the user code makes the restart_syscall system call
 * where it made the interrupted one. The call op cannot be given another callee, so `restart`
 * (sys_restart_syscall) is put in as if that op had just called it: above the user frame, under the
 * kernel frames on their way back, its result going where the interrupted call's would have. A handler
 * set up afterwards runs before it, as its frame saves the rolled-back ip (pushSignalFrame puts it above).
 */
export function syscallRestartBlock(t: Thread, restart: FunctionCode): void {
  const regs = userRegs.get(t);
  const s = regs?.syscall;
  if (!regs || !s || regs.restart) return;
  const first = kernelEntryIndex(t);
  const entry = t.stack[first];
  if (first === 0 || !entry || t.stack[first - 1] !== s.frame) return;
  const frame = new Frame(restart, new Array<Value>(restart.nregs).fill(0), entry.callerSp, entry.callerSp, s.retReg, 0, 0);
  if (restart.frameSize > MIN_FRAME) frame.savedBp = userBpAt(t, first).userBp;
  t.stack.splice(first, 0, frame);
  t.depth++;
  regs.ax = syscallNr(restart.name);
  regs.restart = frame;
}

/**
 * Where struct rt_sigframe's ucontext keeps what rt_sigreturn reads (x86-64's uapi struct ucontext:
 * uc_flags, uc_link, uc_stack, then uc_mcontext, struct sigcontext, whose ax is its 14th word, and
 * uc_sigmask after it). sysroot/include/linux/signal.h declares the same layout for the kernel's C.
 */
const UCONTEXT_SIZE = 304;
const UC_MCONTEXT = 40;
const SIGCONTEXT_AX = UC_MCONTEXT + 13 * 8;
const SIGCONTEXT_OLDMASK = UC_MCONTEXT + 128 + 40;
const UC_SIGMASK = 296;

/**
 * setup_rt_frame's frame: `code` (the C library's sa_restorer), called with `args` and then the address
 * of the frame's ucontext, is slid in under the kernel frames that entered from user mode, on the user
 * stack just below the interrupted code, with struct rt_sigframe (its return address, the ucontext:
 * the saved ax and `mask`) above it. When exit_to_user_mode returns, user mode resumes in it; when it
 * returns, the interrupted code goes on. The kernel frames above are patched to return to it: the
 * first one's saved stack pointer and the saved frame base of the first that set its own. As x86's
 * setup_rt_frame does, ax is 0 for the handler. Returns false when the user stack has no room.
 */
export function pushSignalFrame(t: Thread, code: FunctionCode, args: Value[], mask: Value): boolean {
  const regsNow = userRegs.get(t) ?? { ax: 0 };
  const first = kernelEntryIndex(t);
  if (first === 0 || first === t.depth) return false;
  const entry = t.stack[first]!;
  const { userBp, setter } = userBpAt(t, first);
  const userSp = entry.callerSp;
  const base = userSp - RT_SIGFRAME_SPACE - code.frameSize;
  if (base < t.stackLimit) return false;
  // struct rt_sigframe: its return address (pretcode), then the ucontext.
  const uc = base + code.frameSize + 8;
  t.mem.writeBytes(uc, new Uint8Array(UCONTEXT_SIZE));
  t.mem.write64(uc + SIGCONTEXT_AX, regsNow.ax);
  t.mem.write64(uc + SIGCONTEXT_OLDMASK, mask);
  t.mem.write64(uc + UC_SIGMASK, mask);
  const regs: Value[] = new Array<Value>(code.nregs).fill(0);
  [...args, uc].forEach((a, i) => (regs[i] = a));
  const frame = new Frame(code, regs, base, userSp, -1, 0, 0);
  const ownsBp = code.frameSize > MIN_FRAME;
  if (ownsBp) frame.savedBp = userBp;
  const frameBp = ownsBp ? base : userBp;
  if (setter) setter.savedBp = frameBp;
  else t.bp = frameBp;
  entry.callerSp = base;
  t.stack.splice(first, 0, frame);
  t.depth++;
  userRegs.set(t, { ...regsNow, ax: 0 });
  return true;
}

/** The page fault's error code bits (kernel/traps.c has the same): protection, write, user mode. */
const X86_PF_PROT = 0x1;
const X86_PF_WRITE = 0x2;
const X86_PF_USER = 0x4;
/** handle_mm_fault's result for a mapping with no page to give (a file mapping past the file's end). */
const VM_FAULT_SIGBUS = 0x2;

/** The kernel function each user-mode fault's signal traps into (kernel/traps.c). */
const TRAP_ENTRIES: ReadonlyMap<number, string> = new Map([
  [11, 'exc_page_fault'], // SIGSEGV: a bad pointer, or the stack's guard page
  [8, 'exc_divide_error'], // SIGFPE: integer division by zero (or INT_MIN / -1)
  [4, 'exc_invalid_op'], // SIGILL
]);

/**
 * A fault the running op raised in user mode becomes a trap into the kernel: the op is rolled back, as
 * the CPU leaves a faulting instruction's address for the handler to return to (a signal handler that
 * returns runs it again), and the way back to user mode has no system call to restart. Returns the
 * kernel function to enter with its arguments (traps.c: the page fault's address and error code, or
 * the faulting code's address), or undefined for a fault in kernel mode, which has no user code to resume.
 */
export function trapUserFault(t: Thread, fault: SignalFault | MemoryFault): { entry: string; args: number[] } | undefined {
  const f = t.frame;
  const sig = fault instanceof MemoryFault ? SIGSEGV : fault.signal;
  const entry = TRAP_ENTRIES.get(sig);
  if (!f || f.code.inKernel || entry === undefined) return undefined;
  let args: number[];
  if (fault instanceof MemoryFault) {
    const errorCode = (fault.reason === 'protection' ? X86_PF_PROT : 0) | (fault.access === 'write' ? X86_PF_WRITE : 0) | X86_PF_USER;
    args = [fault.addr, errorCode, fault.reason === 'sigbus' ? VM_FAULT_SIGBUS : 0];
  } else if (sig === SIGSEGV) {
    // The stack's guard page: a frame pushed past the stack's limit writes just below it.
    args = [t.stackLimit - 8, X86_PF_WRITE | X86_PF_USER, 0];
  } else {
    args = [f.code.addr];
  }
  // A fault in a call op after its callee's frame was entered leaves that frame at its first op.
  if (f.pc > 0) f.pc--;
  noteReturnToUser(t, false);
  return { entry, args };
}

/** Where signal_pending()'s words are: the task's own pending and blocked sets, its process's shared set. */
export interface SigpendingLayout {
  pending: number;
  blocked: number;
  signal: number;
  sharedPending: number;
}

export function sigpendingLayout(taskStruct: StructType): SigpendingLayout {
  const offset = (s: StructType, name: string) => {
    const m = findMember(s, name);
    if (!m) throw new Error(`struct ${s.tag} has no member ${name}`);
    return m;
  };
  const signal = offset(taskStruct, 'signal');
  const signalStruct = signal.member.type.kind === 'pointer' ? signal.member.type.to : undefined;
  if (signalStruct?.kind !== 'struct') throw new Error('task_struct.signal is not a struct pointer');
  return {
    pending: offset(taskStruct, 'pending').offset,
    blocked: offset(taskStruct, 'blocked').offset,
    signal: signal.offset,
    sharedPending: offset(signalStruct, 'shared_pending').offset,
  };
}

/**
 * signal_pending(): (pending | signal->shared_pending) & ~blocked. It runs on every return to user
 * mode, so the 64-bit sets are compared as 32-bit halves, without bigints.
 */
export function signalPendingAt(kmem: AddressSpace, ts: number, at: SigpendingLayout): boolean {
  const signal = kmem.readPtr(ts + at.signal);
  const pending = ts + at.pending;
  const blocked = ts + at.blocked;
  let lo = kmem.readI32(pending);
  let hi = kmem.readI32(pending + 4);
  // A task past release_task's __exit_signal has no signal_struct left.
  if (signal !== 0) {
    lo |= kmem.readI32(signal + at.sharedPending);
    hi |= kmem.readI32(signal + at.sharedPending + 4);
  }
  return (lo & ~kmem.readI32(blocked)) !== 0 || (hi & ~kmem.readI32(blocked + 4)) !== 0;
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
    // (restorer, handler, sig, sa_flags, si_code, si_pid, si_value, saved_mask): the restorer is called
    // with the handler and the signal's details, then the ucontext that saves the mask.
    setup_rt_frame: (ctx, a) => {
      const t = threadOf(ctx);
      const restorer = t.callees.get(num(a[0]));
      if (restorer?.kind !== 'code') return -EFAULT;
      return pushSignalFrame(t, restorer.code, a.slice(1, 7), a[7] ?? 0) ? 0 : -EFAULT;
    },
    // (task, sys_restart_syscall): the entry the rolled-back call goes to, as __NR_restart_syscall
    // selects it from the system call table.
    syscall_restart_block: (ctx, a) => {
      const t = threadOf(ctx);
      const restart = t.callees.get(num(a[1]));
      if (restart?.kind === 'code') syscallRestartBlock(t, restart.code);
    },
  };
}
