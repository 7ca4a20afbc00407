// The simulated computer: the kernel's memory, its tasks and the CPU that runs them. The kernel's
// logic is pseudo-C (sysroot/kernel, sysroot/init); this class is the hardware and the mechanics its
// host builtins stand for: memory allocation, address spaces, threads, the run queue, the switch.
import type { RunOutcome } from '../api';
import { shellSignalMessage } from '../libc/errno';
import { calloc, free, malloc } from '../libc/malloc';
import type { LinkedProgram } from '../vm/compiler/link';
import { ProcessExit, SignalFault, SIGSEGV } from '../vm/faults';
import type { BuiltinContext, Value } from '../vm/host';
import { type DebugHooks, emptyHooks, executeDebug, type StopReason } from '../vm/debug';
import { enterFrame, execute } from '../vm/interpreter';
import { buildUserImage, startProgram } from '../vm/loader';
import { AddressSpace, LAYOUT, MemoryFault } from '../vm/memory';
import { type Callee, type Frame, type FunctionCode, Thread } from '../vm/thread';
import type { KernelImage } from './image';
import { StructView } from './layout';
import { EBADF, FdTable, newPipe, type OpenFile } from './files';
import { isLinkedModule, mapModule } from './modules';
import { PidAllocator } from './pids';
import { KernelLog } from './printk';
import { RunQueue, type SchedPolicy } from './runqueue';
import { CfsAccounting } from './cfs';
import { formatProcessTree, readChildren } from './pstree';
import { SyscallTracer } from './strace';
import { startClonedThread } from './clone-thread';
import { errnoLocator, TlsView } from './tls';
import { RealTimers } from './itimers';
import { noteReturnToUser } from './sigframe';

const TASK_RUNNING = 0;
const TASK_NORMAL = 0x3;
const SIGPIPE = 13;
const TASK_DEAD = 0x80;
const TASK_NEW = 0x800;
const PF_KTHREAD = 0x00200000;
const TASK_COMM_LEN = 16;
/** A kernel thread's stack (THREAD_SIZE). */
const THREAD_SIZE = 16 * 1024;
/** Room for pid_max's default 32768 tasks, each with its 16 KiB kernel stack (pages are mapped when touched). */
const DEFAULT_MAX_VIRTUAL_NS = 3600e9;
const KERNEL_HEAP_MAX = 1024 * 1024 * 1024;
const USER_HEAP_LIMIT = 256 * 1024 * 1024;
/** How many steps a task runs before the timer interrupt checks whether another should have the CPU. */
const TIME_SLICE = 4096;
/** Virtual nanoseconds per VM step: a simple clock for start_time and the like. */
const NS_PER_STEP = 1;

/** Thrown by a builtin that has switched the CPU or rewritten the running thread: the op stops there. */
class Reschedule {}
const RESCHEDULE = new Reschedule();

class KernelPanic extends Error {}

/** A program's name from the path it was exec'd by (comm): "./prog.c" → "prog". */
const baseName = (path: string): string => path.split('/').pop()!.replace(/\.c$/, '');

export interface MachineIO {
  stdio: 'tty' | 'pipe';
  stdin?: Uint8Array;
  stdout(bytes: Uint8Array): void;
  stderr(bytes: Uint8Array): void;
}

export interface MachineOptions {
  /** The virtual time a run may last (default one hour): tasks sleeping past it end the run. */
  maxVirtualNs?: number;
  argv: string[];
  envp: string[];
  /** The program execve finds at a path (relative to the program's folder, or /bin's built-ins). */
  loadProgram(path: string): LinkedProgram | undefined;
  maxSteps?: number;
  pidMax?: number;
  io: MachineIO;
  /** The run queue's policy (default fifo: round robin) and the random policy's seed. */
  sched?: { policy: SchedPolicy; seed?: number };
  /**
   * Receives the strace-style trace of the program's system calls (see strace.ts); no tracing when
   * absent. Steps run under a debugger's hooks are not traced.
   */
  trace?: (text: string) => void;
  /** Called as the user's program ends (a zombie its shell has not reaped yet): a moment to look at the tree. */
  onProgramExit?: () => void;
}

/** The host side of one task: the thread that runs it and the context its builtins see. */
interface Task {
  ts: number;
  thread: Thread;
  ctx: BuiltinContext;
  /** The program a user task runs (kernel threads run the kernel's). */
  program?: LinkedProgram;
  /** A kernel thread's stack in kernel memory, freed with the task. */
  kernelStack?: number;
}

