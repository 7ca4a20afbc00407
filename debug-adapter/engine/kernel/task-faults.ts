// Page faults counted per task, as mm_account_fault counts them (mm/memory.c): a fault that filled or
// copied a page of a process's memory (a first touch, a copy-on-write) is a minor fault of the task
// that was running, in its task_struct's min_flt, whichever of the tasks sharing that memory it is.
// getrusage and wait4 (kernel/sys.c, kernel/exit.c) add the counts up. Forkscope has no swap and no
// disk to read a page from, so no fault is major (maj_flt stays 0).
import type { AddressSpace } from '../vm/memory';
import type { Field, StructView } from './layout';

export class TaskFaults {
  private readonly minFlt: Field;

  constructor(private readonly kmem: AddressSpace, task: StructView) {
    this.minFlt = task.field('min_flt');
  }

  /** A minor fault taken by the task at `ts`. */
  minor(ts: number): void {
    this.minFlt.set(this.kmem, ts, this.minFlt.get(this.kmem, ts) + 1);
  }
}
