// Reading and writing lvalues: registers, memory and bit-fields.
import type { CType } from '../../lang/types';
import type { Value } from '../host';
import type { AddressSpace } from '../memory';
import type { Ev, Thread } from '../thread';
import type { LV } from './ce';
import { shapeOf, withShape } from './shapes';
import { accessOf, makeLoad, writerFor } from './values';

export function loadLV(lv: LV, type: CType): Ev {
  switch (lv.kind) {
    case 'reg': {
      const r = lv.reg;
      return withShape((t: Thread) => t.r[r]!, { kind: 'reg', reg: r });
    }
    case 'mem':
      return makeLoad(type, lv.abs !== undefined ? { abs: lv.abs } : lv.bpOff !== undefined ? { bpOff: lv.bpOff } : { ev: lv.addr });
    case 'bits': {
      const { addr, bitOffset, bitWidth } = lv;
      const signed = type.kind === 'enum' || (type.kind === 'int' && type.signed);
      return (t) => readBits(t.mem, addr(t) as number, bitOffset, bitWidth, signed);
    }
  }
}

/**
 * Bit-fields are read and written through the bytes that hold them, as an unsigned integer: a number
 * while it fits in 48 bits, a bigint for wider ones (a 40-bit field at bit 20 of a long, say).
 */
export function readBits(mem: AddressSpace, addr: number, bitOffset: number, width: number, signed: boolean): Value {
  const bytes = Math.ceil((bitOffset + width) / 8);
  if (bytes > 6) {
    let word = 0n;
    for (let i = bytes - 1; i >= 0; i--) word = (word << 8n) | BigInt(mem.readU8(addr + i));
    const v = (word >> BigInt(bitOffset)) & ((1n << BigInt(width)) - 1n);
    const r = signed ? BigInt.asIntN(width, v) : v;
    return Number.isSafeInteger(Number(r)) ? Number(r) : r;
  }
  let word = 0;
  for (let i = bytes - 1; i >= 0; i--) word = word * 256 + mem.readU8(addr + i);
  const v = Math.floor(word / 2 ** bitOffset) % 2 ** width;
  return signed && v >= 2 ** (width - 1) ? v - 2 ** width : v;
}

export function writeBits(mem: AddressSpace, addr: number, bitOffset: number, width: number, value: Value): void {
  const bytes = Math.ceil((bitOffset + width) / 8);
  if (bytes > 6) {
    let word = 0n;
    for (let i = bytes - 1; i >= 0; i--) word = (word << 8n) | BigInt(mem.readU8(addr + i));
    const mask = ((1n << BigInt(width)) - 1n) << BigInt(bitOffset);
    const field = (BigInt.asUintN(width, typeof value === 'bigint' ? value : BigInt(Math.trunc(value))) << BigInt(bitOffset)) & mask;
    word = (word & ~mask) | field;
    for (let i = 0; i < bytes; i++) {
      mem.write8(addr + i, Number(word & 255n));
      word >>= 8n;
    }
    return;
  }
  const v = typeof value === 'bigint' ? Number(BigInt.asUintN(width, value)) : value;
  let word = 0;
  for (let i = bytes - 1; i >= 0; i--) word = word * 256 + mem.readU8(addr + i);
  const unit = 2 ** bitOffset;
  const field = ((v % 2 ** width) + 2 ** width) % 2 ** width;
  const old = Math.floor(word / unit) % 2 ** width;
  word = word - old * unit + field * unit;
  for (let i = 0; i < bytes; i++) {
    mem.write8(addr + i, word % 256);
    word = Math.floor(word / 256);
  }
}

/**
 * A closure that stores `value` (already converted to `type`) and yields it, as C's assignment does.
 * For bit-fields the yielded value is the one the field now holds.
 */