export class Machine {
  readonly kmem: AddressSpace;
  readonly pids: PidAllocator;
  readonly rq: RunQueue;
  private readonly task: StructView;
  private readonly mm: StructView;
  private readonly cloneArgs: StructView;
  private readonly tls: TlsView;
  private readonly tasks = new Map<number, Task>();
  private readonly mms = new Map<number, AddressSpace>();
  /** The address spaces in `mms`, to tell in O(1) whether a thread's memory is still some mm's. */
  private readonly mmSpaces = new Set<AddressSpace>();
  private nextMmId = 1;
  private readonly timers: { task: number; expires: number }[] = [];
  /** alarm()'s timers; an expired one interrupts the CPU to send SIGALRM. */
  readonly realTimers = new RealTimers();
  /** Expired alarms whose interrupt waits for the CPU to leave kernel mode (the kernel's code has no irq masking). */
  private readonly dueAlarms: number[] = [];
  /** The thread a context switch stopped, with the frame it stopped in (see contextSwitch). */
  private parked: { thread: Thread; frame: Frame | undefined } | undefined;
  /** A task that released itself while running, freed once switched out. */
  private selfReleased: number | undefined;
  /** Each task's descriptor table, by task_struct address. */
  private readonly files = new Map<number, FdTable>();
  private skippedNs = 0;
  private current!: Task;
  private idle!: Task;
  private cpuIdle = false;
  /** Where the debugger last stopped a thread: resuming runs that op without stopping again. */
  private lastStop: { thread: Thread; frame: Frame | undefined; pc: number } | undefined;
  private readonly kernelCtx: BuiltinContext;
  /** The kernel's functions, and those of the modules loaded since boot. */
  private readonly kernelCallees: Map<number, Callee>;
  /** Each user program's functions with the kernel's, for the threads running it. */
  private readonly calleesByProgram = new Map<LinkedProgram, Map<number, Callee>>();
  /** An image prepared by bprm_load, waiting for begin_new_exec. */
  private pendingExec: { program: LinkedProgram; argv: string[]; envp: string[]; name: string } | undefined;
  private steps = 0;
  private stdinPos = 0;
  private programTask: number | undefined;
  /** Whether the user's program has been exec'ed: only that first exec is the run's program. */
  private programStarted = false;
  /** How the user's program ended (set when its task dies; the run goes on while other processes live). */
  private programExit: RunOutcome | undefined;
  private liveUserTasks = 0;
  /** CFS's vruntime bookkeeping, with the cfs policy only. */
  private readonly cfs: CfsAccounting | undefined;
  /** The current task's thread step count when it got the CPU: what update_curr charges it for. */
  private ranSince = 0;
  private readonly tracer: SyscallTracer | undefined;
  /** With tracing: stop at every system call's first op, where its arguments are in its registers. */
  private traceHooks: DebugHooks | undefined;
  private readonly kernelLog = new KernelLog();
  private readonly moduleStruct: StructView;

  constructor(private readonly kernel: KernelImage, private readonly program: LinkedProgram, private readonly options: MachineOptions) {
    this.kmem = kernel.program.image.fork();
    // Other address spaces cache the kernel's pages: they must never move, so none stays shared.
    this.kmem.unshareAll();
    this.kmem.map(LAYOUT.kernelHeap, 0, 'rw', '[heap]');
    this.kmem.startBrk = this.kmem.brk = LAYOUT.kernelHeap;
    this.pids = new PidAllocator(options.pidMax);
    const policy = options.sched?.policy ?? 'fifo';
    if (policy === 'cfs') this.cfs = new CfsAccounting(this.kmem, new StructView(kernel.taskStruct));
    this.rq = new RunQueue((t) => this.current?.ts === t, { policy, seed: options.sched?.seed, vruntimes: this.cfs });
    if (options.trace) this.tracer = new SyscallTracer(options.trace);
    this.task = new StructView(kernel.taskStruct);
    this.mm = new StructView(kernel.mmStruct);
    this.cloneArgs = new StructView(kernel.cloneArgs);
    this.tls = new TlsView(kernel.taskStruct);
    this.kernelCallees = new Map(kernel.program.callees);
    this.moduleStruct = new StructView(kernel.moduleStruct);
    this.kernelCtx = this.contextFor(this.kmem, kernel.program, 'kernel');
    this.boot();
  }

  // ------------------------------------------------------------------ running

  /** Runs to the end: until the last user process is gone, or maxSteps. */
  run(): RunOutcome {
    for (;;) {
      const r = this.step(TIME_SLICE);
      if (r.outcome) {
        this.tracer?.flush();
        return r.outcome;
      }
    }
  }

  /**
   * Runs the CPU for up to `budget` steps (one time slice at most), under the debugger's `hooks` when
   * given. Returns the run's outcome once it is over, or where a hook stopped the running thread.
   */
  step(budget: number, hooks?: DebugHooks): { outcome?: RunOutcome; stop?: StopReason } {
    const max = this.options.maxSteps ?? Infinity;
    if (this.steps >= max) return { outcome: { kind: 'step-limit', steps: this.steps } };
    if (this.cpuIdle) {
      const end = this.idleOutcome();
      if (end) return { outcome: end };
    }
    this.fireTimers();
    const t = this.current.thread;
    const before = t.steps;
    const slice = Math.min(budget, TIME_SLICE, max - this.steps);
    try {
      if (hooks) {
        // Only the op a stop left the thread at is run unchecked: a slice boundary is no stop.
        const f = t.frame;
        const resuming = this.lastStop !== undefined && this.lastStop.thread === t && this.lastStop.frame === f && this.lastStop.pc === f?.pc;
        const { stop } = executeDebug(t, slice, this.hooksFor(this.current, hooks), resuming);
        this.steps += t.steps - before;
        this.lastStop = undefined;
        if (stop.kind !== 'budget' && stop.kind !== 'done') {
          this.lastStop = { thread: t, frame: t.frame, pc: t.frame?.pc ?? -1 };
          return { stop };
        }
      } else if (this.tracer) {
        this.deliverSignals(t);
        this.executeTraced(t, slice);
        this.steps += t.steps - before;
      } else {
        this.deliverSignals(t);
        execute(t, slice);
        this.steps += t.steps - before;
      }
      if (this.unpark()) return {};
      this.timerTick(t);
    } catch (e) {
      this.unpark();
      this.steps += t.steps - before;
      if (e === RESCHEDULE) return {};
      if (e instanceof KernelPanic) return { outcome: this.panicOutcome(e.message) };
      const sig = e instanceof SignalFault ? e.signal : e instanceof MemoryFault ? SIGSEGV : undefined;
      // A fatal signal ends the whole process, every thread of it.
      if (sig !== undefined) this.forceCall(this.current, 'do_group_exit', sig);
      else if (e instanceof ProcessExit) this.forceCall(this.current, 'sys_exit_group', e.status);
      else throw e;
    }
    return {};
  }

