// CPU-time accounting (kernel/sched/cputime.c and update_curr's sum_exec_runtime): every step a task
// runs is one nanosecond of its CPU time. The machine charges each time slice to the task that had the
// CPU as the slice ends: all of it to se.sum_exec_runtime (what the CPU-time clocks read), and all of it
// to utime or stime by the mode the task is in at that moment, as Linux's tick-based accounting charges
// each tick to the mode the tick interrupted. The numbers live in the task_struct, where kernel code
// (thread_group_cputime, times) and a debugger read them.
import type { StructType } from '../lang/types';
import type { AddressSpace } from '../vm/memory';
import { type Field, StructView } from './layout';

export class CpuTimeAccounting {
  private readonly seOffset: number;
  /** The counters charged at the end of every time slice. */
  private readonly sumExecRuntime: Field;
  private readonly utime: Field;
  private readonly stime: Field;

  constructor(private readonly kmem: AddressSpace, task: StructView) {
    const se = task.type.members?.find((m) => m.name === 'se')?.type;
    if (se?.kind !== 'struct') throw new Error('task_struct has no sched_entity se');
    this.sumExecRuntime = new StructView(se as StructType).field('sum_exec_runtime');
    this.seOffset = task.offsetOf('se');
    this.utime = task.field('utime');
    this.stime = task.field('stime');
  }

  /** Charges `steps` nanoseconds of CPU to the task at `ts`, as user or system time by `userMode`. */
  charge(ts: number, steps: number, userMode: boolean): void {
    if (steps <= 0) return;
    const se = ts + this.seOffset;
    this.sumExecRuntime.set(this.kmem, se, this.sumExecRuntime.get(this.kmem, se) + steps);
    const time = userMode ? this.utime : this.stime;
    time.set(this.kmem, ts, time.get(this.kmem, ts) + steps);
  }
}
