// The simulated computer: the kernel's memory, its tasks and the CPU that runs them. The kernel's
// logic is pseudo-C (sysroot/kernel, sysroot/init); this class is the hardware and the mechanics its
// host builtins stand for: memory allocation, address spaces, threads, the run queue, the switch.
// Jobs that need little of its state are modules it owns: files and pipes (vfs.ts), execve's loading
// (exec.ts), the --mem report (memory-report.ts) and how a run ends (run-outcome.ts).
import type { RunOutcome } from '../api';
import { KernelSlab } from './slab';
import type { LinkedProgram } from '../vm/compiler/link';
import { ProcessExit, SIGBUS, SignalFault, SIGSEGV } from '../vm/faults';
import type { BuiltinContext, Value } from '../vm/host';
import { type DebugHooks, emptyHooks, executeDebug, type StopReason } from '../vm/debug';
import { enterFrame, execute } from '../vm/interpreter';
import { AddressSpace, LAYOUT, MemoryFault, OutOfMemory, PAGE_SIZE } from '../vm/memory';
import { sizeOf } from '../lang/types';
import { type Callee, type Frame, type FunctionCode, Thread } from '../vm/thread';
import { ExecLoader } from './exec';
import { PF_KTHREAD, type Task, THREAD_SIZE } from './task';
import type { KernelImage } from './image';
import { type Field, pointee, StructView } from './layout';
import { type MemoryCounters, MmCounters } from './mm-counters';
import { MemoryReport } from './memory-report';
import { deadlockReport, exitOutcome, type Sleeper, spinLockupReport } from './run-outcome';
import { Vfs } from './vfs';
import { E } from '../libc/errno';
import { isLinkedModule, mapModule } from './modules';
import { PID_MAX_LIMIT, PID_MAX_MIN, PidAllocator } from './pids';
import { FileTree } from './namei';
import { KERN_ERR, KernelLog } from './printk';
import { oopsReport } from './oops';
import type { SchedPolicy } from './runqueue';
import { type Cpu, NR_CPUS, Smp, TICK_STEPS } from './cpus';
import { CpuTimeAccounting } from './cputime';
import { TaskFaults } from './task-faults';
import { formatProcessTree, readChildren } from './pstree';
import { formatProcessList, listProcesses, type ProcessRow } from './ps';
import { type SignalInfo, SyscallTracer } from './strace';
import { startClonedThread } from './clone-thread';
import { TlsView } from './tls';
import { ProcessContext, type ProcessHost } from './process-context';
import { RealTimers } from './itimers';
import { RLIMIT_STACK, Rlimits } from './rlimit';
import { noteReturnToUser, type SigpendingLayout, sigpendingLayout, signalPendingAt, trapUserFault } from './sigframe';

const TASK_RUNNING = 0;
const TASK_NORMAL = 0x3;
const TASK_DEAD = 0x80;
const TASK_NEW = 0x800;
/** linux/sched.h's task->ptrace flag: the task is traced. */
const PT_PTRACED = 0x1;
/** preempt_count's hardirq, softirq and NMI fields (linux/preempt.h): nonzero in interrupt context. */
const IRQ_MASK = 0x00ffff00;
/** How long a run may last in virtual time unless told otherwise (MachineOptions.maxVirtualNs). */
const DEFAULT_MAX_VIRTUAL_NS = 3600e9;
/** Room for pid_max's default 32768 tasks, each with its 16 KiB kernel stack (pages are mapped when touched). */
const DEFAULT_KERNEL_MEMORY = 1024 * 1024 * 1024;
const USER_HEAP_LIMIT = 256 * 1024 * 1024;
/** SIGKILL, the OOM killer's signal. */
const SIGKILL = 9;
/** Virtual nanoseconds per VM step: a simple clock for start_time and the like. */
const NS_PER_STEP = 1;

/** Thrown by a builtin that has switched the CPU or rewritten the running thread: the op stops there. */
class Reschedule {}
const RESCHEDULE = new Reschedule();

/** What step() returns when the run goes on and no hook stopped it: one object for every slice. */
const GOING_ON: Readonly<{ outcome?: RunOutcome; stop?: StopReason }> = Object.freeze({});

class KernelPanic extends Error {}
/** A CPU spins on a spinlock that nothing can ever release: the run is over (see spinLockupCheck). */
class SpinLockup extends Error {}

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
  /**
   * Bytes the kernel may allocate (kmalloc and kernel stacks; default 1 GiB), as a machine's memory
   * size bounds it: beyond it fork fails with ENOMEM.
   */
  kernelMemory?: number;
  io: MachineIO;
  /** The scheduler's policy (default cfs) and the random policy's seed. */
  sched?: { policy: SchedPolicy; seed?: number };
  /** How many CPUs the machine has (1 … 64, default 1). */
  cpus?: number;
  /**
   * Receives the strace-style trace of the program's system calls (see strace.ts); no tracing when
   * absent. Steps run under a debugger's hooks are not traced.
   */
  trace?: (text: string) => void;
  /** Called as the user's program ends (a zombie its shell has not reaped yet): a moment to look at the tree. */
  onProgramExit?: () => void;
}

