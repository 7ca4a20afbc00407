// The machine's CPUs: one run queue each (Linux's per-CPU struct rq, mirrored into the kernel's
// `runqueues[]` so pseudo-C reads cpu_rq(cpu)->nr_running and ->curr), and how they share the host.
//
// The host runs one CPU at a time, in turns, always in the same order, so a run is reproducible:
//   - CPU 0, 1, 2 … each run TURN_STEPS steps per turn; a halted CPU (its idle task found nothing to
//     run) is skipped until a task is queued on it.
//   - Each CPU's timer interrupt comes TICK_STEPS steps after a task got the CPU (or after the last
//     tick), whoever runs elsewhere: turns decide only the order in which the host runs the CPUs.
//   - Kernel code is never interleaved with another CPU's: a turn that ends while its task is in kernel
//     mode goes on, in short slices, until the task is back in user mode or the CPU switches to a task
//     that is. This is Linux 2.0's big kernel lock; it is what lets the kernel's pseudo-C stay free of
//     the run-queue and tasklist locks an SMP kernel takes.
//   - The clock advances by rounds: a round is every CPU's turn once, and lasts as long as the longest
//     of them, as CPUs running side by side would.
//
// Placement (select_task_rq), kept simple enough to explain:
//   - a new task goes to the least loaded CPU it may run on, the lowest number on ties;
//   - a woken task goes back to the CPU it last ran on, unless its affinity no longer allows it;
//   - a CPU about to idle pulls a waiting task from the busiest CPU (newidle_balance), and a tick that
//     finds tasks waiting wakes a halted CPU that may run one of them (the nohz idle-balance kick).
// Busy CPUs balance in the kernel's pseudo-C (kernel/sched/fair.c), which walks each queue's
// cfs_tasks list: enqueue and dequeue keep it in kernel memory. A CPU's stopper, migration/N (rq->stop),
// is the stop class: queued, it runs before any other task there.
import type { AddressSpace } from '../vm/memory';
import type { Thread } from '../vm/thread';
import { CfsAccounting } from './cfs';
import { type Field, StructView } from './layout';
import { initListHead, listAdd, listDelInit } from './list-head';
import { RunQueue, type SchedPolicy } from './runqueue';

/** The largest machine: a cpumask is one unsigned long (linux/cpumask.h). */
export const NR_CPUS = 64;
/** A task's time slice: the timer interrupt comes this many steps after it got the CPU. */
export const TICK_STEPS = 4096;
/** How many steps a CPU runs before the next CPU's turn. */
export const TURN_STEPS = 4096;
/** A turn that ended in kernel mode goes on in slices this long, so the turn ends soon after the kernel is left. */
export const KERNEL_OVERTIME_STEPS = 256;

export interface CpuTask {
  ts: number;
  thread: Thread;
}

export class Cpu<T extends CpuTask> {
  /** rq->curr and rq->idle; set when the CPU is brought up (__cpu_up). */
  curr!: T;
  idle!: T;
  up = false;
  /** In the idle loop with nothing to run: the CPU waits for a task to be queued on it (HLT). */
  halted = false;
  /** When the CPU's next timer interrupt is due, in the running thread's own step count (Thread.steps). */
  tickAt = TICK_STEPS;
  /** Steps left in this CPU's turn. */
  turnLeft = TURN_STEPS;
  /** Steps run in the current round. */
  ranInRound = 0;
  /** curr's thread step count when it got the CPU: what update_curr charges it for. */
  ranSince = 0;
  /** The task that called sched_yield: the next pick prefers any other (CFS's skip buddy). */
  skip: number | undefined;
  /** A reschedule IPI (smp_send_reschedule) waits for the CPU to be able to take it. */
  reschedIpi = false;

  constructor(readonly id: number, readonly rq: RunQueue, readonly cfs: CfsAccounting | undefined) {}

  /** What placement compares: the tasks waiting here, plus the running one unless it is the idle task. */
  load(): number {
    return this.rq.length + (this.curr === this.idle ? 0 : 1);
  }
}

export interface SmpOptions {
  cpus: number;
  policy: SchedPolicy;
  seed?: number;
}

export class Smp<T extends CpuTask> {
  readonly cpus: Cpu<T>[] = [];
  private turn = 0;
  /** The clock in steps at the start of this round, and the longest turn of the round so far. */
  private clockBase = 0;
  private roundMax = 0;
  private readonly cpuOffset: number;
  private readonly maskOffset: number;
  private readonly onRqOffset: number;
  private readonly groupNodeOffset: number;
  private readonly cfsTasksOffset: number;
  private readonly rqView: StructView;
  /** The struct rq fields written on every enqueue, pick and switch. */
  private readonly rqField: { nrRunning: Field; curr: Field; stop: Field; nrSwitches: Field };
  private readonly rqBase: number;
  private readonly rqSize: number;

