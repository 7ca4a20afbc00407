// Thread-local storage as the C library's builtins need it. errno is a thread-local variable: its
// address depends on which thread asks. A thread the C library created (pthread_create, with
// CLONE_SETTLS) has a TLS base (task_struct.thread.fsbase, the %fs register) pointing at its
// descriptor, whose errno slot is at the offset the library publishes in __libc_errno_tls_offset; a
// thread without one (the main thread, a child of fork) uses the global errno.
import { findMember, type StructType } from '../lang/types';
import type { AddressSpace } from '../vm/memory';

export class TlsView {
  /** Where fsbase sits in a task_struct. */
  private readonly fsbaseOffset: number;

  constructor(taskStruct: StructType) {
    const thread = findMember(taskStruct, 'thread');
    const fsbase = thread?.member.type.kind === 'struct' ? findMember(thread.member.type, 'fsbase') : undefined;
    if (!thread || !fsbase) throw new Error('task_struct has no thread.fsbase');
    this.fsbaseOffset = thread.offset + fsbase.offset;
  }

  /** The task's TLS base, 0 when it has none. */
  base(kmem: AddressSpace, ts: number): number {
    return kmem.readPtr(ts + this.fsbaseOffset);
  }
}
