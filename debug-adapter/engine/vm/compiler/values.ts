// How C values of each type are loaded, stored and converted. Everything here builds closures once, at
// compile time, so that the running program pays only for the operation it needs.
import type { CType } from '../../lang/types';
import type { Value } from '../host';
import { AddressSpace } from '../memory';
import { floatToI64, floatToU64, toI64, toU64 } from '../int64';
import type { Ev, Thread } from '../thread';
import { shapeOf, withShape } from './shapes';

/**
 * How a type sits in memory. 'agg' (struct, array, function) has no scalar load: its value is its address.
 * 'ptr' is a u64 that is always a JS number, where a bigint would break the memory code. A pointer at or
 * past 2^63 is held as its signed value, negative, so that the ones C programs make on purpose round-trip
 * exactly: (void *)-1 (MAP_FAILED, SIG_ERR, sbrk's failure) and the kernel's ERR_PTR(-errno). No
 * address is that high, so either way an access through one faults; only ordering such a pointer
 * against an ordinary one (p < q) sees it as low, where C sees it high.
 */
export type Access = 'i8' | 'u8' | 'i16' | 'u16' | 'i32' | 'u32' | 'i64' | 'u64' | 'f32' | 'f64' | 'bool' | 'ptr' | 'agg';

export function accessOf(t: CType): Access {
  switch (t.kind) {
    case 'int':
      if (t.name === '_Bool') return 'bool';
      switch (t.size) {
        case 1: return t.signed ? 'i8' : 'u8';
        case 2: return t.signed ? 'i16' : 'u16';
        case 4: return t.signed ? 'i32' : 'u32';
        default: return t.signed ? 'i64' : 'u64';
      }
    case 'enum': return 'i32';
    case 'float': return t.size === 4 ? 'f32' : 'f64';
    case 'pointer': return 'ptr';
    case 'void': return 'i32';
    default: return 'agg';
  }
}

const P = AddressSpace.prototype;
type Reader = (this: AddressSpace, a: number) => Value;
type Writer = (this: AddressSpace, a: number, v: Value) => void;
const READ: Record<Exclude<Access, 'agg'>, Reader> = {
  i8: P.readI8, u8: P.readU8, bool: P.readU8, i16: P.readI16, u16: P.readU16, i32: P.readI32, u32: P.readU32,
  i64: P.readI64, u64: P.readU64, f32: P.readF32, f64: P.readF64,
  ptr: P.readPtr,
};
const toNum = (v: Value): number => (typeof v === 'number' ? v : Number(BigInt.asIntN(32, v)));
const WRITE: Record<Exclude<Access, 'agg'>, Writer> = {
  i8: function (a, v) { this.write8(a, toNum(v)); },
  u8: function (a, v) { this.write8(a, toNum(v)); },
  bool: function (a, v) { this.write8(a, toNum(v)); },
  i16: function (a, v) { this.write16(a, toNum(v)); },
  u16: function (a, v) { this.write16(a, toNum(v)); },
  i32: function (a, v) { this.write32(a, toNum(v)); },
  u32: function (a, v) { this.write32(a, toNum(v)); },
  i64: function (a, v) { this.write64(a, v); },
  u64: function (a, v) { this.write64(a, v); },
  ptr: function (a, v) { this.write64(a, v); },
  f32: function (a, v) { this.writeF32(a, v as number); },
  f64: function (a, v) { this.writeF64(a, v as number); },
};

export function readValue(mem: AddressSpace, addr: number, t: CType): Value {
  const acc = accessOf(t);
  return acc === 'agg' ? addr : READ[acc].call(mem, addr);
}
export function writeValue(mem: AddressSpace, addr: number, t: CType, v: Value): void {
  const acc = accessOf(t);
  if (acc !== 'agg') WRITE[acc].call(mem, addr, v);
}

/** A load from an address computed at run time, or fixed (`abs`), or at a frame offset (`bpOff`). */
export function makeLoad(t: CType, where: { ev?: Ev; abs?: number; bpOff?: number }): Ev {
  const acc = accessOf(t);
  if (acc === 'agg') {
    if (where.abs !== undefined) { const a = where.abs; return () => a; }
    if (where.bpOff !== undefined) { const o = where.bpOff; return (th) => th.bp + o; }
    return where.ev!;
  }
  const rd = READ[acc];
  if (where.bpOff !== undefined) {
    const o = where.bpOff;
    if (acc === 'i32') return (th) => th.mem.readI32(th.bp + o);
    return (th) => rd.call(th.mem, th.bp + o);
  }
  if (where.abs !== undefined) {
    const a = where.abs;
    if (acc === 'i32') return (th) => th.mem.readI32(a);
    return (th) => rd.call(th.mem, a);
  }
  const ev = where.ev!;
  const at = shapeOf(ev);
  if (at?.kind === 'reg-offset') {
    // p->field: the register read and the offset inlined into the load.
    const { reg, offset } = at;
    if (acc === 'i32') return withShape((th: Thread) => th.mem.readI32((th.r[reg] as number) + offset), { kind: 'load-reg-offset', access: acc, reg, offset });
    if (acc === 'ptr') return withShape((th: Thread) => th.mem.readPtr((th.r[reg] as number) + offset), { kind: 'load-reg-offset', access: acc, reg, offset });
    return (th) => rd.call(th.mem, (th.r[reg] as number) + offset);
  }
  if (acc === 'i32') return (th) => th.mem.readI32(ev(th) as number);
  if (acc === 'i8') return (th) => th.mem.readI8(ev(th) as number);
  // Pointers through pointers (p->parent, list->next) are most of what kernel code reads.
  if (acc === 'ptr') return (th) => th.mem.readPtr(ev(th) as number);
  return (th) => rd.call(th.mem, ev(th) as number);
}

