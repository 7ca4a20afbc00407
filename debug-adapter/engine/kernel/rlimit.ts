// The resource limits as host mechanics read them (the kernel keeps them in signal_struct's rlim): the
// descriptor table's alloc_fd stops at RLIMIT_NOFILE, a regular file's writes at RLIMIT_FSIZE, and exec
// sizes the new program's stack by RLIMIT_STACK.
import type { StructType } from '../lang/types';
import type { AddressSpace } from '../vm/memory';
import { type Field, StructView } from './layout';

export const RLIMIT_FSIZE = 1;
export const RLIMIT_STACK = 3;
export const RLIMIT_NOFILE = 7;
/** sizeof(struct rlimit): rlim_cur and rlim_max, 8 bytes each. */
const RLIMIT_SIZE = 16;

export class Rlimits {
  private readonly signal: Field;
  private readonly rlimOffset: number;

  constructor(private readonly kmem: AddressSpace, taskStruct: StructType) {
    const task = new StructView(taskStruct);
    const signal = taskStruct.members?.find((m) => m.name === 'signal')?.type;
    if (signal?.kind !== 'pointer' || signal.to.kind !== 'struct') throw new Error('task_struct has no signal_struct');
    this.signal = task.field('signal');
    this.rlimOffset = new StructView(signal.to).offsetOf('rlim');
  }

  /** Task `ts`'s soft limit on `resource`; RLIM_INFINITY (and anything past 2^53) is Infinity. */
  cur(ts: number, resource: number): number {
    const v = this.kmem.readU64(this.signal.get(this.kmem, ts) + this.rlimOffset + RLIMIT_SIZE * resource);
    return typeof v === 'bigint' || v > Number.MAX_SAFE_INTEGER ? Infinity : v;
  }
}
