// Builds a process image from a linked program, the way execve does: a copy-on-write copy of the
// program's segments, an empty heap, and a stack holding argv and envp, then a thread poised at the
// C library's start routine.
import type { BuiltinContext } from './host';
import { enterFrame } from './interpreter';
import { type AddressSpace, LAYOUT } from './memory';
import { Thread } from './thread';
import type { LinkedProgram } from './compiler/link';

export interface Image {
  mem: AddressSpace;
  thread: Thread;
}

const ENTRY = '__libc_start_main';

export function loadImage(program: LinkedProgram, argv: string[], envp: string[], host: (mem: AddressSpace) => BuiltinContext): Image {
  const mem = program.image.fork();
  mem.map(program.heapStart, 0, 'rw', '[heap]');
  mem.startBrk = mem.brk = program.heapStart;
  const stackLow = LAYOUT.stackTop - LAYOUT.stackMax;
  mem.map(stackLow, LAYOUT.stackMax, 'rw', '[stack]');

  // Strings at the top of the stack, then the envp and argv arrays below them, as Linux lays them out.
  const enc = new TextEncoder();
  let top = LAYOUT.stackTop - 16;
  const place = (s: string): number => {
    const b = enc.encode(s);
    top -= b.length + 1;
    mem.writeBytes(top, b);
    mem.write8(top + b.length, 0);
    return top;
  };
  const argvAddrs = argv.map(place);
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

  const ctx = host(mem);
  const thread = new Thread(mem, ctx, program.callees, sp, stackLow);
  const start = program.functions.get(ENTRY);
  const main = program.functions.get('main');
  if (!start || !main) throw new Error(`internal: the program has no ${start ? 'main' : ENTRY}`);
  const regs = enterFrame(thread, start, -1);
  regs[0] = main.addr;
  regs[1] = argv.length;
  regs[2] = argvAt;
  regs[3] = envAt;
  return { mem, thread };
}