export class Machine {
  readonly kmem: AddressSpace;
  readonly pids: PidAllocator;
  /** The CPUs and their run queues (cpus.ts). */
  readonly smp: Smp<Task>;
  private readonly task: StructView;
  /** The task_struct fields the switch, pick and wake paths touch every time, looked up once. */
  private readonly taskField: { state: Field; onCpu: Field; mm: Field; flags: Field };
  private readonly mm: StructView;
  private readonly mmCounters: MmCounters;
  /** memoryCounters and --mem's table (memory-report.ts). */
  private readonly memoryReport: MemoryReport;
  private readonly cloneArgs: StructView;
  /** struct signal_struct, for the tracer's look at de_thread (supersededByExec). */
  private signalStruct: StructView | undefined;
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
  /** Modules whose removal was asked for (rmmod), waiting for a moment the CPU can take an interrupt. */
  private readonly rmmodRequests: string[] = [];
  /**
   * The thread a context switch stopped, with the frame it stopped in (see contextSwitch); two fields
   * rather than an object, as every switch parks a thread.
   */
  private parkedThread: Thread | undefined;
  private parkedFrame: Frame | undefined;
  /** A task that released itself while running, freed once switched out. */
  private selfReleased: number | undefined;
  /** Descriptor tables, the terminal and pipes: what the file system calls work on (vfs.ts). */
  readonly vfs: Vfs;
  private skippedNs = 0;
  /** Where the debugger last stopped a thread: resuming runs that op without stopping again. */
  private lastStop: { thread: Thread; frame: Frame | undefined; pc: number } | undefined;
  private readonly kernelCtx: BuiltinContext;
  /** The kernel's functions, and those of the modules loaded since boot. */
  private readonly kernelCallees: Map<number, Callee>;
  /** Each user program's functions with the kernel's, for the threads running it. */
  private readonly calleesByProgram = new Map<LinkedProgram, Map<number, Callee>>();
  /** execve's loading (exec.ts). */
  private readonly execLoader: ExecLoader;
  private steps = 0;
  private programTask: number | undefined;
  /** Whether the user's program has been exec'ed: only that first exec is the run's program. */
  private programStarted = false;
  /** How the user's program ended (set when its task dies; the run goes on while other processes live). */
  private programExit: RunOutcome | undefined;
  private liveUserTasks = 0;
  /** Every task's CPU time (se.sum_exec_runtime, utime, stime), whatever the policy. */
  private readonly cputime: CpuTimeAccounting;
  private readonly faults: TaskFaults;
  private readonly tracer: SyscallTracer | undefined;
  /** With tracing: stop at every system call's first op, where its arguments are in its registers. */
  private traceHooks: DebugHooks | undefined;
  private readonly kernelLog = new KernelLog();
  private readonly slab: KernelSlab;
  private readonly moduleStruct: StructView;
  /** Where signal_pending()'s words are in a task_struct and its signal_struct. */
  private readonly sigpending: SigpendingLayout;
  /** Oopses so far: Linux's die_counter, the "[#N]" of each report. */
  private oopses = 0;
  private readonly rlimits: Rlimits;

  constructor(private readonly kernel: KernelImage, private readonly program: LinkedProgram, private readonly options: MachineOptions) {
    this.kmem = kernel.program.image.kernelCopy();
    this.kmem.map(LAYOUT.kernelHeap, 0, 'rw', '[heap]');
    this.kmem.startBrk = this.kmem.brk = LAYOUT.kernelHeap;
    this.slab = new KernelSlab(this.kmem, options.kernelMemory ?? DEFAULT_KERNEL_MEMORY);
    const pids = new PidAllocator(options.pidMax);
    this.pids = pids;
    this.cputime = new CpuTimeAccounting(this.kmem, new StructView(kernel.taskStruct));
    this.faults = new TaskFaults(this.kmem, new StructView(kernel.taskStruct));
    this.smp = this.createCpus(kernel, options);
    this.seedCrng(kernel, options);
    if (options.trace) this.tracer = new SyscallTracer(options.trace);
    this.task = new StructView(kernel.taskStruct);
    this.taskField = { state: this.task.field('__state'), onCpu: this.task.field('on_cpu'), mm: this.task.field('mm'), flags: this.task.field('flags') };
    this.mm = new StructView(kernel.mmStruct);
    this.mmCounters = new MmCounters(this.kmem, this.mm);
    this.memoryReport = new MemoryReport(this.kmem, this.task, this.mmCounters, this.tasks, (ts) => this.isUser(ts));
    this.cloneArgs = new StructView(kernel.cloneArgs);
    this.tls = new TlsView(kernel.taskStruct);
    this.kernelCallees = new Map(kernel.program.callees);
    this.moduleStruct = new StructView(kernel.moduleStruct);
    this.sigpending = sigpendingLayout(kernel.taskStruct);
    this.rlimits = new Rlimits(this.kmem, kernel.taskStruct);
    const fsStruct = new StructView(kernel.fsStruct);
    this.vfs = new Vfs(this.kmem, this.task, options.io, {
      currentTask: () => this.current.ts,
      currentMemory: () => this.current.thread.mem,
      wakeUp: (t) => this.wakeUp(t),
      workingDirectory: () => {
        const fs = this.task.get(this.kmem, this.current.ts, 'fs');
        return fs === 0 ? 0 : fsStruct.get(this.kmem, fs, 'pwd');
      },
      rlimit: (resource) => this.rlimits.cur(this.current.ts, resource),
    }, new FileTree({ pidMax: { get: () => pids.pidMax, set: (v: number) => (pids.pidMax = v), min: PID_MAX_MIN, max: PID_MAX_LIMIT } }));
    this.kernelCtx = this.contextFor(this.kmem, kernel.program);
    this.execLoader = new ExecLoader(this.kmem, this.task, this.mm, program, options, {
      kernelViews: { kernelMode: this.kmem, userMode: this.vvarView(kernel), accountFault: () => this.faults.minor(this.current.ts) },
      execAccess: (path) => this.vfs.execAccess(path),
      stackRlimit: (ts) => this.rlimits.cur(ts, RLIMIT_STACK),
      addMm: (space) => this.addMm(space),
      isMm: (space) => this.mmSpaces.has(space),
      kzalloc: (size) => this.kzalloc(size),
      allocStack: () => this.allocStack(),
      contextFor: (mem, p) => this.contextFor(mem, p),
      calleesFor: (p) => this.calleesFor(p),
      execDone: (task) => this.tracer?.execDone(task.ts, this.traceProcess(task)),
    });
    this.boot();
  }