  /**
   * Watched addresses are the user's program's: the same address in another program's memory (init's,
   * the shell's, a program it execs) is another variable.
   */
  private hooksFor(task: Task, hooks: DebugHooks): DebugHooks {
    if (hooks.watches.length === 0 || task.program === this.program || task.thread.mem === this.kmem) return hooks;
    return { ...hooks, watches: [] };
  }

  /** Runs like `execute`, reporting each system call's entry to the tracer (the debugger's loop stops there). */
  private executeTraced(t: Thread, budget: number): void {
    this.traceHooks ??= { ...emptyHooks(), functionEntry: new Set(this.kernel.syscalls.values()) };
    let left = budget;
    let resuming = false;
    while (left > 0) {
      const { ran, stop } = executeDebug(t, left, this.traceHooks, resuming);
      left -= ran;
      if (stop.kind !== 'function-entry') return;
      const f = t.frame!;
      this.tracer!.enter(this.current.ts, this.traceProcess(this.current), f.code.name, f.regs, f.code.type.params.length);
      resuming = true;
    }
  }

  private traceProcess(task: Task): { pid: number; mem: AddressSpace } {
    return { pid: this.task.get(this.kmem, task.ts, 'pid'), mem: task.thread.mem };
  }

  /** What a returning system call does on the way to user mode: tell the tracer, then act on signals. */
  private readonly syscallReturn = (t: Thread, ret: Value): void => {
    if (this.tracer) this.tracer.exit(this.current.ts, this.traceProcess(this.current), Number(ret));
    this.deliverSignals(t, true);
  };

  /** The process tree now, as `pstree -p` draws it from the task_structs (see pstree.ts). */
  processTree(): string {
    return formatProcessTree(readChildren(this.kmem, this.task, this.idle.ts));
  }

  /** Gives a thread stopped by a context switch its frame back; true if there was one. */
  private unpark(): boolean {
    const p = this.parked;
    if (!p) return false;
    p.thread.frame = p.frame;
    this.parked = undefined;
    return true;
  }

  /** The thread the CPU is running: where a debugger stop happened. */
  currentThread(): Thread {
    return this.current.thread;
  }

  /** PID 0 runs start_kernel on a stack of its own; everything else follows from the kernel's code. */
  private boot(): void {
    const initTask = this.kernel.program.globals.get('init_task')!.addr;
    this.idle = this.newKernelTask(initTask);
    this.current = this.idle;
    this.pushKernelCall(this.idle.thread, 'start_kernel', []);
  }

  private newKernelTask(ts: number): Task {
    const stack = this.allocStack();
    const thread = new Thread(this.kmem, this.kernelCtx, this.kernelCallees, stack + THREAD_SIZE, stack);
    thread.onSyscallReturn = this.syscallReturn;
    const task = { ts, thread, ctx: this.kernelCtx, kernelStack: stack };
    this.tasks.set(ts, task);
    return task;
  }

  private kernelFunction(name: string): FunctionCode {
    const code = this.kernel.program.functions.get(name);
    if (!code) throw new Error(`the kernel has no ${name}()`);
    return code;
  }

  /** Enters the kernel on `t`: from user mode that means moving to the task's kernel stack. */
  private pushKernelCall(t: Thread, name: string, args: number[]): void {
    const userSp = t.sp;
    const fromUser = t.frame !== undefined && !t.frame.code.inKernel && t.kstack !== 0;
    if (fromUser) t.sp = t.kstack;
    // A fresh Frame, not a spare: called from a system call's return (leaveSyscall), a reused Frame
    // would be the very object the run loop holds for the frame just left, and it tells frames apart
    // by identity, so it would go on running the old function's ops.
    t.stack.length = t.depth;
    const regs = enterFrame(t, this.kernelFunction(name), -1);
    if (fromUser) t.frame!.callerSp = userSp;
    args.forEach((a, i) => (regs[i] = a));
  }

  /** Makes a task call a kernel function now, as an interrupt or a fault entering the kernel does. */
  private forceCall(task: Task, name: string, arg: number): void {
    this.pushKernelCall(task.thread, name, [arg]);
  }

  /** The timer interrupt: a task in user mode whose slice is over gives the CPU to the next in line. */
  private timerTick(t: Thread): void {
    const f = t.frame;
    if (f && !f.code.inKernel && this.rq.length > 0) this.pushKernelCall(t, 'preempt_schedule_irq', []);
  }

