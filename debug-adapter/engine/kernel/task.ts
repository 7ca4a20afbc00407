// What the host keeps of each task beside its task_struct (which lives in kernel memory).
import type { LinkedProgram } from '../vm/compiler/link';
import type { BuiltinContext } from '../vm/host';
import type { Thread } from '../vm/thread';

/** task_struct.flags: the task is a kernel thread (it has no user memory of its own). */
export const PF_KTHREAD = 0x00200000;

/** A kernel thread's stack (THREAD_SIZE). */
export const THREAD_SIZE = 16 * 1024;

/** The host side of one task: the thread that runs it and the context its builtins see. */
export interface Task {
  ts: number;
  thread: Thread;
  ctx: BuiltinContext;
  /** The program a user task runs (kernel threads run the kernel's). */
  program?: LinkedProgram;
  /** A kernel thread's stack in kernel memory, freed with the task. */
  kernelStack?: number;
}
