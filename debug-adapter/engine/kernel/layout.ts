// Field access for the kernel structures that host code reads and writes, with offsets taken from the
// compiled kernel's own struct layouts, so the C headers stay the single definition.
import { type CType, findMember, type StructType } from '../lang/types';
import { accessOf, readValue, writeValue } from '../vm/compiler/values';
import type { AddressSpace } from '../vm/memory';

/** How host code reads and writes one field: the accessors for its type, chosen once. */
interface FieldAccess {
  offset: number;
  member: NonNullable<ReturnType<typeof findMember>>['member'];
  read(mem: AddressSpace, at: number): number;
  write(mem: AddressSpace, at: number, value: number): void;
}

/**
 * The accessors for a field of type `t`. The kernel's integer and pointer fields are most of what host
 * code touches on every switch and fork, so they call the memory's method directly; the rest go
 * through readValue and writeValue.
 */
function accessorsFor(t: CType): Pick<FieldAccess, 'read' | 'write'> {
  switch (accessOf(t)) {
    case 'i32':
      return { read: (mem, at) => mem.readI32(at), write: (mem, at, v) => mem.write32(at, v) };
    case 'u32':
      return { read: (mem, at) => mem.readU32(at), write: (mem, at, v) => mem.write32(at, v) };
    case 'ptr':
      return { read: (mem, at) => mem.readPtr(at), write: (mem, at, v) => mem.write64(at, v) };
    case 'u64':
      // Counters such as se.vruntime and utime: readPtr is the unsigned 64-bit value as a number.
      return { read: (mem, at) => mem.readPtr(at), write: (mem, at, v) => mem.write64(at, v) };
    case 'i64':
      return { read: (mem, at) => Number(mem.readI64(at)), write: (mem, at, v) => mem.write64(at, v) };
    default:
      return { read: (mem, at) => Number(readValue(mem, at, t)), write: (mem, at, v) => writeValue(mem, at, t, v) };
  }
}

export class StructView {
  private readonly offsets = new Map<string, FieldAccess>();
  constructor(readonly type: StructType) {}

  private field(name: string): FieldAccess {
    let f = this.offsets.get(name);
    if (!f) {
      const found = findMember(this.type, name);
      if (!found) throw new Error(`struct ${this.type.tag} has no member ${name}`);
      f = { offset: found.offset, member: found.member, ...accessorsFor(found.member.type) };
      this.offsets.set(name, f);
    }
    return f;
  }

  offsetOf(name: string): number {
    return this.field(name).offset;
  }

  get(mem: AddressSpace, addr: number, name: string): number {
    const f = this.field(name);
    return f.read(mem, addr + f.offset);
  }

  set(mem: AddressSpace, addr: number, name: string, value: number): void {
    const f = this.field(name);
    f.write(mem, addr + f.offset, value);
  }

  getString(mem: AddressSpace, addr: number, name: string): string {
    const f = this.field(name);
    return new TextDecoder().decode(mem.readCString(addr + f.offset, 64));
  }

  setString(mem: AddressSpace, addr: number, name: string, value: string, max: number): void {
    const f = this.field(name);
    const bytes = new TextEncoder().encode(value).subarray(0, max - 1);
    mem.fill(addr + f.offset, 0, max);
    mem.writeBytes(addr + f.offset, bytes);
  }
}
