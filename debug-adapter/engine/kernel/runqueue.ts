// A CPU's run queue: the runnable tasks waiting for it, and the policy that picks the next one. The task
// running on the CPU is not in it.
//   fifo    round robin, in the order tasks became runnable (the default)
//   random  any runnable task, the running one included, drawn with a seeded PRNG: the same seed gives
//           the same run, another seed another interleaving
//   cfs     the task with the smallest virtual runtime (sched/fair.c's leftmost entity), see ./cfs.ts

export type SchedPolicy = 'fifo' | 'random' | 'cfs';

export const SCHED_POLICIES: readonly SchedPolicy[] = ['fifo', 'random', 'cfs'];

/** What the CFS policy needs from the task_structs: the virtual runtime a task is queued with. */
export interface VruntimeSource {
  key(task: number): number;
}

/** The order the queued tasks run in. */
interface QueueOrder {
  add(task: number): void;
  remove(task: number): void;
  take(): number | undefined;
}

class FifoOrder implements QueueOrder {
  private queue: number[] = [];
  private head = 0;

  add(task: number): void {
    this.queue.push(task);
  }

  remove(task: number): void {
    const i = this.queue.indexOf(task, this.head);
    if (i >= 0) this.queue.splice(i, 1);
  }

  take(): number | undefined {
    if (this.head >= this.queue.length) return undefined;
    const t = this.queue[this.head++]!;
    // Array.shift is O(n) on a long queue (a fork bomb's): compact once the consumed part dominates.
    if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
    return t;
  }
}

/** mulberry32: a small, fast, seedable PRNG; reproducibility, not quality, is what matters here. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class RandomOrder implements QueueOrder {
  private readonly tasks: number[] = [];
  private readonly index = new Map<number, number>();
  constructor(private readonly random: () => number) {}

  add(task: number): void {
    this.index.set(task, this.tasks.length);
    this.tasks.push(task);
  }

  remove(task: number): void {
    const i = this.index.get(task);
    if (i === undefined) return;
    // Swap with the last: order does not matter, removal stays O(1).
    const last = this.tasks.pop()!;
    this.index.delete(task);
    if (last !== task) {
      this.tasks[i] = last;
      this.index.set(last, i);
    }
  }

  take(): number | undefined {
    if (this.tasks.length === 0) return undefined;
    const t = this.tasks[Math.floor(this.random() * this.tasks.length)]!;
    this.remove(t);
    return t;
  }
}

/**
 * Smallest vruntime first, ties to the task queued first: a binary min-heap (Linux uses a red-black
 * tree; the leftmost node is the same task). A queued task's vruntime does not change while it waits,
 * so it is read once, when the task is queued; removals are lazy.
 */
class VruntimeOrder implements QueueOrder {
  private readonly heap: { key: number; seq: number; task: number }[] = [];
  /** The entry that stands for each queued task; an entry not in here was removed. */
  private readonly live = new Map<number, number>();
  private seq = 0;
  constructor(private readonly source: VruntimeSource) {}

  add(task: number): void {
    const e = { key: this.source.key(task), seq: this.seq++, task };
    this.live.set(task, e.seq);
    this.heap.push(e);
    this.up(this.heap.length - 1);
  }

  remove(task: number): void {
    this.live.delete(task);
  }

  take(): number | undefined {
    while (this.heap.length > 0) {
      const top = this.heap[0]!;
      const last = this.heap.pop()!;
      if (this.heap.length > 0) {
        this.heap[0] = last;
        this.down(0);
      }
      if (this.live.get(top.task) === top.seq) {
        this.live.delete(top.task);
        return top.task;
      }
    }
    return undefined;
  }

  private less(i: number, j: number): boolean {
    const a = this.heap[i]!;
    const b = this.heap[j]!;
    return a.key < b.key || (a.key === b.key && a.seq < b.seq);
  }

  private swap(i: number, j: number): void {
    const t = this.heap[i]!;
    this.heap[i] = this.heap[j]!;
    this.heap[j] = t;
  }

  private up(i: number): void {
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(i, p)) return;
      this.swap(i, p);
      i = p;
    }
  }

  private down(i: number): void {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < this.heap.length && this.less(l, m)) m = l;
      if (r < this.heap.length && this.less(r, m)) m = r;
      if (m === i) return;
      this.swap(i, m);
      i = m;
    }
  }
}

export interface RunQueueOptions {
  policy?: SchedPolicy;
  /** The random policy's seed. */
  seed?: number;
  /** Required by the cfs policy. */
  vruntimes?: VruntimeSource;
}

export class RunQueue {
  readonly policy: SchedPolicy;
  private readonly members = new Set<number>();
  private readonly order: QueueOrder;

  constructor(private readonly isRunning: (task: number) => boolean, options: RunQueueOptions = {}) {
    this.policy = options.policy ?? 'fifo';
    switch (this.policy) {
      case 'fifo':
        this.order = new FifoOrder();
        break;
      case 'random':
        this.order = new RandomOrder(mulberry32(options.seed ?? 1));
        break;
      case 'cfs':
        if (!options.vruntimes) throw new Error('the cfs policy needs the tasks\' vruntimes');
        this.order = new VruntimeOrder(options.vruntimes);
        break;
    }
  }

  enqueue(task: number): void {
    if (this.members.has(task) || this.isRunning(task)) return;
    this.requeue(task);
  }

  /** Puts the task leaving the CPU back in the queue (a preempted or yielding task). */
  requeue(task: number): void {
    if (this.members.has(task)) return;
    this.members.add(task);
    this.order.add(task);
  }

  dequeue(task: number): void {
    if (!this.members.delete(task)) return;
    this.order.remove(task);
  }

  has(task: number): boolean {
    return this.members.has(task);
  }

  /** Takes the task that runs next. */
  take(): number | undefined {
    const t = this.order.take();
    if (t !== undefined) this.members.delete(t);
    return t;
  }

  /**
   * pick_next_task: the task to run after `prev` (undefined when prev cannot go on running); undefined
   * when no task is runnable. Round robin hands the CPU to the next in line before prev queues again;
   * the other policies weigh prev against every queued task. `skip` (a task that called sched_yield)
   * runs only when no other task is runnable.
   */
  pick(prev: number | undefined, skip?: number): number | undefined {
    if (this.policy === 'fifo') {
      const next = this.take();
      if (next === undefined) return prev;
      if (prev !== undefined) this.requeue(prev);
      return next;
    }
    if (prev !== undefined) this.requeue(prev);
    const next = this.take();
    if (next === undefined || next !== skip || this.length === 0) return next;
    const other = this.take()!;
    this.requeue(next);
    return other;
  }

  /** The queued tasks, in the order they were queued. */
  tasks(): IterableIterator<number> {
    return this.members.values();
  }

  get length(): number {
    return this.members.size;
  }
}
