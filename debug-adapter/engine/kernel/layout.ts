// Field access for the kernel structures that host code reads and writes, with offsets taken from the
// compiled kernel's own struct layouts, so the C headers stay the single definition.
import { type CType, findMember, type StructType } from '../lang/types';
import { accessOf, readValue, writeValue } from '../vm/compiler/values';
import type { AddressSpace } from '../vm/memory';

/**
 * One field of a structure, its accessors bound to its offset: host code that touches a field on every
 * switch or fork takes it once (StructView.field) rather than looking its name up on each access.
 */
export interface Field {
  readonly offset: number;
  /** The field of the structure at `addr`. */
  get(mem: AddressSpace, addr: number): number;
  set(mem: AddressSpace, addr: number, value: number): void;
}

/**
 * The accessors for a field of type `t` at offset `o`. The kernel's integer and pointer fields are most
 * of what host code touches on every switch and fork, so they call the memory's method directly; the
 * rest go through readValue and writeValue.
 */
function accessorsFor(t: CType, o: number): Pick<Field, 'get' | 'set'> {
  switch (accessOf(t)) {
    case 'i32':
      return { get: (mem, at) => mem.readI32(at + o), set: (mem, at, v) => mem.write32(at + o, v) };
    case 'u32':
      return { get: (mem, at) => mem.readU32(at + o), set: (mem, at, v) => mem.write32(at + o, v) };
    case 'ptr':
      return { get: (mem, at) => mem.readPtr(at + o), set: (mem, at, v) => mem.write64(at + o, v) };
    case 'u64':
      // Counters such as se.vruntime and utime: readPtr is the unsigned 64-bit value as a number.
      return { get: (mem, at) => mem.readPtr(at + o), set: (mem, at, v) => mem.write64(at + o, v) };
    case 'i64':
      return { get: (mem, at) => Number(mem.readI64(at + o)), set: (mem, at, v) => mem.write64(at + o, v) };
    default:
      return { get: (mem, at) => Number(readValue(mem, at + o, t)), set: (mem, at, v) => writeValue(mem, at + o, t, v) };
  }
}

export class StructView {
  private readonly fields = new Map<string, Field>();
  constructor(readonly type: StructType) {}

  /** The field `name`, to keep for accesses on hot paths. */
  field(name: string): Field {
    let f = this.fields.get(name);
    if (!f) {
      const found = findMember(this.type, name);
      if (!found) throw new Error(`struct ${this.type.tag} has no member ${name}`);
      f = { offset: found.offset, ...accessorsFor(found.member.type, found.offset) };
      this.fields.set(name, f);
    }
    return f;
  }

  offsetOf(name: string): number {
    return this.field(name).offset;
  }

  get(mem: AddressSpace, addr: number, name: string): number {
    return this.field(name).get(mem, addr);
  }

  set(mem: AddressSpace, addr: number, name: string, value: number): void {
    this.field(name).set(mem, addr, value);
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

/** The struct a member of `type` points to (task_struct's signal: struct signal_struct). */
export function pointee(type: StructType, member: string): StructType {
  const m = type.members?.find((x) => x.name === member);
  if (m?.type.kind !== 'pointer' || m.type.to.kind !== 'struct') throw new Error(`struct ${type.tag} has no struct pointer ${member}`);
  return m.type.to;
}