  private idleOutcome(): RunOutcome | undefined {
    let interrupted = false;
    const next = this.nextTimerExpiry();
    if (this.rq.length === 0 && next !== undefined && next > (this.options.maxVirtualNs ?? DEFAULT_MAX_VIRTUAL_NS)) {
      // Sleeping past the limit on virtual time: a run whose tasks never end must still end.
      return { kind: 'time-limit', steps: this.steps, seconds: (this.options.maxVirtualNs ?? DEFAULT_MAX_VIRTUAL_NS) / 1e9 };
    }
    if (this.rq.length === 0 && next !== undefined) {
      // Every task sleeps: time passes at once to the next timer.
      this.skippedNs += Math.max(0, next - this.nowNs());
      interrupted = this.fireTimers();
    }
    if (this.rq.length > 0 || interrupted) {
      this.cpuIdle = false;
      return undefined;
    }
    if (this.liveUserTasks === 0) return { ...(this.programExit ?? { kind: 'exited', status: 0 }), steps: this.steps } as RunOutcome;
    return { kind: 'deadlock', steps: this.steps, message: this.deadlockReport() };
  }

  private deadlockReport(): string {
    const lines = ['no task can run again: every process is asleep and nothing will wake it'];
    for (const task of this.tasks.values()) {
      if (!this.isUser(task.ts) || this.task.get(this.kmem, task.ts, 'pid') === 1 || this.task.get(this.kmem, task.ts, 'exit_state') !== 0) continue;
      const f = task.thread.frame;
      const where = f ? `${f.code.name}() at ${f.code.opPos[Math.max(0, f.pc - 1)]?.file}:${f.code.opPos[Math.max(0, f.pc - 1)]?.line}` : '?';
      lines.push(`  ${this.task.getString(this.kmem, task.ts, 'comm')} (pid ${this.task.get(this.kmem, task.ts, 'pid')}) sleeps in ${where}`);
    }
    return lines.join('\n');
  }

  private panicOutcome(message: string): RunOutcome {
    this.options.io.stderr(new TextEncoder().encode(`Kernel panic - not syncing: ${message}`));
    return { kind: 'panic', steps: this.steps, message };
  }

  private isUser(ts: number): boolean {
    return (this.task.get(this.kmem, ts, 'flags') & PF_KTHREAD) === 0;
  }

  // ------------------------------------------------------------------ the builtins' mechanics

  currentTask(): Task {
    return this.current;
  }

  /** The virtual clock: steps run, plus the time skipped while every CPU idled waiting for a timer. */
  nowNs(): number {
    return this.steps * NS_PER_STEP + this.skippedNs;
  }

  /** hrtimer_start: wake `task` once the clock reaches `expires`. */
  startTimer(task: number, expires: number): void {
    this.timers.push({ task, expires });
    this.timers.sort((a, b) => a.expires - b.expires);
  }

  private nextTimerExpiry(): number | undefined {
    const alarm = this.realTimers.nextExpiry();
    const sleeper = this.timers[0]?.expires;
    if (alarm === undefined) return sleeper;
    return sleeper === undefined ? alarm : Math.min(alarm, sleeper);
  }

  /**
   * Wakes the sleepers whose timers have expired, as the timer interrupt does, and runs it_real_fn for
   * each expired alarm on the CPU's current task. Returns whether such an interrupt was pushed.
   */
  private fireTimers(): boolean {
    const now = this.nowNs();
    while (this.timers.length > 0 && this.timers[0]!.expires <= now) {
      const { task } = this.timers.shift()!;
      if (!this.tasks.has(task)) continue;
      this.wakeUp(task);
    }
    this.dueAlarms.push(...this.realTimers.takeExpired(now));
    const f = this.current.thread.frame;
    if (this.dueAlarms.length === 0 || (f?.code.inKernel && this.current !== this.idle)) return false;
    let interrupted = false;
    for (const task of this.dueAlarms.splice(0)) {
      if (!this.tasks.has(task)) continue;
      this.pushKernelCall(this.current.thread, 'it_real_fn', [task]);
      interrupted = true;
    }
    return interrupted;
  }

  /** try_to_wake_up's effect, for host code (timers): TASK_INTERRUPTIBLE becomes TASK_RUNNING, queued. */
  private wakeUp(task: number): void {
    if ((this.task.get(this.kmem, task, '__state') & TASK_NORMAL) === 0) return;
    this.task.set(this.kmem, task, '__state', TASK_RUNNING);
    this.rq.enqueue(task);
  }

  /** A task returning to user mode (from a system call, or into its slice) with an unblocked signal pending runs exit_to_user_mode first. */
  private deliverSignals(t: Thread, fromSyscall = false): void {
    if (!this.signalPending(this.current.ts)) return;
    const f = t.frame;
    if (!f || f.code.inKernel) return;
    noteReturnToUser(t, fromSyscall);
    this.pushKernelCall(t, 'exit_to_user_mode', []);
  }

  /** signal_pending(): the sets are 64-bit words, read whole. */
  private signalPending(ts: number): boolean {
    const word = (field: string) => BigInt(this.kmem.readU64(ts + this.task.offsetOf(field)));
    return (word('pending') & ~word('blocked')) !== 0n;
  }

