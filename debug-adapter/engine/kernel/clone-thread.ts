// copy_thread's half for a clone given a stack of its own (threads, and clone() used directly): the
// child does not copy its parent's frames, it starts afresh on that stack. The C library's clone()
// pushed fn and arg onto it before the system call; the child pops them and calls fn(arg) through the
// library's __clone_thread_start, which exits with fn's result: what glibc's clone.S does in assembly.
import type { LinkedProgram } from '../vm/compiler/link';
import type { BuiltinContext } from '../vm/host';
import { enterFrame } from '../vm/interpreter';
import { type AddressSpace, MemoryFault } from '../vm/memory';
import { type Callee, Thread } from '../vm/thread';

/** The C library function a cloned child starts in (sysroot/lib/clone.c). */
const THREAD_START = '__clone_thread_start';
const EFAULT = 14;

/** The new task's thread, ready to run fn(arg) in user mode on `newsp`; -EFAULT when the stack is unmapped. */
export function startClonedThread(space: AddressSpace, ctx: BuiltinContext, callees: ReadonlyMap<number, Callee>, program: LinkedProgram, newsp: number): Thread | number {
  const start = program.functions.get(THREAD_START);
  if (!start) throw new Error(`the C library has no ${THREAD_START}()`);
  let fn: number;
  let arg: number;
  let stackVma;
  try {
    fn = space.readPtr(newsp);
    arg = space.readPtr(newsp + 8);
    stackVma = space.findVma(newsp);
  } catch (e) {
    if (e instanceof MemoryFault) return -EFAULT;
    throw e;
  }
  // The stack is a block of the heap (pthread_create mallocs it) or any other mapping: without a guard
  // page of its own, the lowest address it may grow to is the start of that mapping.
  const thread = new Thread(space, ctx, callees, newsp + 16, stackVma?.start ?? 0);
  const regs = enterFrame(thread, start, -1);
  regs[0] = fn;
  regs[1] = arg;
  return thread;
}