  /**
   * The random number generator's key (drivers/char/random.c), from the machine's seed as Linux's comes
   * from the hardware's entropy at boot: the same seed, the same bytes from getrandom.
   */
  /** The kernel memory user code may read: the vDSO's data, Linux's [vvar] page (kernel/time/vsyscall.c). */
  private vvarView(kernel: KernelImage): AddressSpace {
    const data = kernel.vvar.get('_vdso_data')!;
    return this.kmem.userView(data.addr, data.addr + sizeOf(data.type));
  }

  private seedCrng(kernel: KernelImage, options: MachineOptions): void {
    const state = kernel.program.globals.get('crng_state');
    if (!state) throw new Error('the kernel has no crng_state');
    this.kmem.write64(state.addr, options.sched?.seed ?? 1);
  }

  /**
   * The CPUs. The kernel learns how many there are as it would from the firmware, before it boots
   * (nr_cpu_ids and the possible mask); CPU 0 starts it, the others wait for smp_init to start them.
   */
  private createCpus(kernel: KernelImage, options: MachineOptions): Smp<Task> {
    const n = options.cpus ?? 1;
    if (!Number.isInteger(n) || n < 1 || n > NR_CPUS) throw new Error(`a machine has 1 to ${NR_CPUS} CPUs, not ${n}`);
    const global = (name: string) => {
      const g = kernel.program.globals.get(name);
      if (!g) throw new Error(`the kernel has no ${name}`);
      return g;
    };
    const runqueues = global('runqueues');
    if (runqueues.type.kind !== 'array' || runqueues.type.of.kind !== 'struct') throw new Error('runqueues is no array of struct rq');
    this.kmem.write32(global('nr_cpu_ids').addr, n);
    const possible = global('__cpu_possible_mask').addr;
    this.kmem.write32(possible, n >= 32 ? 0xffffffff : 2 ** n - 1);
    this.kmem.write32(possible + 4, n <= 32 ? 0 : 2 ** (n - 32) - 1);
    const policy = options.sched?.policy ?? 'cfs';
    return new Smp<Task>(this.kmem, new StructView(kernel.taskStruct), { addr: runqueues.addr, element: new StructView(runqueues.type.of) }, { cpus: n, policy, seed: options.sched?.seed });
  }

  /** The task running on the CPU that runs now: what get_current() returns. */
  private get current(): Task {
    return this.smp.current.curr;
  }

  /** That CPU's idle task (swapper/N). */
  private get idle(): Task {
    return this.smp.current.idle;
  }

  // ------------------------------------------------------------------ running

  /** Runs to the end: until the last user process is gone, or maxSteps. */
  run(): RunOutcome {
    for (;;) {
      const r = this.step(TICK_STEPS);
      if (r.outcome) {
        this.tracer?.flush();
        return r.outcome;
      }
    }
  }