  kzalloc(size: number): number {
    return calloc({ mem: this.kmem, heapLimit: KERNEL_HEAP_MAX }, 1, size);
  }

  /** A kernel stack: like Linux's, not zeroed (frames write before they read). */
  private allocStack(): number {
    return malloc({ mem: this.kmem, heapLimit: KERNEL_HEAP_MAX }, THREAD_SIZE);
  }

  kfree(addr: number): void {
    free({ mem: this.kmem, heapLimit: KERNEL_HEAP_MAX }, addr);
  }

  printk(text: string): void {
    const console = this.kernelLog.append(text, this.nowNs());
    if (console !== undefined) this.options.io.stderr(new TextEncoder().encode(console));
  }

  /** The kernel log as `dmesg` prints it. */
  dmesg(): string {
    return this.kernelLog.dmesg();
  }

  /** init_module's loader: maps the module `image` names and fills `mod` (kernel/module/main.c). */
  loadModuleSections(mod: number, image: number, len: number): number {
    let path: string;
    try {
      path = new TextDecoder().decode(this.current.thread.mem.readBytes(image, len));
    } catch (e) {
      if (e instanceof MemoryFault) return -14; // EFAULT
      throw e;
    }
    const file = this.options.loadProgram(path.replace(/\.ko$/, ''));
    if (!file) return -2; // ENOENT
    if (!isLinkedModule(file)) return -8; // ENOEXEC: not a module
    const loaded = mapModule(this.kmem, file);
    for (const [addr, callee] of file.callees) {
      this.kernelCallees.set(addr, callee);
      for (const m of this.calleesByProgram.values()) m.set(addr, callee);
    }
    this.moduleStruct.setString(this.kmem, mod, 'name', loaded.name, 56);
    this.moduleStruct.set(this.kmem, mod, 'init', loaded.init);
    this.moduleStruct.set(this.kmem, mod, 'exit', loaded.exit);
    return 0;
  }

  panic(message: string): never {
    throw new KernelPanic(message);
  }

  dupMm(id: number): number {
    const from = this.mms.get(id);
    if (!from) throw new Error(`no address space ${id}`);
    return this.addMm(from.fork());
  }

  private addMm(space: AddressSpace): number {
    const id = this.nextMmId++;
    this.mms.set(id, space);
    this.mmSpaces.add(space);
    return id;
  }

  /** exit_mm: the task's pages go; a task still running on that stack keeps it until it is switched out. */
  dropMm(id: number): void {
    const space = this.mms.get(id);
    if (!space) return;
    this.mms.delete(id);
    this.mmSpaces.delete(space);
    if (space !== this.current.thread.mem) space.release();
  }

  /** copy_thread: the child's thread of execution. */
  copyThread(childTs: number, argsAddr: number): number {
    const mem = this.current.thread.mem;
    const fn = this.cloneArgs.get(mem, argsAddr, 'fn');
    if (fn !== 0) {
      const task = this.newKernelTask(childTs);
      const regs = enterFrame(task.thread, this.kernelFunction('kernel_thread_entry'), -1);
      regs[0] = fn;
      regs[1] = this.cloneArgs.get(mem, argsAddr, 'fn_arg');
      return 0;
    }
    const mmAddr = this.task.get(this.kmem, childTs, 'mm');
    const space = this.mms.get(this.mm.get(this.kmem, mmAddr, '__host_id'))!;
    const program = this.current.program ?? this.program;
    const ctx = this.contextFor(space, program, this.task.getString(this.kmem, this.current.ts, 'comm'));
    const newsp = this.cloneArgs.get(mem, argsAddr, 'stack');
    const child = newsp === 0 ? this.forkedThread(space, ctx) : startClonedThread(space, ctx, this.calleesFor(program), program, newsp);
    if (typeof child === 'number') return child;
    const kernelStack = this.allocStack();
    child.kstack = kernelStack + THREAD_SIZE;
    child.onSyscallReturn = this.syscallReturn;
    this.tasks.set(childTs, { ts: childTs, thread: child, ctx, kernelStack, program });
    this.tracer?.forked(this.current.ts, childTs);
    this.liveUserTasks++;
    // ret_from_fork's schedule_tail, the child's first kernel code, has work only with CLONE_CHILD_SETTID.
    if (this.task.get(this.kmem, childTs, 'set_child_tid') !== 0) this.pushKernelCall(child, 'schedule_tail', [this.current.ts]);
    return 0;
  }

  /** fork: the child is a copy of the parent's user-mode frames, returning 0 from the system call. */
  private forkedThread(space: AddressSpace, ctx: BuiltinContext): Thread {
    const parent = this.current.thread;
    const frames = parent.frames();
    let user = frames.length - 1;
    while (user >= 0 && frames[user]!.code.inKernel) user--;
    if (user < 0) throw new Error('fork from a task with no user frames');
    const entry = frames[user + 1]!;
    const child = parent.clone(space, ctx);
    child.stack.length = user + 1;
    child.depth = user + 1;
    child.frame = child.stack[user];
    child.r = child.frame!.regs;
    if (entry.retReg >= 0) child.r[entry.retReg] = 0;
    child.sp = entry.callerSp;
    // The frame base the user frame saw: saved by the first kernel frame above it that set its own.
    const setter = frames.slice(user + 1).find((f) => f.code.frameSize > 16);
    child.bp = setter ? setter.savedBp : parent.bp;
    return child;
  }

