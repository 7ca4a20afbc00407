// alarm()'s timers (ITIMER_REAL), on the virtual clock: one per process, keyed by its leader's
// task_struct. Unlike a sleeper's timer, which only wakes its task, an expired one interrupts the CPU
// to run the kernel's it_real_fn, which sends SIGALRM (kernel/itimer.c).

const NONE: readonly number[] = [];

export class RealTimers {
  private readonly expiresByTask = new Map<number, number>();

  start(task: number, expires: number): void {
    this.expiresByTask.set(task, expires);
  }

  cancel(task: number): void {
    this.expiresByTask.delete(task);
  }

  /** When the next timer expires, or undefined when none is armed. */
  nextExpiry(): number | undefined {
    let next: number | undefined;
    for (const e of this.expiresByTask.values()) if (next === undefined || e < next) next = e;
    return next;
  }

  /** Takes the timers expired by `now`, earliest first: the tasks to run it_real_fn for. */
  takeExpired(now: number): readonly number[] {
    // Asked at every time slice; almost always no alarm is armed.
    if (this.expiresByTask.size === 0) return NONE;
    const due = [...this.expiresByTask].filter(([, e]) => e <= now).sort((a, b) => a[1] - b[1]);
    for (const [task] of due) this.expiresByTask.delete(task);
    return due.map(([task]) => task);
  }
}
