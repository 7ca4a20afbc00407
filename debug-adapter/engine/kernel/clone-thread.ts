// copy_thread's half for a clone given a stack of its own (threads, and clone() used directly): the
// child does not copy its parent's frames, it starts afresh on that stack. The C library's clone()
// pushed fn and arg onto it before the system call; the child pops them and calls fn(arg) through the
// library's __clone_thread_start, which exits with fn's result: what glibc's clone.S does in assembly.
// glibc's clone3.S keeps fn and arg in registers the child inherits instead; Forkscope's parent and
// child share no registers, so its __clone3 leaves them in the two words below the stack's top.
import type { LinkedProgram } from '../vm/compiler/link';
import type { BuiltinContext } from '../vm/host';
import { enterFrame } from '../vm/interpreter';
import { type AddressSpace, MemoryFault } from '../vm/memory';
import { type Callee, Thread } from '../vm/thread';

/** The C library function a cloned child starts in (sysroot/lib/clone.c). */
const THREAD_START = '__clone_thread_start';
const EFAULT = 14;

/**
 * The new task's thread, ready to run fn(arg) in user mode on `newsp` (clone's, or with `clone3` the
 * top of clone3's stack); -EFAULT when the stack is unmapped.
 */
export function startClonedThread(space: AddressSpace, ctx: BuiltinContext, callees: ReadonlyMap<number, Callee>, program: LinkedProgram, newsp: number, clone3: boolean): Thread | number {
  const start = program.functions.get(THREAD_START);
  if (!start) throw new Error(`the C library has no ${THREAD_START}()`);
  const words = clone3 ? newsp - 16 : newsp;
  let fn: number;
  let arg: number;
  let stackVma;
  try {
    fn = space.readPtr(words);
    arg = space.readPtr(words + 8);
    stackVma = space.findVma(words);
  } catch (e) {
    if (e instanceof MemoryFault) return -EFAULT;
    throw e;
  }
  // The stack is a mapping of its own (pthread_create's, above its PROT_NONE guard page) or a block of
  // any other: the lowest address it may grow to is the start of that mapping.
  const thread = new Thread(space, ctx, callees, words + 16, stackVma?.start ?? 0);
  const regs = enterFrame(thread, start, -1);
  regs[0] = fn;
  regs[1] = arg;
  return thread;
}
