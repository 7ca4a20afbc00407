// The PID allocator (kernel/pid.c's alloc_pid over an IDR): cyclic, from the number after the last one
// handed out up to pid_max - 1, then wrapping to RESERVED_PIDS (300); a PID stays taken until freed.

export const RESERVED_PIDS = 300;
export const PID_MAX_DEFAULT = 32768;
export const PID_MAX_LIMIT = 4 * 1024 * 1024;
/** The smallest pid_max the sysctl accepts (pid_max_min). */
export const PID_MAX_MIN = RESERVED_PIDS + 1;
const EAGAIN = 11;
const EEXIST = 17;
const EINVAL = 22;

export class PidAllocator {
  /** PID 0 is the idle task's, set at build time (init_task), never handed out. */
  private readonly used = new Set<number>([0]);
  private last = 0;

  /** kernel/pid.c's pid_max: /proc/sys/kernel/pid_max changes it while the machine runs. */
  pidMax: number;

  constructor(pidMax: number = PID_MAX_DEFAULT) {
    if (pidMax < PID_MAX_MIN || pidMax > PID_MAX_LIMIT) throw new RangeError(`pid_max must be between ${PID_MAX_MIN} and ${PID_MAX_LIMIT}`);
    this.pidMax = pidMax;
  }

  /** The next free PID, or -EAGAIN when every number is taken. */
  alloc(): number {
    // "init really needs pid 1, but after reaching the maximum wrap back to RESERVED_PIDS"
    const min = this.last >= RESERVED_PIDS ? RESERVED_PIDS : 1;
    for (let n = this.last + 1; n < this.pidMax; n++) if (this.take(n)) return n;
    // pid_max may have been lowered below the last PID handed out: numbers from it on are not reused.
    for (let n = min; n <= Math.min(this.last, this.pidMax - 1); n++) if (this.take(n)) return n;
    return -EAGAIN;
  }

  /** clone3's set_tid: PID `n` itself, -EINVAL outside [1, pid_max), -EEXIST when it is taken. */
  allocAt(n: number): number {
    if (n < 1 || n >= this.pidMax) return -EINVAL;
    if (this.used.has(n)) return -EEXIST;
    this.used.add(n);
    return n;
  }

  private take(n: number): boolean {
    if (this.used.has(n)) return false;
    this.used.add(n);
    this.last = n;
    return true;
  }

  free(n: number): void {
    this.used.delete(n);
  }

  get inUse(): number {
    return this.used.size;
  }
}
