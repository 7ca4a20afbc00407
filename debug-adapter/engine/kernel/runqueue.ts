// A CPU's run queue: the runnable tasks waiting for it, in the order they will run (round robin).
// The task running on the CPU is not in it.

export class RunQueue {
  private readonly queue: number[] = [];
  private readonly members = new Set<number>();

  constructor(private readonly isRunning: (task: number) => boolean) {}

  enqueue(task: number): void {
    if (this.members.has(task) || this.isRunning(task)) return;
    this.members.add(task);
    this.queue.push(task);
  }

  /** Puts the task leaving the CPU at the back of the queue (a preempted or yielding task). */
  requeue(task: number): void {
    if (this.members.has(task)) return;
    this.members.add(task);
    this.queue.push(task);
  }

  dequeue(task: number): void {
    if (!this.members.delete(task)) return;
    this.queue.splice(this.queue.indexOf(task), 1);
  }

  /** Takes the task that runs next. */
  take(): number | undefined {
    const t = this.queue.shift();
    if (t !== undefined) this.members.delete(t);
    return t;
  }

  get length(): number {
    return this.queue.length;
  }
}