export function storeLV(lv: LV, type: CType, value: Ev): Ev {
  switch (lv.kind) {
    case 'reg': {
      const r = lv.reg;
      const vs = shapeOf(value);
      if (vs?.kind === 'reg') {
        const from = vs.reg;
        return (t) => (t.r[r] = t.r[from]!);
      }
      // `q = p->next;`: the load inlined into the register store.
      if (vs?.kind === 'load-reg-offset') {
        const { reg, offset } = vs;
        return vs.access === 'ptr'
          ? (t) => (t.r[r] = t.mem.readPtr((t.r[reg] as number) + offset))
          : (t) => (t.r[r] = t.mem.readI32((t.r[reg] as number) + offset));
      }
      return (t) => (t.r[r] = value(t));
    }
    case 'mem': {
      const w = writerFor(type)!;
      const acc = accessOf(type);
      if (lv.bpOff !== undefined) {
        const o = lv.bpOff;
        if (acc === 'i32') return (t) => { const v = value(t); t.mem.write32(t.bp + o, v as number); return v; };
        return (t) => { const v = value(t); w.call(t.mem, t.bp + o, v); return v; };
      }
      if (lv.abs !== undefined) {
        const a = lv.abs;
        return (t) => { const v = value(t); w.call(t.mem, a, v); return v; };
      }
      const addr = lv.addr;
      const at = shapeOf(addr);
      // C leaves the order of evaluating the two sides unspecified; gcc computes the value first.
      if (at?.kind === 'reg-offset' && (acc === 'i32' || acc === 'ptr' || acc === 'i64' || acc === 'u64')) return storeThroughRegister(at.reg, at.offset, acc === 'i32', value);
      return (t) => { const v = value(t); w.call(t.mem, addr(t) as number, v); return v; };
    }
    case 'bits': {
      const { addr, bitOffset, bitWidth } = lv;
      const signed = type.kind === 'enum' || (type.kind === 'int' && type.signed);
      return (t) => {
        const v = value(t);
        const a = addr(t) as number;
        writeBits(t.mem, a, bitOffset, bitWidth, v);
        return readBits(t.mem, a, bitOffset, bitWidth, signed);
      };
    }
  }
}

/**
 * `p->field = value` with p in a register, for int and 64-bit fields (pointers, longs): the kernel's
 * list and task_struct updates. The address and, when it is a register too, the value are inlined.
 */
function storeThroughRegister(reg: number, offset: number, int32: boolean, value: Ev): Ev {
  const vs = shapeOf(value);
  if (vs?.kind === 'reg') {
    const vr = vs.reg;
    return int32
      ? (t) => { const v = t.r[vr]!; t.mem.write32((t.r[reg] as number) + offset, v as number); return v; }
      : (t) => { const v = t.r[vr]!; t.mem.write64((t.r[reg] as number) + offset, v); return v; };
  }
  return int32
    ? (t) => { const v = value(t); t.mem.write32((t.r[reg] as number) + offset, v as number); return v; }
    : (t) => { const v = value(t); t.mem.write64((t.r[reg] as number) + offset, v); return v; };
}

/**
 * For read-modify-write (compound assignment, ++): evaluates the lvalue's address once, then hands
 * `update` the old value and stores what it returns. `post` chooses which value the expression yields.
 */
export function modifyLV(lv: LV, type: CType, update: (old: Value, t: Thread) => Value, post: boolean): Ev {
  switch (lv.kind) {
    case 'reg': {
      const r = lv.reg;
      return post
        ? (t) => { const old = t.r[r]!; t.r[r] = update(old, t); return old; }
        : (t) => (t.r[r] = update(t.r[r]!, t));
    }
    case 'mem': {
      const w = writerFor(type)!;
      const load = memReader(type);
      const addr = lv.bpOff !== undefined ? ((o) => (t: Thread) => t.bp + o)(lv.bpOff) : lv.addr;
      return (t) => {
        const a = addr(t) as number;
        const old = load(t, a);
        const v = update(old, t);
        w.call(t.mem, a, v);
        return post ? old : v;
      };
    }
    case 'bits': {
      const { addr, bitOffset, bitWidth } = lv;
      const signed = type.kind === 'enum' || (type.kind === 'int' && type.signed);
      return (t) => {
        const a = addr(t) as number;
        const old = readBits(t.mem, a, bitOffset, bitWidth, signed);
        writeBits(t.mem, a, bitOffset, bitWidth, update(old, t));
        const now = readBits(t.mem, a, bitOffset, bitWidth, signed);
        return post ? old : now;
      };
    }
  }
}

function memReader(type: CType): (t: Thread, a: number) => Value {
  const acc = accessOf(type);
  switch (acc) {
    case 'i8': return (t, a) => t.mem.readI8(a);
    case 'u8': case 'bool': return (t, a) => t.mem.readU8(a);
    case 'i16': return (t, a) => t.mem.readI16(a);
    case 'u16': return (t, a) => t.mem.readU16(a);
    case 'i32': return (t, a) => t.mem.readI32(a);
    case 'u32': return (t, a) => t.mem.readU32(a);
    case 'i64': return (t, a) => t.mem.readI64(a);
    case 'u64': return (t, a) => t.mem.readU64(a);
    case 'ptr': return (t, a) => t.mem.readPtr(a);
    case 'f32': return (t, a) => t.mem.readF32(a);
    case 'f64': return (t, a) => t.mem.readF64(a);
    case 'agg': return (_t, a) => a;
  }
}