  vforkShareFrames(child: number, parent: number): void {
    const c = this.tasks.get(child)?.thread.frames();
    const p = this.tasks.get(parent)?.thread.frames();
    if (!c || !p) return;
    for (let i = 0; i < Math.min(c.length, p.length); i++) {
      if (c[i]!.code !== p[i]!.code || c[i]!.code.inKernel) break;
      const regs = p[i]!.regs;
      c[i]!.regs.forEach((v, j) => (regs[j] = v));
    }
  }

  /**
   * release_task's end: the task's thread, kernel stack and task_struct go. A task releasing itself
   * (a child its parent does not wait for) is still running: that waits until it is switched out.
   */
  releaseTask(ts: number): void {
    const task = this.tasks.get(ts);
    if (!task) return;
    if (task === this.current) {
      this.selfReleased = ts;
      return;
    }
    this.tasks.delete(ts);
    // Still TASK_NEW: a fork that failed after copy_thread (no PID left); the task never ran nor died.
    if (this.task.get(this.kmem, ts, '__state') === TASK_NEW) {
      if (this.isUser(ts)) this.liveUserTasks--;
      this.tracer?.forget(ts);
    }
    if (task.kernelStack) this.kfree(task.kernelStack);
    this.kfree(ts);
    // Its status is recorded; the address may now be another task's, which must not overwrite it.
    if (ts === this.programTask) this.programTask = undefined;
  }

  pickNextTask(prev: number): number {
    const prevRunnable = this.task.get(this.kmem, prev, '__state') === TASK_RUNNING && prev !== this.idle.ts;
    if (this.cfs) {
      // update_curr: prev pays for the steps it ran before it competes for the CPU again.
      const now = this.current.thread.steps;
      if (prev !== this.idle.ts) this.cfs.updateCurr(prev, now - this.ranSince);
      this.ranSince = now;
    }
    const next = this.rq.pick(prevRunnable ? prev : undefined);
    if (next === undefined) {
      // Nothing to run: the idle task keeps the CPU, and the machine checks whether the run is over.
      if (prev === this.idle.ts) this.cpuIdle = true;
      return this.idle.ts;
    }
    this.cfs?.picked(next);
    return next;
  }

  /** The CPU leaves prev (its thread stops after this op) and runs next. */
  contextSwitch(prev: number, next: number): void {
    const from = this.tasks.get(prev)!;
    const to = this.tasks.get(next);
    if (!to) throw new Error(`context switch to an unknown task`);
    this.task.set(this.kmem, prev, 'on_cpu', 0);
    this.task.set(this.kmem, next, 'on_cpu', 1);
    this.current = to;
    this.ranSince = to.thread.steps;
    if (this.selfReleased === prev) {
      this.selfReleased = undefined;
      if (this.task.get(this.kmem, prev, '__state') === TASK_DEAD) this.finishDeadTask(from);
      this.releaseTask(prev);
      throw RESCHEDULE;
    }
    if (this.task.get(this.kmem, prev, '__state') === TASK_DEAD) this.finishDeadTask(from);
    // Stop prev's thread after this op without an exception (switches are frequent): the run loop
    // ends when it sees no frame, and step() puts the frame back.
    this.parked = { thread: from.thread, frame: from.thread.frame };
    from.thread.frame = undefined;
  }

  /** A task that has run do_exit is switched out for good: its thread and user memory go. */
  private finishDeadTask(task: Task): void {
    const mem = task.thread.mem;
    if (mem !== this.kmem && !this.mmSpaces.has(mem)) mem.release();
    if (this.isUser(task.ts)) this.liveUserTasks--;
    this.tracer?.exited(task.ts, this.traceProcess(task), this.task.get(this.kmem, task.ts, 'exit_code'));
    if (task.ts === this.programTask) this.options.onProgramExit?.();
    const leader = this.task.get(this.kmem, task.ts, 'group_leader');
    if (leader === this.programTask) {
      // A process's status is its leader's exit code (after a group exit, every thread has the same
      // one), final once the last of its threads is gone: whichever dies last writes it last.
      const code = this.task.get(this.kmem, leader, 'exit_code');
      const sig = code & 0x7f;
      this.programExit = sig === 0
        ? { kind: 'exited', status: (code >> 8) & 0xff, steps: 0 }
        : { kind: 'signaled', signal: sig, description: shellSignalMessage(sig), steps: 0 };
    }
  }

  // ------------------------------------------------------------------ files

  private fdTable(task = this.current.ts): FdTable {
    let t = this.files.get(task);
    if (!t) {
      t = FdTable.console();
      this.files.set(task, t);
    }
    return t;
  }

  filesDup(child: number): number {
    this.files.set(child, this.fdTable().dup());
    return 0;
  }

  filesExit(task: number): void {
    this.fdTable(task).closeAll((t) => this.wakeUp(t));
    this.files.delete(task);
  }

  /** Reads from user memory for a write; undefined when the buffer is bad (EFAULT). */
  private userBytes(addr: number, count: number): Uint8Array | undefined {
    try {
      return this.current.thread.mem.readBytes(addr, count);
    } catch (e) {
      if (e instanceof MemoryFault) return undefined;
      throw e;
    }
  }

