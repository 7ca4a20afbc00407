// The machine's memory figures for people rather than for the kernel: one process's counters on
// request (Machine.memoryCounters, for tests and the debugger) and the `--mem` table of the user's
// program's processes. The counting itself is mm-counters.ts; this decides which processes to show
// and keeps the last count of those already gone.
import type { AddressSpace } from '../vm/memory';
import type { StructView } from './layout';
import { countPages, type MemoryCounters, MemoryRecords, type MemoryRow, type MmCounters } from './mm-counters';

/** What the report needs of a live task: its task_struct and the memory its thread runs in. */
interface TaskMemory {
  ts: number;
  thread: { mem: AddressSpace };
}

export class MemoryReport {
  /** With --mem: each of the program's processes' memory counters as its memory goes. */
  private records: MemoryRecords | undefined;

  constructor(
    private readonly kmem: AddressSpace,
    private readonly task: StructView,
    private readonly mmCounters: MmCounters,
    /** The machine's live tasks, by task_struct. */
    private readonly tasks: ReadonlyMap<number, TaskMemory>,
    private readonly isUser: (ts: number) => boolean,
  ) {}

  /**
   * The memory counters of process `pid`, its mm_struct's brought up to date: null for a kernel thread
   * (it has no mm), undefined when no task has that PID.
   */
  counters(pid: number): MemoryCounters | null | undefined {
    for (const task of this.tasks.values()) {
      if (this.task.get(this.kmem, task.ts, 'pid') !== pid) continue;
      const mm = this.task.get(this.kmem, task.ts, 'mm');
      return mm === 0 ? null : this.mmCounters.sync(mm, task.thread.mem, this.task.get(this.kmem, task.ts, 'tgid'), this.task.getString(this.kmem, task.ts, 'comm'));
    }
    return undefined;
  }

  /** --mem: from now on, keep the counters of each of the program's processes as its memory goes. */
  keepRecords(): void {
    this.records ??= new MemoryRecords();
  }

  /** The user's program has started in task `ts`: it and the processes forked after it are the program's. */
  programStarted(ts: number): void {
    this.records?.programStarted(this.task.get(this.kmem, ts, 'start_time'));
  }

  /** Task `ts` is losing the memory `space` (exit or exec): its last count, kept with --mem. */
  memoryGoing(ts: number, space: AddressSpace): void {
    if (!this.records) return;
    const row = this.row(ts, space);
    if (row) this.records.record(row);
  }

  /** --mem's table: every process of the program, gone or still running, with its memory counters. */
  table(): string {
    const live: MemoryRow[] = [];
    for (const task of this.tasks.values()) {
      const row = this.row(task.ts, task.thread.mem);
      if (row && this.task.get(this.kmem, task.ts, 'mm') !== 0 && this.task.get(this.kmem, task.ts, 'pid') === row.pid) live.push(row);
    }
    return (this.records ?? new MemoryRecords()).table(live);
  }

  /** A --mem line for the process of task `ts`, if it is one of the program's. */
  private row(ts: number, space: AddressSpace): MemoryRow | undefined {
    const leader = this.task.get(this.kmem, ts, 'group_leader');
    const startTime = this.task.get(this.kmem, leader, 'start_time');
    if (!this.records?.isProgramProcess(startTime) || !this.isUser(ts)) return undefined;
    const pid = this.task.get(this.kmem, ts, 'tgid');
    return { pid, comm: this.task.getString(this.kmem, ts, 'comm'), startTime, ...countPages(space) };
  }
}