  /**
   * Runs the CPU whose turn it is for up to `budget` steps (to its next timer tick at most), under the
   * debugger's `hooks` when given. Returns the run's outcome once it is over, or where a hook stopped
   * the running thread. The CPUs take turns (see cpus.ts).
   */
  step(budget: number, hooks?: DebugHooks): { outcome?: RunOutcome; stop?: StopReason } {
    const max = this.options.maxSteps ?? Infinity;
    if (this.steps >= max) return { outcome: { kind: 'step-limit', steps: this.steps } };
    if (this.rmmodRequests.length > 0) this.startRmmods();
    let cpu = this.smp.turnCpu();
    if (!cpu) {
      const end = this.idleOutcome();
      if (end) return { outcome: end };
      cpu = this.smp.turnCpu();
      if (!cpu) return GOING_ON;
    }
    this.fireTimers();
    this.takeReschedIpi(cpu);
    const running = this.current;
    const t = running.thread;
    const before = t.steps;
    const slice = Math.min(budget, Math.max(1, cpu.tickAt - before), this.smp.turnSlice(cpu), max - this.steps);
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
      this.unpark();
    } catch (e) {
      this.unpark();
      this.steps += t.steps - before;
      if (e === RESCHEDULE) return GOING_ON;
      if (e instanceof KernelPanic) return { outcome: this.panicOutcome(e.message) };
      if (e instanceof SpinLockup) return { outcome: { kind: 'deadlock', steps: this.steps, message: e.message } };
      if (e instanceof OutOfMemory) {
        this.outOfMemory(this.current);
        return GOING_ON;
      }
      const sig = e instanceof SignalFault ? e.signal : e instanceof MemoryFault ? (e.reason === 'sigbus' ? SIGBUS : SIGSEGV) : undefined;
      // A user-mode fault traps into the kernel, which sends the signal (a handler may catch it); one
      // in kernel code is an oops, which kills the task.
      const trap = e instanceof SignalFault || e instanceof MemoryFault ? trapUserFault(t, e) : undefined;
      if (trap !== undefined) this.pushKernelCall(t, trap.entry, trap.args);
      else if ((e instanceof SignalFault || e instanceof MemoryFault) && t.frame?.code.inKernel) this.oops(e);
      else if (sig !== undefined) this.forceCall(this.current, 'do_group_exit', sig);
      else if (e instanceof ProcessExit) this.forceCall(this.current, 'sys_exit_group', e.status);
      else throw e;
    } finally {
      this.accountSlice(running, t.steps - before);
      this.smp.account(cpu, t.steps - before);
    }
    this.timerTick(cpu);
    return GOING_ON;
  }

  /**
   * The steps of a slice are the CPU time of the task that had the CPU (a switch ends the slice), unless
   * it was the idle task or has been released since.
   */
  private accountSlice(task: Task, steps: number): void {
    if (task === this.idle || this.tasks.get(task.ts) !== task) return;
    const f = task.thread.frame;
    this.cputime.charge(task.ts, steps, f !== undefined && !f.code.inKernel);
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
    this.deliverSignals(t, true, Number(ret));
    // A turn that ran out in kernel code ends here, on the way back to user mode (see timerTick):
    // sampling the mode at the end of each overtime slice could miss it for good, when a task's
    // system calls come at the slices' own period.
    const f = t.frame;
    if (f !== undefined && !f.code.inKernel && this.smp.turnOverdue(this.smp.current)) this.park(t);
  };

  /**
   * The memory counters of process `pid`, its mm_struct's brought up to date: null for a kernel thread
   * (it has no mm), undefined when no task has that PID.
   */
  memoryCounters(pid: number): MemoryCounters | null | undefined {
    return this.memoryReport.counters(pid);
  }

  /** --mem: from now on, keep the counters of each of the program's processes as its memory goes. */
  keepMemoryRecords(): void {
    this.memoryReport.keepRecords();
  }

  /** --mem's table: every process of the program, gone or still running, with its memory counters. */
  memoryTable(): string {
    return this.memoryReport.table();
  }

  /** The process tree now, as `pstree -p` draws it from the task_structs (see pstree.ts). */
  processTree(): string {
    return formatProcessTree(readChildren(this.kmem, this.task, this.smp.cpus[0]!.idle.ts));
  }

  /** Every process now, as `ps -eo pid,ppid,stat,comm` sees them (see ps.ts). */
  processList(): ProcessRow[] {
    return listProcesses(this.kmem, this.task, this.smp.cpus[0]!.idle.ts);
  }

  /** processList() printed as `ps -eo pid,ppid,stat,comm` prints it. */
  processTable(): string {
    return formatProcessList(this.processList(), this.pids.pidMax);
  }

  /** Stops `t` after the running op, as a switch does: the run loop ends when it sees no frame. */
  private park(t: Thread): void {
    this.parkedThread = t;
    this.parkedFrame = t.frame;
    t.frame = undefined;
  }

  /** Gives a thread stopped by a context switch its frame back. */
  private unpark(): void {
    const t = this.parkedThread;
    if (!t) return;
    t.frame = this.parkedFrame;
    this.parkedThread = this.parkedFrame = undefined;
  }

  /** The thread the CPU is running: where a debugger stop happened. */
  currentThread(): Thread {
    return this.current.thread;
  }

  /** PID 0 runs start_kernel on a stack of its own; everything else follows from the kernel's code. */
  private boot(): void {
    const initTask = this.kernel.program.globals.get('init_task')!.addr;
    const idle = this.newKernelTask(initTask, this.allocStack());
    this.smp.bringUp(this.smp.cpus[0]!, idle);
    this.pushKernelCall(idle.thread, 'start_kernel', []);
  }

  private newKernelTask(ts: number, stack: number): Task {
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

  /**
   * mm/oom_kill.c: a page fault of `task` found no memory left. The process that faulted is the one
   * killed (as with vm.oom_kill_allocating_task; Linux's default picks the process with the most
   * memory, which in Forkscope's bounded machine is nearly always the same one).
   */
  private outOfMemory(task: Task): void {
    const mem = task.thread.mem;
    const totalVm = mem.vmas.reduce((sum, v) => sum + (v.end - v.start), 0) / 1024;
    const rss = (mem.stats().residentPages * PAGE_SIZE) / 1024;
    const pid = this.task.get(this.kmem, task.ts, 'tgid');
    const comm = this.task.getString(this.kmem, task.ts, 'comm');
    this.printk(`${KERN_ERR}Out of memory: Killed process ${pid} (${comm}) total-vm:${totalVm}kB, anon-rss:${rss}kB, file-rss:0kB, shmem-rss:0kB, UID:0\n`);
    this.forceCall(task, 'do_group_exit', SIGKILL);
  }

  /**
   * Kernel code faulted: the oops report goes to the log and the console, and the task dies of SIGKILL
   * (make_task_dead's do_exit), whatever it held; the rest of the machine goes on.
   */
  private oops(fault: SignalFault | MemoryFault): void {
    const task = this.current;
    const who = { cpu: this.smp.current.id, pid: this.task.get(this.kmem, task.ts, 'pid'), comm: this.task.getString(this.kmem, task.ts, 'comm') };
    for (const line of oopsReport(fault, task.thread.frames(), who, ++this.oopses)) this.printk(line);
    this.forceCall(task, 'do_exit', SIGKILL);
  }

  /** Makes a task call a kernel function now, as an interrupt or a fault entering the kernel does. */
  private forceCall(task: Task, name: string, arg: number): void {
    this.pushKernelCall(task.thread, name, [arg]);
  }

  /**
   * The end of a slice on `cpu`. A due timer tick interrupts a task in user mode when another task waits
   * for its CPU, or on a machine of several CPUs, where the tick also drives load balancing
   * (sysvec_apic_timer_interrupt, time/tick.c); a lone CPU running a lone task has its tick stopped
   * (NO_HZ_FULL). The kernel is not preemptible, so a tick that finds the task in kernel mode does nothing.
   * The CPU's turn ends once it is over and the CPU is not in kernel code: no other CPU runs kernel code
   * meanwhile (the big kernel lock of cpus.ts).
   */
  private timerTick(cpu: Cpu<Task>): void {
    const t = cpu.curr.thread;
    const f = t.frame;
    const userMode = f !== undefined && !f.code.inKernel;
    if (t.steps >= cpu.tickAt) {
      cpu.tickAt = t.steps + TICK_STEPS;
      if (userMode && (cpu.rq.length > 0 || this.smp.cpus.length > 1)) {
        if (cpu.rq.length > 0) this.smp.kickIdle(cpu);
        this.pushKernelCall(t, 'sysvec_apic_timer_interrupt', []);
        return;
      }
    }
    if (cpu.turnLeft <= 0 && (userMode || f === undefined)) this.smp.endTurn();
  }

  /**
   * A reschedule IPI interrupts a task in user mode (sysvec_reschedule_ipi); the idle task needs none,
   * as its loop schedules once woken. Kernel code is not preemptible: there the IPI waits.
   */
  private takeReschedIpi(cpu: Cpu<Task>): void {
    if (!cpu.reschedIpi) return;
    const f = cpu.curr.thread.frame;
    if (cpu.curr === cpu.idle) cpu.reschedIpi = false;
    else if (f !== undefined && !f.code.inKernel) {
      cpu.reschedIpi = false;
      this.pushKernelCall(cpu.curr.thread, 'sysvec_reschedule_ipi', []);
    }
  }

  /** Whether the CPU runs an interrupt handler (in_interrupt()): `current` there is only the task it interrupted. */
  inInterrupt(cpu = this.smp.current.id): boolean {
    const c = this.smp.cpus[cpu];
    if (!c?.up) return false;
    return (this.task.get(this.kmem, c.curr.ts, 'preempt_count') & IRQ_MASK) !== 0;
  }

  /** __cpu_up: the CPU starts running its idle task (a task copy_thread has made, which runs start_secondary). */
  cpuUp(cpu: number, idle: number): void {
    const c = this.smp.cpus[cpu];
    const task = this.tasks.get(idle);
    if (!c || !task || c.up) throw new Error(`__cpu_up(${cpu}): no such CPU, no such task, or the CPU is up already`);
    this.smp.bringUp(c, task);
  }

  private idleOutcome(): RunOutcome | undefined {
    let interrupted = false;
    const next = this.nextTimerExpiry();
    if (this.smp.queuedTasks() === 0 && next !== undefined && next > (this.options.maxVirtualNs ?? DEFAULT_MAX_VIRTUAL_NS)) {
      // Sleeping past the limit on virtual time: a run whose tasks never end must still end.
      return { kind: 'time-limit', steps: this.steps, seconds: (this.options.maxVirtualNs ?? DEFAULT_MAX_VIRTUAL_NS) / 1e9 };
    }
    if (this.smp.queuedTasks() === 0 && next !== undefined) {
      // Every task sleeps: time passes at once to the next timer.
      this.skippedNs += Math.max(0, next - this.nowNs());
      interrupted = this.fireTimers();
    }
    if (interrupted) this.smp.current.halted = false;
    if (this.smp.queuedTasks() > 0 || interrupted) return undefined;
    if (this.liveUserTasks === 0) return { ...(this.programExit ?? { kind: 'exited', status: 0 }), steps: this.steps } as RunOutcome;
    return { kind: 'deadlock', steps: this.steps, message: deadlockReport(this.sleepers()) };
  }

  /**
   * The current task spins in spin_lock on a lock `owner` holds. It can never be released when the
   * owner is the spinner itself or no live task (it exited holding it), or when this is the only CPU:
   * the kernel is not preemptible and a spinner never sleeps, so the owner never runs again. (With
   * other CPUs, one of them may yet run it.)
   */
  spinLockupCheck(owner: number): void {
    const spinner = this.current;
    const holder = owner === spinner.ts ? undefined : this.tasks.get(owner);
    if (holder && this.smp.cpus.length > 1) return;
    const who = (task: Task): Sleeper => ({ comm: this.task.getString(this.kmem, task.ts, 'comm'), pid: this.task.get(this.kmem, task.ts, 'pid'), frame: task.thread.frame });
    const held = owner === spinner.ts ? 'self' : holder ? who(holder) : 'gone';
    throw new SpinLockup(spinLockupReport(who(spinner), held, spinner.thread.frames()));
  }

  /** The user processes that sleep when no task can run: every live one but init. */
  private sleepers(): Sleeper[] {
    const out: Sleeper[] = [];
    for (const task of this.tasks.values()) {
      if (!this.isUser(task.ts) || this.task.get(this.kmem, task.ts, 'pid') === 1 || this.task.get(this.kmem, task.ts, 'exit_state') !== 0) continue;
      out.push({ comm: this.task.getString(this.kmem, task.ts, 'comm'), pid: this.task.get(this.kmem, task.ts, 'pid'), frame: task.thread.frame });
    }
    return out;
  }

  private panicOutcome(message: string): RunOutcome {
    this.options.io.stderr(new TextEncoder().encode(`Kernel panic - not syncing: ${message}`));
    return { kind: 'panic', steps: this.steps, message };
  }

  private isUser(ts: number): boolean {
    return (this.taskField.flags.get(this.kmem, ts) & PF_KTHREAD) === 0;
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
    if ((this.taskField.state.get(this.kmem, task) & TASK_NORMAL) === 0) return;
    this.taskField.state.set(this.kmem, task, TASK_RUNNING);
    this.smp.setTaskCpu(task, this.smp.selectTaskRq(task, false));
    this.smp.enqueue(task);
  }

  /** A task returning to user mode (from a system call, or into its slice) with an unblocked signal pending runs exit_to_user_mode first. */
  private deliverSignals(t: Thread, fromSyscall = false, ret = 0): void {
    if (!this.signalPending(this.current.ts)) return;
    const f = t.frame;
    if (!f || f.code.inKernel) return;
    noteReturnToUser(t, fromSyscall, ret);
    this.pushKernelCall(t, 'exit_to_user_mode', []);
  }

  /** signal_pending(), cheaply: it runs on every return to user mode (see sigframe.ts). */
  private signalPending(ts: number): boolean {
    return signalPendingAt(this.kmem, ts, this.sigpending);
  }

  kzalloc(size: number): number {
    return this.slab.zalloc(size);
  }

  kmalloc(size: number): number {
    return this.slab.alloc(size);
  }

  /** A kernel stack: like Linux's, not zeroed (frames write before they read). */
  private allocStack(): number {
    const stack = this.slab.alloc(THREAD_SIZE);
    if (stack === 0) this.panic('Out of memory: no room for a kernel stack');
    return stack;
  }

  /** kfree of what was never allocated, or already freed: Linux's slab debugging reports it and goes on. */
  kfree(addr: number): void {
    if (addr === 0) return;
    if (!this.slab.free(addr)) this.printk(`BUG: kfree() of 0x${addr.toString(16)}: not an allocated object (double free?)\n`);
  }

  /**
   * `rmmod name`, as a user would run it: the kernel's usermode helper (kernel/umh.c) starts /sbin/rmmod,
   * which runs the module's exit function. Entered as an interrupt as soon as the CPU can take one.
   */
  rmmod(name: string): void {
    this.rmmodRequests.push(name);
  }

  /** Interrupts the CPU (a task in user mode, or the idle task) with usermodehelper_rmmod for each request. */
  private startRmmods(): void {
    const f = this.current.thread.frame;
    if (f?.code.inKernel && this.current !== this.idle) return;
    for (const name of this.rmmodRequests.splice(0)) {
      const bytes = new TextEncoder().encode(name);
      const addr = this.kzalloc(bytes.length + 1);
      this.kmem.writeBytes(addr, bytes);
      this.pushKernelCall(this.current.thread, 'usermodehelper_rmmod', [addr]);
    }
    this.smp.current.halted = false;
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

  /** get_mm_hiwater_rss: the most pages the memory of mm_struct `mm` has had resident at once. */
  mmHiwaterRss(mm: number): number {
    return this.mms.get(this.mm.get(this.kmem, mm, '__host_id'))?.hiwaterRss() ?? 0;
  }

  /** exit_mm: the task's pages go; a task still running on that stack keeps it until it is switched out. */
  dropMm(id: number): void {
    const space = this.mms.get(id);
    if (!space) return;
    this.mms.delete(id);
    this.mmSpaces.delete(space);
    // The current task's memory going (exit or exec; a failed fork drops its child's) is its last count.
    if (space === this.current.thread.mem) this.memoryReport.memoryGoing(this.current.ts, space);
    if (space !== this.current.thread.mem) space.release();
  }

  /**
   * access_remote_vm: `len` bytes at `addr` in the memory of mm_struct `mm` copied to `buf` in the
   * current task's (get_cmdline reads another process's arguments so). 0 when they are not mapped.
   */
  accessRemoteVm(mm: number, addr: number, buf: number, len: number): number {
    const space = this.mms.get(this.mm.get(this.kmem, mm, '__host_id'));
    if (!space || len <= 0) return 0;
    try {
      this.current.thread.mem.writeBytes(buf, space.readBytes(addr, len));
      return len;
    } catch (e) {
      if (e instanceof MemoryFault) return 0;
      throw e;
    }
  }

  /** copy_thread: the child's thread of execution. */
  copyThread(childTs: number, argsAddr: number): number {
    const mem = this.current.thread.mem;
    // alloc_thread_stack_node: with no memory left the fork fails, and copy_process undoes the rest.
    const kernelStack = this.slab.alloc(THREAD_SIZE);
    if (kernelStack === 0) return -E.ENOMEM;
    const fn = this.cloneArgs.get(mem, argsAddr, 'fn');
    if (fn !== 0) {
      const task = this.newKernelTask(childTs, kernelStack);
      const regs = enterFrame(task.thread, this.kernelFunction('kernel_thread_entry'), -1);
      regs[0] = fn;
      regs[1] = this.cloneArgs.get(mem, argsAddr, 'fn_arg');
      return 0;
    }
    const mmAddr = this.taskField.mm.get(this.kmem, childTs);
    const space = this.mms.get(this.mm.get(this.kmem, mmAddr, '__host_id'))!;
    const program = this.current.program ?? this.program;
    const ctx = this.contextFor(space, program);
    const newsp = this.cloneArgs.get(mem, argsAddr, 'stack');
    const clone3 = this.cloneArgs.get(mem, argsAddr, 'stack_size') !== 0;
    const child = newsp === 0 ? this.forkedThread(space, ctx) : startClonedThread(space, ctx, this.calleesFor(program), program, newsp, clone3);
    if (typeof child === 'number') {
      this.slab.free(kernelStack);
      return child;
    }
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
    const frames = parent.stack;
    let user = parent.depth - 1;
    while (user >= 0 && frames[user]!.code.inKernel) user--;
    if (user < 0) throw new Error('fork from a task with no user frames');
    const entry = frames[user + 1]!;
    const child = parent.clone(space, ctx, user + 1);
    if (entry.retReg >= 0) child.r[entry.retReg] = 0;
    child.sp = entry.callerSp;
    // The frame base the user frame saw: saved by the first kernel frame above it that set its own.
    let bp = parent.bp;
    for (let i = user + 1; i < parent.depth; i++) {
      if (frames[i]!.code.frameSize > 16) {
        bp = frames[i]!.savedBp;
        break;
      }
    }
    child.bp = bp;
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
  /**
   * RLIMIT_STACK changed for the process whose main thread is `ts`: that stack may now grow down to the
   * new limit, within the mapping exec made for it and never above where it already reaches. Linux
   * checks the limit as the stack grows (acct_stack_growth); the simulator checks a bound at each call.
   */
  updateStackLimit(ts: number): void {
    const thread = this.tasks.get(ts)?.thread;
    const stack = thread?.mem.vmas.find((v) => v.name === '[stack]');
    if (!thread || !stack) return;
    const bound = LAYOUT.stackTop - Math.floor(Math.min(this.rlimits.cur(ts, RLIMIT_STACK), LAYOUT.stackTop) / PAGE_SIZE) * PAGE_SIZE;
    thread.stackLimit = Math.max(stack.start, Math.min(bound, Math.floor(thread.sp / PAGE_SIZE) * PAGE_SIZE));
  }

  releaseTask(ts: number): void {
    const task = this.tasks.get(ts);
    // A fork that failed before copy_thread: only the task_struct was made.
    if (!task) return this.kfree(ts);
    if (task === this.current) {
      this.selfReleased = ts;
      return;
    }
    this.tasks.delete(ts);
    // Still TASK_NEW: a fork that failed after copy_thread (no PID left); the task never ran nor died.
    if (this.taskField.state.get(this.kmem, ts) === TASK_NEW) {
      if (this.isUser(ts)) this.liveUserTasks--;
      this.tracer?.forget(ts);
    }
    // Its status is recorded; the address may now be another task's, which must not overwrite it. A
    // leader released by another thread's exec (de_thread) hands the program on to that thread.
    if (ts === this.programTask) {
      const heir = this.task.get(this.kmem, ts, 'group_leader');
      this.programTask = heir !== ts ? heir : undefined;
    }
    if (task.kernelStack) this.kfree(task.kernelStack);
    this.kfree(ts);
  }

  /**
   * pick_next_task on the CPU running now. The CPU's stopper, when queued, goes first (the stop class);
   * otherwise prev competes again unless it sleeps. With nothing to run here the CPU pulls a task
   * waiting on a busier one; failing that the idle task runs, and when the idle task itself finds
   * nothing, the CPU halts until a task is queued on it.
   */
  pickNextTask(prev: number): number {
    const cpu = this.smp.current;
    const idle = cpu.idle.ts;
    const prevRunnable = prev !== idle && this.taskField.state.get(this.kmem, prev) === TASK_RUNNING;
    // This CPU reschedules now: a reschedule IPI still on its way has nothing left to do.
    cpu.reschedIpi = false;
    if (cpu.cfs) {
      // update_curr: prev pays for the steps it ran before it competes for the CPU again.
      const now = cpu.curr.thread.steps;
      if (prev !== idle) cpu.cfs.updateCurr(prev, now - cpu.ranSince);
      cpu.ranSince = now;
    }
    const stop = this.smp.takeStopTask(cpu);
    if (stop !== undefined) {
      if (prevRunnable && prev !== stop) cpu.rq.requeue(prev);
      this.smp.publish(cpu, stop);
      return stop;
    }
    const skip = cpu.skip;
    cpu.skip = undefined;
    const next = cpu.rq.pick(prevRunnable ? prev : undefined, skip) ?? this.smp.pull(cpu);
    if (next === undefined) {
      if (prev === idle) this.halt(cpu);
      this.smp.publish(cpu, idle);
      return idle;
    }
    cpu.cfs?.picked(next);
    this.smp.publish(cpu, next);
    return next;
  }

  /** The CPU halts (HLT in the idle loop): its idle thread stops after this op, as at a switch, and the CPU's turns are skipped until a task is queued on it. */
  private halt(cpu: Cpu<Task>): void {
    cpu.halted = true;
    this.park(cpu.idle.thread);
  }

  /** The CPU leaves prev (its thread stops after this op) and runs next. */
  contextSwitch(prev: number, next: number): void {
    const from = this.tasks.get(prev)!;
    const to = this.tasks.get(next);
    if (!to) throw new Error(`context switch to an unknown task`);
    // The memory prev leaves behind: its fault counters, O(1) (the page counts wait to be asked for).
    const prevMm = this.taskField.mm.get(this.kmem, prev);
    if (prevMm !== 0) this.mmCounters.syncFaults(prevMm, from.thread.mem);
    this.taskField.onCpu.set(this.kmem, prev, 0);
    this.taskField.onCpu.set(this.kmem, next, 1);
    const cpu = this.smp.current;
    cpu.curr = to;
    cpu.ranSince = to.thread.steps;
    cpu.tickAt = to.thread.steps + TICK_STEPS;
    this.smp.countSwitch(cpu);
    if (this.selfReleased === prev) {
      this.selfReleased = undefined;
      if (this.taskField.state.get(this.kmem, prev) === TASK_DEAD) this.finishDeadTask(from);
      this.releaseTask(prev);
      throw RESCHEDULE;
    }
    const prevState = this.taskField.state.get(this.kmem, prev);
    if (prevState === TASK_DEAD) {
      this.finishDeadTask(from);
      // It never runs again: all its frames go to the next task, to be reused (the run loop ends on
      // seeing no frame).
      from.thread.retire(to.thread);
      return;
    }
    // A task going to sleep lends its TLBs to the spaces that run meanwhile (the kernel's stay: every
    // task uses them).
    if (prevState !== TASK_RUNNING && from.thread.mem !== this.kmem) from.thread.mem.dropTlbs();
    // Stop prev's thread after this op without an exception (switches are frequent); step() puts
    // the frame back.
    this.park(from.thread);
    // The frames kept above the live ones for reuse go with the CPU to the next task.
    from.thread.handSpareFramesTo(to.thread);
  }

  /** ptrace_report_signal: --trace shows a signal the task at `ts` dequeues or ignores. */
  reportSignal(ts: number, info: SignalInfo): void {
    const task = this.tracer && this.tasks.get(ts);
    if (task) this.tracer!.signal(ts, this.traceProcess(task).pid, info);
  }

  /** ptrace_event(PTRACE_EVENT_EXEC): --trace learns which TID the task at `ts` exec'ed under. */
  reportExecEvent(ts: number, oldPid: number): void {
    const task = this.tracer && this.tasks.get(ts);
    if (task) this.tracer!.execEvent(ts, this.traceProcess(task), oldPid);
  }

  /** ptrace_report_group_stop: --trace shows that the task at `ts` stopped with its process. */
  reportGroupStop(ts: number, sig: number): void {
    const task = this.tracer && this.tasks.get(ts);
    if (task) this.tracer!.stopped(ts, this.traceProcess(task).pid, sig);
  }

  /** thread_group_empty(): no other thread on the task's ring. */
  private threadGroupEmpty(ts: number): boolean {
    const ring = ts + this.task.offsetOf('thread_group');
    return this.kmem.readPtr(ring) === ring;
  }

  /**
   * A leader killed by another thread's execve (signal->group_exec_task): de_thread gives that thread
   * its PID and releases it silently (EXIT_DEAD), so a tracer never hears of its death, only of the exec.
   */
  private supersededByExec(ts: number): boolean {
    const signal = this.task.get(this.kmem, ts, 'signal');
    if (signal === 0 || this.task.get(this.kmem, ts, 'group_leader') !== ts) return false;
    this.signalStruct ??= new StructView(pointee(this.task.type, 'signal'));
    const exec = this.signalStruct.get(this.kmem, signal, 'group_exec_task');
    return exec !== 0 && exec !== ts;
  }

  /** A task that has run do_exit is switched out for good: its thread and user memory go. */
  private finishDeadTask(task: Task): void {
    const mem = task.thread.mem;
    if (mem !== this.kmem && !this.mmSpaces.has(mem)) mem.release();
    if (this.isUser(task.ts)) this.liveUserTasks--;
    this.tracer?.exited(task.ts, this.traceProcess(task), this.task.get(this.kmem, task.ts, 'exit_code'), this.supersededByExec(task.ts));
    const leader = this.task.get(this.kmem, task.ts, 'group_leader');
    // The program has ended once its last thread has (a leader killed by another thread's exec has not).
    if (leader === this.programTask && this.threadGroupEmpty(leader)) this.options.onProgramExit?.();
    if (leader === this.programTask) {
      // A process's status is its leader's exit code (after a group exit, every thread has the same
      // one), final once the last of its threads is gone: whichever dies last writes it last.
      this.programExit = exitOutcome(this.task.get(this.kmem, leader, 'exit_code'));
    }
  }

  /**
   * run_init_process: kernel_execve of /sbin/init in the current kernel thread, which becomes PID 1's
   * user process. init is not counted among the live user tasks: the run ends when every other process has.
   */
  runInitProcess(path: string): never {
    const init = this.execLoader.initProcess(path);
    if (!init) this.panic(`No working init found.  Try passing init= option to kernel.`);
    this.execLoader.start(this.current, init);
    throw RESCHEDULE;
  }

  /** execve's search: the program at `filename`, with argv and envp copied from user memory. */
  bprmLoad(filenameAddr: number, argvAddr: number, envpAddr: number): number {
    return this.execLoader.bprmLoad(this.current.ts, this.current.thread.mem, filenameAddr, argvAddr, envpAddr);
  }

  beginNewExec(): never {
    const bprm = this.execLoader.takePrepared(this.current.ts);
    // The run's outcome is that of the first task to exec the user's program (the shell's child).
    if (bprm.program === this.program && !this.programStarted) {
      this.programStarted = true;
      this.programTask = this.current.ts;
      this.memoryReport.programStarted(this.current.ts);
      if (this.tracer) {
        this.tracer.attach(this.current.ts, this.traceProcess(this.current));
        // Its signals are reported (kernel/signal.c), and its children's: fork copies the flag.
        this.task.set(this.kmem, this.current.ts, 'ptrace', PT_PTRACED);
      }
    }
    // A kernel thread becoming a user process (the usermode helper's) counts among the live ones now.
    if (!this.isUser(this.current.ts)) this.liveUserTasks++;
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
    this.execLoader.start(this.current, bprm);
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

  /** What the C library's builtins may do to the process running them: a small object per process image. */
  private contextFor(mem: AddressSpace, program: LinkedProgram): BuiltinContext {
    return new ProcessContext(mem, program, this.processHost);
  }

  /** The machine's side of every process's context, made once: it acts for whichever task runs. */
  private readonly processHost: ProcessHost = {
    machine: this,
    heapLimit: USER_HEAP_LIMIT,
    tlsBase: () => this.tls.base(this.kmem, this.current.ts),
    tsc: () => this.nowNs(),
    exitGroup: (status) => {
      this.forceCall(this.current, 'sys_exit_group', status);
      throw RESCHEDULE;
    },
    // The C library's last words (malloc's corruption report) go out through its own __libc_fatal
    // (sysroot/lib/abort.c), so that write(2) and abort() are traced and a SIGABRT handler may catch
    // them: the builtin's op is abandoned for a call to it, with the message copied onto the stack.
    fatal: (program, message) => {
      const fatal = program.functions.get('__libc_fatal');
      if (!fatal) throw new Error('the C library sources define no __libc_fatal()');
      const t = this.current.thread;
      const bytes = Uint8Array.from(message + '\0', (c) => c.charCodeAt(0) & 0xff);
      const at = Math.floor((t.sp - bytes.length) / 16) * 16;
      t.mem.writeBytes(at, bytes);
      t.sp = at;
      t.stack.length = t.depth;
      enterFrame(t, fatal, -1)[0] = at;
      throw RESCHEDULE;
    },
  };
}
