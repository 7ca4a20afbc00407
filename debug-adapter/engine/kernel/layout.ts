// Field access for the kernel structures that host code reads and writes, with offsets taken from the
// compiled kernel's own struct layouts, so the C headers stay the single definition.
import { findMember, type StructType } from '../lang/types';
import { readValue, writeValue } from '../vm/compiler/values';
import type { AddressSpace } from '../vm/memory';

export class StructView {
  private readonly offsets = new Map<string, { offset: number; member: NonNullable<ReturnType<typeof findMember>>['member'] }>();
  constructor(readonly type: StructType) {}

  private field(name: string) {
    let f = this.offsets.get(name);
    if (!f) {
      const found = findMember(this.type, name);
      if (!found) throw new Error(`struct ${this.type.tag} has no member ${name}`);
      f = { offset: found.offset, member: found.member };
      this.offsets.set(name, f);
    }
    return f;
  }

  offsetOf(name: string): number {
    return this.field(name).offset;
  }

  get(mem: AddressSpace, addr: number, name: string): number {
    const f = this.field(name);
    return Number(readValue(mem, addr + f.offset, f.member.type));
  }

  set(mem: AddressSpace, addr: number, name: string, value: number): void {
    const f = this.field(name);
    writeValue(mem, addr + f.offset, f.member.type, value);
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