  constructor(private readonly kmem: AddressSpace, private readonly task: StructView, runqueues: { addr: number; element: StructView }, options: SmpOptions) {
    this.cpuOffset = task.offsetOf('cpu');
    this.maskOffset = task.offsetOf('cpus_allowed');
    const se = task.type.members?.find((m) => m.name === 'se')?.type;
    if (se?.kind !== 'struct') throw new Error('task_struct has no sched_entity se');
    const seView = new StructView(se);
    this.onRqOffset = task.offsetOf('se') + seView.offsetOf('on_rq');
    this.groupNodeOffset = task.offsetOf('se') + seView.offsetOf('group_node');
    this.rqView = runqueues.element;
    this.cfsTasksOffset = this.rqView.offsetOf('cfs_tasks');
    const rq = this.rqView;
    this.rqField = { nrRunning: rq.field('nr_running'), curr: rq.field('curr'), stop: rq.field('stop'), nrSwitches: rq.field('nr_switches') };
    this.rqBase = runqueues.addr;
    this.rqSize = runqueues.element.type.size;
    const onCpu = task.offsetOf('on_cpu');
    const isRunning = (ts: number): boolean => kmem.readI32(ts + onCpu) !== 0;
    for (let id = 0; id < options.cpus; id++) {
      const cfs = options.policy === 'cfs' ? new CfsAccounting(kmem, task) : undefined;
      this.cpus.push(new Cpu<T>(id, new RunQueue(isRunning, { policy: options.policy, seed: (options.seed ?? 1) + id, vruntimes: cfs }), cfs));
      this.rqView.set(kmem, this.rqAddr(id), 'cpu', id);
      initListHead(kmem, this.rqAddr(id) + this.cfsTasksOffset);
    }
  }

  /** The CPU running now: smp_processor_id(). */
  get current(): Cpu<T> {
    return this.cpus[this.turn]!;
  }

  /** The CPU whose turn it is, moving the turn past halted CPUs; undefined when every CPU is halted. */
  turnCpu(): Cpu<T> | undefined {
    for (let i = 0; i < this.cpus.length; i++) {
      const cpu = this.cpus[this.turn]!;
      if (cpu.up && !cpu.halted) return cpu;
      this.endTurn();
    }
    return undefined;
  }

  /** The next CPU's turn; past the last CPU a round ends and the clock moves on by its longest turn. */
  endTurn(): void {
    this.current.turnLeft = TURN_STEPS;
    if (++this.turn < this.cpus.length) return;
    this.turn = 0;
    this.clockBase += this.roundMax;
    this.roundMax = 0;
    for (const cpu of this.cpus) cpu.ranInRound = 0;
  }

  /**
   * How long the CPU may run before its turn should end: the rest of its turn, then short slices while
   * it is still in kernel code. A lone CPU has no one to give its turn to: no limit.
   */
  turnSlice(cpu: Cpu<T>): number {
    if (this.cpus.length === 1) return Infinity;
    return cpu.turnLeft > 0 ? cpu.turnLeft : KERNEL_OVERTIME_STEPS;
  }

  /** The CPU's turn is over, and it only runs on until it leaves kernel code. */
  turnOverdue(cpu: Cpu<T>): boolean {
    return cpu.turnLeft <= 0 && this.cpus.length > 1;
  }

  /** A slice of `ran` steps on `cpu`. */
  account(cpu: Cpu<T>, ran: number): void {
    cpu.turnLeft -= ran;
    cpu.ranInRound += ran;
    if (cpu.ranInRound > this.roundMax) this.roundMax = cpu.ranInRound;
  }

  /** The virtual clock in steps: whole rounds, plus the longest turn of this one so far. */
  clockSteps(): number {
    return this.clockBase + this.roundMax;
  }

  taskCpu(ts: number): number {
    return this.kmem.readI32(ts + this.cpuOffset);
  }

  setTaskCpu(ts: number, cpu: number): void {
    this.kmem.write32(ts + this.cpuOffset, cpu);
  }

  /** cpumask_test_cpu(cpu, &p->cpus_allowed): the 64-bit mask read as two 32-bit words. */
  allows(ts: number, cpu: number): boolean {
    const word = this.kmem.readI32(ts + this.maskOffset + (cpu < 32 ? 0 : 4));
    return ((word >>> (cpu & 31)) & 1) === 1;
  }

  private usable(ts: number, cpu: number): boolean {
    return cpu >= 0 && cpu < this.cpus.length && this.cpus[cpu]!.up && this.allows(ts, cpu);
  }

  /**
   * select_task_rq: where a new (fork) or woken task is queued. With no CPU up that it may run on (it
   * cannot happen through sched_setaffinity, which refuses such masks), the boot CPU takes it, as
   * select_fallback_rq's last resort does.
   */
  selectTaskRq(ts: number, fork: boolean): number {
    const prev = this.taskCpu(ts);
    if (!fork && this.usable(ts, prev)) return prev;
    let best: Cpu<T> | undefined;
    for (const cpu of this.cpus) {
      if (this.usable(ts, cpu.id) && (best === undefined || cpu.load() < best.load())) best = cpu;
    }
    return best?.id ?? 0;
  }