export function writerFor(t: CType): Writer | undefined {
  const acc = accessOf(t);
  return acc === 'agg' ? undefined : WRITE[acc];
}

// ------------------------------------------------------------------ conversions

/** Converts a floating value to a 32-bit int as x86's cvttsd2si does: out of range gives INT_MIN. */
const floatToI32 = (x: number): number => (x > -2147483649 && x < 2147483648 ? x | 0 : -2147483648);

const converters = new Map<string, ((v: Value) => Value) | undefined>();

/**
 * The conversion C performs from `from` to `to`, as a value function; undefined when nothing changes.
 * It depends only on how the two types sit in memory, so there are few distinct ones: they are shared.
 */
export function converter(from: CType, to: CType): ((v: Value) => Value) | undefined {
  const key = `${accessOf(from)}>${accessOf(to)}`;
  let c = converters.get(key);
  if (c === undefined && !converters.has(key)) {
    c = makeConverter(accessOf(from), accessOf(to));
    converters.set(key, c);
  }
  return c;
}

function makeConverter(fa: Access, ta: Access): ((v: Value) => Value) | undefined {
  if (ta === 'agg' || fa === 'agg') {
    // Arrays and functions decay to their address; converting that to an integer or pointer keeps it.
    return ta === 'agg' || ta === 'ptr' || ta === 'u64' || ta === 'i64' ? undefined : makeConverter('u64', ta);
  }
  if (fa === ta) return undefined;
  const fromFloat = fa === 'f32' || fa === 'f64';
  const fromSmall = fa === 'i8' || fa === 'u8' || fa === 'i16' || fa === 'u16' || fa === 'i32' || fa === 'u32' || fa === 'bool';
  switch (ta) {
    case 'bool':
      return (v) => (v === 0 || v === 0n ? 0 : 1); // NaN is true: it compares unequal to 0
    case 'f64':
      if (fromFloat) return undefined;
      return (v) => Number(v);
    case 'f32':
      return (v) => Math.fround(Number(v));
    case 'i32':
      if (fromFloat) return (v) => floatToI32(v as number);
      if (fromSmall) return (v) => (v as number) | 0;
      // ToInt32 is exact modular wrapping for any integer-valued number, so only bigints need BigInt.
      return (v) => (typeof v === 'number' ? v | 0 : Number(BigInt.asIntN(32, v)));
    case 'u32':
      if (fromFloat) return (v) => (v as number) >= 0 && (v as number) < 4294967296 ? Math.trunc(v as number) : Number(BigInt.asUintN(32, BigInt(floatToI64(v as number))));
      if (fromSmall) return (v) => (v as number) >>> 0;
      return (v) => (typeof v === 'number' ? v >>> 0 : Number(BigInt.asUintN(32, v)));
    case 'i16': case 'u16': case 'i8': case 'u8': {
      const bits = ta === 'i16' || ta === 'u16' ? 16 : 8;
      const signed = ta === 'i16' || ta === 'i8';
      const shift = 32 - bits;
      const mask = (1 << bits) - 1;
      const fromInt32 = fromFloat ? (v: Value) => floatToI32(v as number) : fromSmall ? (v: Value) => v as number : (v: Value) => (typeof v === 'number' ? v | 0 : Number(BigInt.asIntN(32, v)));
      return signed ? (v) => (fromInt32(v) << shift) >> shift : (v) => fromInt32(v) & mask;
    }
    case 'i64':
      if (fa === 'ptr') return toI64;
      if (fromFloat) return (v) => floatToI64(v as number);
      if (fromSmall) return undefined; // already a safe integer in range
      return toI64;
    case 'ptr':
      if (fromFloat) return (v) => pointerFromInteger(floatToU64(v as number));
      // A small integer, even a negative one, is already the pointer's value.
      if (fromSmall) return undefined;
      return pointerFromInteger;
    case 'u64':
      // A pointer past 2^63 is negative (see Access): as an unsigned integer it is near 2^64 again.
      if (fa === 'ptr') return (v) => ((v as number) >= 0 ? v : toU64(v));
      if (fromFloat) return (v) => floatToU64(v as number);
      if (fromSmall && (fa === 'u8' || fa === 'u16' || fa === 'u32' || fa === 'bool')) return undefined;
      return toU64;
  }
}

/** A 64-bit integer as a pointer value: itself when it is a safe integer, its signed value past 2^63. */
function pointerFromInteger(v: Value): Value {
  if (typeof v === 'number' && Number.isSafeInteger(v)) return v;
  return Number(BigInt.asIntN(64, BigInt(v)));
}

export function convertEv(ev: Ev, from: CType, to: CType): Ev {
  const c = converter(from, to);
  return c ? (t) => c(ev(t)) : ev;
}

export function convertValue(v: Value, from: CType, to: CType): Value {
  const c = converter(from, to);
  return c ? c(v) : v;
}

export const truthy = (v: Value): boolean => v !== 0 && v !== 0n;
