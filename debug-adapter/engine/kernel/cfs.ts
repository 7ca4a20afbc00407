// The Completely Fair Scheduler's bookkeeping (kernel/sched/fair.c's update_curr and place_entity): the
// running task's virtual runtime grows with the steps it runs, weighted by its nice level (static_prio),
// and the run queue runs the task with the smallest. The numbers live in each task_struct's
// sched_entity (se.vruntime; cputime.ts keeps se.sum_exec_runtime), where a debugger shows them. One VM step counts as
// one nanosecond. This is host code because the run queue is: pick_next_task and the switch are too.
import type { StructType } from '../lang/types';
import type { AddressSpace } from '../vm/memory';
import { type Field, StructView } from './layout';
import type { VruntimeSource } from './runqueue';

/** kernel/sched/core.c's sched_prio_to_weight: nice -20 … 19; each level is ~10% more or less CPU. */
export const SCHED_PRIO_TO_WEIGHT: readonly number[] = [
  /* -20 */ 88761, 71755, 56483, 46273, 36291,
  /* -15 */ 29154, 23254, 18705, 14949, 11916,
  /* -10 */ 9548, 7620, 6100, 4904, 3906,
  /*  -5 */ 3121, 2501, 1991, 1586, 1277,
  /*   0 */ 1024, 820, 655, 526, 423,
  /*   5 */ 335, 272, 215, 172, 137,
  /*  10 */ 110, 87, 70, 56, 45,
  /*  15 */ 36, 29, 23, 18, 15,
];
export const NICE_0_LOAD = 1024;
const DEFAULT_PRIO = 120;

export class CfsAccounting implements VruntimeSource {
  // VruntimeSource's key for a queued task.
  readonly key = (ts: number): number => this.placeEntity(ts);
  private readonly seOffset: number;
  /** se.vruntime and static_prio: read on every enqueue, pick and switch. */
  private readonly vruntimeField: Field;
  private readonly staticPrio: Field;
  /** The run queue's min_vruntime: only ever grows; a waking task is placed no further back. */
  private minVruntime = 0;

  constructor(private readonly kmem: AddressSpace, task: StructView) {
    const se = task.type.members?.find((m) => m.name === 'se')?.type;
    if (se?.kind !== 'struct') throw new Error('task_struct has no sched_entity se');
    this.seOffset = task.offsetOf('se');
    this.vruntimeField = new StructView(se as StructType).field('vruntime');
    this.staticPrio = task.field('static_prio');
  }

  /** The load weight of the task's nice level (static_prio 100 … 139 is nice -20 … 19). */
  weight(ts: number): number {
    const prio = this.staticPrio.get(this.kmem, ts);
    const nice = Math.min(19, Math.max(-20, prio - DEFAULT_PRIO));
    return SCHED_PRIO_TO_WEIGHT[nice + 20]!;
  }

  vruntime(ts: number): number {
    return this.vruntimeField.get(this.kmem, ts + this.seOffset);
  }

  /** update_curr: charges `steps` of CPU to the task's vruntime, by calc_delta_fair (NICE_0_LOAD / weight). */
  updateCurr(ts: number, steps: number): void {
    if (steps <= 0) return;
    const at = ts + this.seOffset;
    const weight = this.weight(ts);
    this.vruntimeField.set(this.kmem, at, this.vruntime(ts) + Math.max(1, Math.floor((steps * NICE_0_LOAD) / weight)));
  }

  /** The task about to run is the leftmost one: min_vruntime catches up with it. */
  picked(ts: number): void {
    this.minVruntime = Math.max(this.minVruntime, this.vruntime(ts));
  }

  /**
   * A task moving here from another CPU's queue keeps its lead or lag: its vruntime is rebased from
   * that queue's min_vruntime onto this one's (migrate_task_rq_fair).
   */
  adoptFrom(from: CfsAccounting, ts: number): void {
    const v = Math.max(0, this.vruntime(ts) - from.minVruntime + this.minVruntime);
    this.vruntimeField.set(this.kmem, ts + this.seOffset, v);
  }

  /**
   * place_entity: the key a task is queued with. A task back from a long sleep would otherwise have the
   * smallest vruntime by far and keep the CPU until it caught up; it starts from min_vruntime instead.
   */
  placeEntity(ts: number): number {
    const v = this.vruntime(ts);
    if (v >= this.minVruntime) return v;
    this.vruntimeField.set(this.kmem, ts + this.seOffset, this.minVruntime);
    return this.minVruntime;
  }
}