  /**
   * enqueue_task on the task's CPU (p->cpu): a halted CPU wakes for it. A task not yet on a queue joins
   * the CPU's cfs_tasks (account_entity_enqueue); one woken before it slept is there already.
   */
  enqueue(ts: number): void {
    const cpu = this.cpus[this.taskCpu(ts)] ?? this.cpus[0]!;
    if (this.kmem.readI32(ts + this.onRqOffset) === 0) listAdd(this.kmem, ts + this.groupNodeOffset, this.cfsTasksAddr(cpu.id));
    this.kmem.write32(ts + this.onRqOffset, 1);
    cpu.rq.enqueue(ts);
    cpu.halted = false;
    this.publish(cpu);
  }

  dequeue(ts: number): void {
    const cpu = this.cpus[this.taskCpu(ts)] ?? this.cpus[0]!;
    if (this.kmem.readI32(ts + this.onRqOffset) !== 0) listDelInit(this.kmem, ts + this.groupNodeOffset);
    this.kmem.write32(ts + this.onRqOffset, 0);
    cpu.rq.dequeue(ts);
    this.publish(cpu);
  }

  /** migrate_task_rq_fair: a queued task moving to `newCpu` keeps its lead or lag over that queue's min_vruntime. */
  migrateTaskRq(ts: number, newCpu: number): void {
    const from = this.cpus[this.taskCpu(ts)];
    const dest = this.cpus[newCpu];
    if (from?.cfs && dest?.cfs && from !== dest) dest.cfs.adoptFrom(from.cfs, ts);
  }

  /** pick_next_task_stop: the CPU's stopper (rq->stop) when it is queued, taken off the queue to run. */
  takeStopTask(cpu: Cpu<T>): number | undefined {
    const stop = this.rqField.stop.get(this.kmem, this.rqAddr(cpu.id));
    if (stop === 0 || !cpu.rq.has(stop)) return undefined;
    cpu.rq.dequeue(stop);
    return stop;
  }

  /** smp_send_reschedule: the IPI reaches `cpu`; a halted one wakes to take it. */
  sendReschedule(cpu: number): void {
    const c = this.cpus[cpu];
    if (!c) return;
    c.reschedIpi = true;
    c.halted = false;
  }

  /**
   * newidle_balance: `dst` has nothing to run; it takes the first waiting task it may run from the
   * busiest other CPU (the most tasks, the lowest number on ties) that has more than it can run at once.
   */
  pull(dst: Cpu<T>): number | undefined {
    const sources = this.cpus.filter((c) => c !== dst && c.load() > 1).sort((a, b) => b.load() - a.load() || a.id - b.id);
    for (const src of sources) {
      for (const ts of src.rq.tasks()) {
        if (!this.allows(ts, dst.id)) continue;
        src.rq.dequeue(ts);
        this.migrateTaskRq(ts, dst.id);
        this.setTaskCpu(ts, dst.id);
        listDelInit(this.kmem, ts + this.groupNodeOffset);
        listAdd(this.kmem, ts + this.groupNodeOffset, this.cfsTasksAddr(dst.id));
        this.publish(src);
        return ts;
      }
    }
    return undefined;
  }

  /** The nohz kick: tasks wait on `busy`; a halted CPU that may run one of them wakes to pull it. */
  kickIdle(busy: Cpu<T>): void {
    for (const cpu of this.cpus) {
      if (!cpu.up || !cpu.halted) continue;
      for (const ts of busy.rq.tasks()) {
        if (this.allows(ts, cpu.id)) {
          cpu.halted = false;
          break;
        }
      }
    }
  }

  /** Writes the CPU's struct rq fields the kernel's pseudo-C reads. */
  publish(cpu: Cpu<T>, curr: number = cpu.curr?.ts ?? 0): void {
    const at = this.rqAddr(cpu.id);
    this.rqField.nrRunning.set(this.kmem, at, cpu.rq.length + (cpu.idle !== undefined && curr !== cpu.idle.ts && curr !== 0 ? 1 : 0));
    this.rqField.curr.set(this.kmem, at, curr);
  }

  /** __cpu_up: the CPU starts running `idle`, its idle task. */
  bringUp(cpu: Cpu<T>, idle: T): void {
    cpu.idle = idle;
    cpu.curr = idle;
    cpu.up = true;
    cpu.ranSince = idle.thread.steps;
    cpu.tickAt = idle.thread.steps + TICK_STEPS;
    this.rqView.set(this.kmem, this.rqAddr(cpu.id), 'idle', idle.ts);
    this.publish(cpu);
  }

  countSwitch(cpu: Cpu<T>): void {
    const at = this.rqAddr(cpu.id);
    const nrSwitches = this.rqField.nrSwitches;
    nrSwitches.set(this.kmem, at, nrSwitches.get(this.kmem, at) + 1);
  }

  /** Tasks waiting on any CPU's queue. */
  queuedTasks(): number {
    let n = 0;
    for (const cpu of this.cpus) n += cpu.rq.length;
    return n;
  }

  allHalted(): boolean {
    for (const cpu of this.cpus) if (cpu.up && !cpu.halted) return false;
    return true;
  }

  private rqAddr(cpu: number): number {
    return this.rqBase + cpu * this.rqSize;
  }

  private cfsTasksAddr(cpu: number): number {
    return this.rqAddr(cpu) + this.cfsTasksOffset;
  }
}