  vfsWrite(fd: number, buf: number, count: number): number {
    const bytes = this.userBytes(buf, count);
    return bytes ? this.writeFile(this.current.ts, fd, bytes) : -14;
  }

  /** write(2) on a task's descriptor: the terminal, or a pipe (EPIPE and SIGPIPE without readers). */
  private writeFile(task: number, fd: number, bytes: Uint8Array): number {
    const f = this.fdTable(task).get(fd);
    if (!f) return -EBADF;
    if (f.kind === 'tty') {
      if (f.stream === 0) return -EBADF;
      (f.stream === 1 ? this.options.io.stdout : this.options.io.stderr)(bytes.slice());
      return bytes.length;
    }
    if (f.end !== 'write') return -EBADF;
    if (f.pipe.readers === 0) {
      this.task.set(this.kmem, task, 'pending', this.task.get(this.kmem, task, 'pending') | (1 << (SIGPIPE - 1)));
      return -32; // EPIPE
    }
    for (const b of bytes) f.pipe.data.push(b);
    for (const t of f.pipe.waiters) this.wakeUp(t);
    f.pipe.waiters.clear();
    return bytes.length;
  }

  vfsRead(fd: number, buf: number, count: number): number {
    const r = this.readFile(this.current.ts, fd, count);
    if (typeof r === 'number') return r;
    try {
      this.current.thread.mem.writeBytes(buf, r);
    } catch (e) {
      if (e instanceof MemoryFault) return -14; // EFAULT
      throw e;
    }
    return r.length;
  }

  /** read(2) on a task's descriptor: bytes, or -errno (-EAGAIN: an empty pipe that still has writers). */
  private readFile(task: number, fd: number, count: number): Uint8Array | number {
    const f: OpenFile | undefined = this.fdTable(task).get(fd);
    if (!f) return -EBADF;
    if (f.kind === 'tty') {
      if (f.stream !== 0) return -EBADF;
      const input = this.options.io.stdin ?? new Uint8Array(0);
      const out = input.subarray(this.stdinPos, this.stdinPos + count);
      this.stdinPos += out.length;
      return out.slice();
    }
    if (f.end !== 'read') return -EBADF;
    // read(fd, buf, 0) returns 0 at once, even on an empty pipe.
    if (count === 0) return new Uint8Array(0);
    if (f.pipe.data.length === 0) return f.pipe.writers > 0 ? -11 : new Uint8Array(0);
    return Uint8Array.from(f.pipe.data.splice(0, count));
  }

  pipeWaitReadable(fd: number): void {
    const f = this.fdTable().get(fd);
    if (f?.kind === 'pipe') f.pipe.waiters.add(this.current.ts);
  }

  doPipe(fildes: number): number {
    const table = this.fdTable();
    const { read, write } = newPipe();
    const r = table.install(read);
    if (r < 0) return r;
    const w = table.install(write);
    if (w < 0) {
      table.close(r, () => {});
      return w;
    }
    try {
      this.current.thread.mem.write32(fildes, r);
      this.current.thread.mem.write32(fildes + 4, w);
    } catch (e) {
      if (!(e instanceof MemoryFault)) throw e;
      table.close(r, () => {});
      table.close(w, () => {});
      return -14;
    }
    return 0;
  }

  closeFd(fd: number): number {
    return this.fdTable().close(fd, (t) => this.wakeUp(t));
  }

  dupFd(fd: number): number {
    const table = this.fdTable();
    const f = table.get(fd);
    if (!f) return -EBADF;
    f.refs++;
    return table.install(f);
  }

  dup2Fd(oldfd: number, newfd: number): number {
    const table = this.fdTable();
    const f = table.get(oldfd);
    if (!f) return -EBADF;
    if (oldfd === newfd) return newfd;
    if (table.get(newfd)) table.close(newfd, (t) => this.wakeUp(t));
    f.refs++;
    table.fds[newfd] = f;
    return newfd;
  }

  /**
   * run_init_process: kernel_execve of /sbin/init in the current kernel thread, which becomes PID 1's
   * user process. Its arguments are the user's argv, as Linux passes init the kernel's command line.
   * init is not counted among the live user tasks: the run ends when every other process has.
   */
  runInitProcess(path: string): never {
    const program = this.options.loadProgram(path);
    if (!program) this.panic(`No working init found.  Try passing init= option to kernel.`);
    this.exec({ program, argv: [path, ...this.options.argv], envp: this.options.envp, name: baseName(path) });
  }

  /** execve's search: the program at `filename`, with argv and envp copied from user memory. */
  bprmLoad(filenameAddr: number, argvAddr: number, envpAddr: number): number {
    const mem = this.current.thread.mem;
    try {
      const filename = new TextDecoder().decode(mem.readCString(filenameAddr, 4096));
      // The path the user ran (argv[0]) names the program they compiled: the shell execs it there.
      const program = filename === this.options.argv[0] ? this.program : this.options.loadProgram(filename);
      if (!program) return -2; // ENOENT
      this.pendingExec = { program, argv: this.readStrings(argvAddr), envp: this.readStrings(envpAddr), name: baseName(filename) };
      return 0;
    } catch (e) {
      if (e instanceof MemoryFault) return -14; // EFAULT
      throw e;
    }
  }

