// The run queue's policies (fifo, random, cfs) and CFS's bookkeeping, driven directly: which task each
// policy picks, that a seed makes the random policy reproducible, and how nice levels weigh vruntime.
import { describe, expect, it } from 'vitest';
import { CfsAccounting, NICE_0_LOAD, SCHED_PRIO_TO_WEIGHT } from '../../debug-adapter/engine/kernel/cfs';
import { kernelImage } from '../../debug-adapter/engine/kernel/image';
import { StructView } from '../../debug-adapter/engine/kernel/layout';
import { RunQueue } from '../../debug-adapter/engine/kernel/runqueue';
import { LAYOUT } from '../../debug-adapter/engine/vm/memory';

const nobodyRunning = () => false;

/** Picks until the queue is empty, with no task running before (each pick's prev is undefined). */
function drain(rq: RunQueue): number[] {
  const out: number[] = [];
  for (let t = rq.pick(undefined); t !== undefined; t = rq.pick(undefined)) out.push(t);
  return out;
}

describe('RunQueue', () => {
  it('fifo: round robin, the running task handing over to the next in line before queuing again', () => {
    const rq = new RunQueue(nobodyRunning);
    [1, 2, 3].forEach((t) => rq.enqueue(t));
    rq.enqueue(2); // already queued: no second place
    expect(rq.pick(9)).toBe(1); // 9 ran; 1 is next, 9 goes to the back
    expect(drain(rq)).toEqual([2, 3, 9]);
    expect(rq.pick(4)).toBe(4); // nothing queued: the running task goes on
  });

  it('does not queue the running task, and dequeue removes a waiting one', () => {
    const rq = new RunQueue((t) => t === 7);
    rq.enqueue(7);
    [1, 2, 3].forEach((t) => rq.enqueue(t));
    rq.dequeue(2);
    expect(rq.length).toBe(2);
    expect(drain(rq)).toEqual([1, 3]);
  });

  it('random: the same seed draws the same order, and another seed another one', () => {
    const order = (seed: number) => {
      const rq = new RunQueue(nobodyRunning, { policy: 'random', seed });
      for (let t = 1; t <= 20; t++) rq.enqueue(t);
      return drain(rq);
    };
    expect(order(5)).toEqual(order(5));
    expect([...order(5)].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(order(5)).not.toEqual(order(6));
  });

  it('cfs: the smallest vruntime first, ties to the task queued first; the running task competes too', () => {
    const vr = new Map([[1, 300], [2, 100], [3, 200], [4, 100], [9, 150]]);
    const rq = new RunQueue(nobodyRunning, { policy: 'cfs', vruntimes: { key: (t) => vr.get(t)! } });
    [1, 2, 3, 4].forEach((t) => rq.enqueue(t));
    rq.dequeue(4);
    expect(rq.pick(9)).toBe(2);
    expect(drain(rq)).toEqual([9, 3, 1]);
  });
});

describe('CFS bookkeeping', () => {
  const image = kernelImage();
  const task = new StructView(image.taskStruct);

  /** Two zeroed task_structs in a copy of the kernel's memory, at the given nice levels. */
  function twoTasks(niceA: number, niceB: number): { cfs: CfsAccounting; a: number; b: number } {
    const kmem = image.program.image.fork();
    const size = image.taskStruct.size;
    kmem.map(LAYOUT.kernelHeap, 2 * size, 'rw', '[heap]');
    const a = LAYOUT.kernelHeap;
    const b = LAYOUT.kernelHeap + size;
    task.set(kmem, a, 'static_prio', 120 + niceA);
    task.set(kmem, b, 'static_prio', 120 + niceB);
    return { cfs: new CfsAccounting(kmem, task), a, b };
  }

  it('advances vruntime by steps × NICE_0_LOAD / weight: nice 0 one for one, nice 5 about three times faster', () => {
    const { cfs, a, b } = twoTasks(0, 5);
    cfs.updateCurr(a, 1000);
    cfs.updateCurr(b, 1000);
    expect(cfs.vruntime(a)).toBe(1000);
    expect(cfs.weight(b)).toBe(SCHED_PRIO_TO_WEIGHT[25]);
    expect(cfs.vruntime(b)).toBe(Math.floor((1000 * NICE_0_LOAD) / 335));
  });

  it('places a task back from a long sleep at min_vruntime, not behind it', () => {
    const { cfs, a, b } = twoTasks(0, 0);
    cfs.updateCurr(a, 5000);
    cfs.picked(a); // min_vruntime catches up with the task that runs
    expect(cfs.vruntime(b)).toBe(0);
    expect(cfs.key(b)).toBe(5000);
    expect(cfs.vruntime(b)).toBe(5000);
    expect(cfs.key(a)).toBe(5000); // a task ahead keeps its own
  });
});
