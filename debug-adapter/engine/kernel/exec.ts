// execve's loading, the host side of fs/exec.c. bprm_load finds the program and copies its argv and
// envp out of user memory; begin_new_exec (after the kernel's de_thread) gives the task the new
// program's image: a fresh address space and mm_struct, its name, a thread that starts at _start.
// The steps' order, and what happens to the old memory and the other threads, is the kernel's pseudo-C.
import type { LinkedProgram } from '../vm/compiler/link';
import type { BuiltinContext } from '../vm/host';
import { buildUserImage, startProgram } from '../vm/loader';
import { type AddressSpace, type KernelViews, MemoryFault } from '../vm/memory';
import type { Callee } from '../vm/thread';
import type { StructView } from './layout';
import type { MachineOptions } from './machine';
import { PF_KTHREAD, type Task, THREAD_SIZE } from './task';

const TASK_COMM_LEN = 16;
const ENOENT = 2;
const EFAULT = 14;
/** PATH_MAX: the longest filename or argument string read from user memory. */
const PATH_MAX = 4096;

/** What execve is about to run (linux_binprm): the program, its arguments, and its name (comm). */
export interface Bprm {
  program: LinkedProgram;
  argv: string[];
  envp: string[];
  name: string;
}

/** A program's name from the path it was exec'd by (comm): "./prog.c" → "prog". */
const baseName = (path: string): string => path.split('/').pop()!.replace(/\.c$/, '');

/** The machine's part in giving a task a new program. */
export interface ExecHost {
  /** The kernel's memory as each mode sees it, for every new address space. */
  kernelViews: KernelViews;
  /**
   * What execve of `path` gets when the path walk of the file tree ends at one of its files, none of
   * which is a program (-EACCES, -ENOEXEC), or fails on the way (-ENOTDIR); undefined when it finds
   * nothing there, and the programs are looked for.
   */
  execAccess(path: string): number | undefined;
  /** Registers an address space under a new id, the one its mm_struct's __host_id holds. */
  addMm(space: AddressSpace): number;
  /** Whether an address space is still some mm_struct's (a vfork parent may share it). */
  isMm(space: AddressSpace): boolean;
  kzalloc(size: number): number;
  /** A kernel stack for a task that had none (a kernel thread running on its boot stack). */
  allocStack(): number;
  contextFor(mem: AddressSpace, program: LinkedProgram): BuiltinContext;
  calleesFor(program: LinkedProgram): ReadonlyMap<number, Callee>;
  /** Task `ts`'s RLIMIT_STACK, which the new program's stack keeps to (Infinity for none). */
  stackRlimit(ts: number): number;
  /** The exec has succeeded, the new program not yet started (the tracer ends the execve line here). */
  execDone(task: Task): void;
}

export class ExecLoader {
  /**
   * Images prepared by bprm_load, waiting for begin_new_exec, by task: between the two, de_thread gives
   * up the CPU to the threads it kills, and other processes may exec meanwhile.
   */
  private readonly prepared = new Map<number, Bprm>();

  constructor(
    private readonly kmem: AddressSpace,
    private readonly task: StructView,
    private readonly mm: StructView,
    /** The program the user compiled: what execve of the path they ran it by (argv[0]) finds. */
    private readonly userProgram: LinkedProgram,
    private readonly options: Pick<MachineOptions, 'argv' | 'envp' | 'loadProgram'>,
    private readonly host: ExecHost,
  ) {}

  /**
   * run_init_process's program: /sbin/init, whose arguments are the user's argv, as Linux passes init
   * the kernel's command line. Undefined when there is no such program.
   */
  initProcess(path: string): Bprm | undefined {
    const program = this.options.loadProgram(path);
    return program && { program, argv: [path, ...this.options.argv], envp: this.options.envp, name: baseName(path) };
  }

  /** execve's search by task `ts`: the program at `filename`, with argv and envp copied from `mem`. */
  bprmLoad(ts: number, mem: AddressSpace, filenameAddr: number, argvAddr: number, envpAddr: number): number {
    try {
      const filename = new TextDecoder().decode(mem.readCString(filenameAddr, PATH_MAX));
      // The path the user ran (argv[0]) names the program they compiled: the shell execs it there.
      if (filename !== this.options.argv[0]) {
        const refused = this.host.execAccess(filename);
        if (refused !== undefined) return refused;
      }
      const program = filename === this.options.argv[0] ? this.userProgram : this.options.loadProgram(filename);
      if (!program) return -ENOENT;
      this.prepared.set(ts, { program, argv: readStrings(mem, argvAddr), envp: readStrings(mem, envpAddr), name: baseName(filename) });
      return 0;
    } catch (e) {
      if (e instanceof MemoryFault) return -EFAULT;
      throw e;
    }
  }

  /** What bprm_load prepared for task `ts`, for its begin_new_exec. */
  takePrepared(ts: number): Bprm {
    const bprm = this.prepared.get(ts);
    if (!bprm) throw new Error('begin_new_exec without bprm_load');
    this.prepared.delete(ts);
    return bprm;
  }

  /** Starts `e.program` in `task`: a new address space and mm_struct, comm, a fresh thread. */
  start(task: Task, e: Bprm): void {
    const oldMem = task.thread.mem;
    const image = buildUserImage(e.program, e.argv, e.envp, this.host.kernelViews, this.host.stackRlimit(task.ts));
    const id = this.host.addMm(image.mem);
    const mm = this.host.kzalloc(this.mm.type.size);
    this.mm.set(this.kmem, mm, 'mm_users', 1);
    this.mm.set(this.kmem, mm, 'mm_count', 1);
    this.mm.set(this.kmem, mm, '__host_id', id);
    this.mm.set(this.kmem, mm, 'start_brk', e.program.heapStart);
    this.mm.set(this.kmem, mm, 'brk', e.program.heapStart);
    this.mm.set(this.kmem, mm, 'start_stack', image.sp);
    this.mm.set(this.kmem, mm, 'arg_start', image.argStart);
    this.mm.set(this.kmem, mm, 'arg_end', image.argEnd);
    this.task.set(this.kmem, task.ts, 'mm', mm);
    this.task.set(this.kmem, task.ts, 'active_mm', mm);
    this.task.set(this.kmem, task.ts, 'flags', this.task.get(this.kmem, task.ts, 'flags') & ~PF_KTHREAD);
    this.task.setString(this.kmem, task.ts, 'comm', e.name, TASK_COMM_LEN);
    task.program = e.program;
    task.ctx = this.host.contextFor(image.mem, e.program);
    this.host.execDone(task);
    startProgram(task.thread, e.program, image, task.ctx, this.host.calleesFor(e.program));
    // The kernel stack it ran on stays, now for its system calls.
    task.kernelStack ??= this.host.allocStack();
    task.thread.kstack = task.kernelStack + THREAD_SIZE;
    if (oldMem !== this.kmem && !this.host.isMm(oldMem)) oldMem.release();
  }
}

/** A NULL-terminated array of strings in user memory (argv, envp); NULL itself is an empty one. */
function readStrings(mem: AddressSpace, arrayAddr: number): string[] {
  const out: string[] = [];
  if (arrayAddr === 0) return out;
  for (let i = 0; ; i++) {
    const p = mem.readPtr(arrayAddr + 8 * i);
    if (p === 0) return out;
    out.push(new TextDecoder().decode(mem.readCString(p, PATH_MAX)));
  }
}