  private readStrings(arrayAddr: number): string[] {
    const mem = this.current.thread.mem;
    const out: string[] = [];
    if (arrayAddr === 0) return out;
    for (let i = 0; ; i++) {
      const p = Number(mem.readU64(arrayAddr + 8 * i));
      if (p === 0) return out;
      out.push(new TextDecoder().decode(mem.readCString(p, 4096)));
    }
  }

  beginNewExec(): never {
    const pending = this.pendingExec;
    if (!pending) throw new Error('begin_new_exec without bprm_load');
    this.pendingExec = undefined;
    // The run's outcome is that of the first task to exec the user's program (the shell's child).
    if (pending.program === this.program && !this.programStarted) {
      this.programStarted = true;
      this.programTask = this.current.ts;
      this.tracer?.attach(this.current.ts, this.traceProcess(this.current));
    }
    // The old memory goes, unless another task (a vfork parent) still uses it.
    const oldMm = this.task.get(this.kmem, this.current.ts, 'mm');
    if (oldMm !== 0) {
      const users = this.mm.get(this.kmem, oldMm, 'mm_users') - 1;
      this.mm.set(this.kmem, oldMm, 'mm_users', users);
      if (users === 0) {
        this.dropMm(this.mm.get(this.kmem, oldMm, '__host_id'));
        this.kfree(oldMm);
      }
    }
    this.exec(pending);
  }

  /** Starts `program` in the current task: a new address space and mm_struct, comm, a fresh thread. */
  private exec(e: { program: LinkedProgram; argv: string[]; envp: string[]; name: string }): never {
    const task = this.current;
    const oldMem = task.thread.mem;
    const image = buildUserImage(e.program, e.argv, e.envp, this.kmem);
    const id = this.addMm(image.mem);
    const mm = this.kzalloc(this.mm.type.size);
    this.mm.set(this.kmem, mm, 'mm_users', 1);
    this.mm.set(this.kmem, mm, 'mm_count', 1);
    this.mm.set(this.kmem, mm, '__host_id', id);
    this.mm.set(this.kmem, mm, 'start_brk', e.program.heapStart);
    this.mm.set(this.kmem, mm, 'brk', e.program.heapStart);
    this.mm.set(this.kmem, mm, 'start_stack', image.sp);
    this.task.set(this.kmem, task.ts, 'mm', mm);
    this.task.set(this.kmem, task.ts, 'active_mm', mm);
    this.task.set(this.kmem, task.ts, 'flags', this.task.get(this.kmem, task.ts, 'flags') & ~PF_KTHREAD);
    this.task.setString(this.kmem, task.ts, 'comm', e.name, TASK_COMM_LEN);
    task.program = e.program;
    task.ctx = this.contextFor(image.mem, e.program, e.name);
    this.tracer?.execDone(task.ts, this.traceProcess(task));
    startProgram(task.thread, e.program, image, task.ctx, this.calleesFor(e.program));
    // The kernel stack it ran on stays, now for its system calls.
    task.kernelStack ??= this.allocStack();
    task.thread.kstack = task.kernelStack + THREAD_SIZE;
    if (oldMem !== this.kmem && !this.mmSpaces.has(oldMem)) oldMem.release();
    throw RESCHEDULE;
  }

  private calleesFor(program: LinkedProgram): ReadonlyMap<number, Callee> {
    let m = this.calleesByProgram.get(program);
    if (!m) {
      m = new Map([...this.kernelCallees, ...program.callees]);
      this.calleesByProgram.set(program, m);
    }
    return m;
  }

  /** What the C library's builtins may do to the process running them. */
  private contextFor(mem: AddressSpace, program: LinkedProgram, name: string): BuiltinContext {
    const io = this.options.io;
    const errnoAddr = errnoLocator(program, mem, () => this.tls.base(this.kmem, this.current.ts));
    return {
      mem,
      programName: name,
      heapLimit: USER_HEAP_LIMIT,
      machine: this,
      // stdio's own writes and reads (printf's flush, getchar) go through the task's descriptors too.
      sysWrite: (fd, bytes) => this.writeFile(this.current.ts, fd, bytes),
      sysRead: (fd, max) => {
        const r = this.readFile(this.current.ts, fd, max);
        return r === -11 ? new Uint8Array(0) : r;
      },
      isatty: (fd) => this.fdTable(this.current.ts).get(fd)?.kind === 'tty' && io.stdio === 'tty',
      getErrno: () => {
        const at = errnoAddr();
        return at === undefined ? 0 : mem.readI32(at);
      },
      setErrno: (e) => {
        const at = errnoAddr();
        if (at !== undefined) mem.write32(at, e);
      },
      // errno is thread-local: its address, like a TLS symbol's, is the calling thread's own.
      symbol: (n) => (n === 'errno' ? errnoAddr() : program.globals.get(n)?.addr),
      exitProcess: (status) => {
        this.forceCall(this.current, 'sys_exit_group', status);
        throw RESCHEDULE;
      },
      raiseSignal: (sig) => {
        this.forceCall(this.current, 'do_group_exit', sig);
        throw RESCHEDULE;
      },
    };
  }
}
