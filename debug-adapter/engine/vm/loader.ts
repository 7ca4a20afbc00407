// What execve does to a process: a copy-on-write copy of the program's segments, an empty heap, and a
// stack holding argv and envp, then the thread reset to start in the C library's start routine.
import type { BuiltinContext } from './host';
import { enterFrame } from './interpreter';
import { AddressSpace, type KernelViews, LAYOUT, PAGE_SIZE } from './memory';
import type { Callee, Thread } from './thread';
import type { LinkedProgram } from './compiler/link';

export interface UserImage {
  mem: AddressSpace;
  /** Initial stack pointer, and where argv and envp are. */
  sp: number;
  stackLow: number;
  argvAt: number;
  envAt: number;
  argc: number;
  /** The argument strings, one after another from argv[0] (mm->arg_start, arg_end: /proc/PID/cmdline). */
  argStart: number;
  argEnd: number;
}

const ENTRY = '__libc_start_main';
/** stack_guard_gap: the room Linux keeps between the stack and the mapping below it, 256 pages. */
const STACK_GUARD_GAP = 256 * PAGE_SIZE;

/**
 * The main thread's stack for a RLIMIT_STACK of `rlimit` bytes: the limit in whole pages (Linux lets
 * the stack grow until it reaches it), but at least a page more than the arguments take, and no
 * further down than the guard gap above mmap's area (Linux would move mmap_base lower for a larger one).
 */
function stackSize(rlimit: number, argBytes: number): number {
  const most = LAYOUT.stackTop - LAYOUT.mmapBase - STACK_GUARD_GAP;
  const least = Math.ceil(argBytes / PAGE_SIZE) * PAGE_SIZE + PAGE_SIZE;
  return Math.max(least, Math.min(most, Math.floor(rlimit / PAGE_SIZE) * PAGE_SIZE));
}

/**
 * The new address space of an exec: program segments, heap, and a stack with argv and envp on top, as
 * large as `stackRlimit` (RLIMIT_STACK) allows.
 */
export function buildUserImage(program: LinkedProgram, argv: string[], envp: string[], kernel: KernelViews | undefined, stackRlimit: number): UserImage {
  const mem = program.image.fork();
  if (kernel) mem.mapKernel(kernel);
  mem.map(program.heapStart, 0, 'rw', '[heap]');
  mem.startBrk = mem.brk = program.heapStart;
  const enc = new TextEncoder();
  const argBytes = [...argv, ...envp].reduce((sum, s) => sum + enc.encode(s).length + 1, 16 + 8 * (argv.length + envp.length + 3) + 16);
  const size = stackSize(stackRlimit, argBytes);
  const stackLow = LAYOUT.stackTop - size;
  mem.map(stackLow, size, 'rw', '[stack]');

  // Strings at the top of the stack, then the envp and argv arrays below them, as Linux lays them out.
  let top = LAYOUT.stackTop - 16;
  const place = (s: string): number => {
    const b = enc.encode(s);
    top -= b.length + 1;
    mem.writeBytes(top, b);
    mem.write8(top + b.length, 0);
    return top;
  };
  // The arguments are placed from the last down, so that they read in order upwards, as cmdline reads them.
  const argEnd = top;
  const argvAddrs = [...argv].reverse().map(place).reverse();
  const argStart = top;
  const envAddrs = envp.map(place);
  let sp = Math.floor(top / 16) * 16 - 8 * (argv.length + envp.length + 3);
  sp = Math.floor(sp / 16) * 16;
  mem.write64(sp, argv.length);
  const argvAt = sp + 8;
  argvAddrs.forEach((a, i) => mem.write64(argvAt + 8 * i, a));
  mem.write64(argvAt + 8 * argv.length, 0);
  const envAt = argvAt + 8 * (argv.length + 1);
  envAddrs.forEach((a, i) => mem.write64(envAt + 8 * i, a));
  mem.write64(envAt + 8 * envp.length, 0);
  return { mem, sp, stackLow, argvAt, envAt, argc: argv.length, argStart, argEnd };
}

/** Resets `thread` to run `program` from its start routine in `image` (its old frames are gone). */
export function startProgram(thread: Thread, program: LinkedProgram, image: UserImage, host: BuiltinContext, callees: ReadonlyMap<number, Callee>): void {
  const start = program.functions.get(ENTRY);
  const main = program.functions.get('main');
  if (!start || !main) throw new Error(`internal: the program has no ${start ? 'main' : ENTRY}`);
  thread.mem = image.mem;
  thread.host = host;
  thread.callees = callees;
  thread.stack = [];
  thread.depth = 0;
  thread.frame = undefined;
  thread.sp = image.sp;
  thread.bp = 0;
  thread.stackLimit = image.stackLow;
  const regs = enterFrame(thread, start, -1);
  regs[0] = main.addr;
  regs[1] = image.argc;
  regs[2] = image.argvAt;
  regs[3] = image.envAt;
}
