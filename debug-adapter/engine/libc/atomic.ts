// The CPU's atomic read-modify-write instructions (lock cmpxchg, xchg, lock xadd) on int and long words, for the
// C library's own use: what the thread library's futex-based locks are built on. A builtin runs within
// one VM step, so no other thread can run between its read and its write, as with the real instructions.
// (Not under GCC's __sync names: those are gcc builtins, which the library's sources may not redeclare.)
import type { BuiltinFn, Value } from '../vm/host';

const int = (v: Value | undefined): number => (typeof v === 'bigint' ? Number(BigInt.asIntN(32, v)) : Number(v ?? 0) | 0);
const u64 = (v: Value | undefined): bigint => BigInt.asUintN(64, typeof v === 'bigint' ? v : BigInt(Math.trunc(Number(v ?? 0))));

export const atomicBuiltins: Record<string, BuiltinFn> = {
  /** Stores `newval` if the word holds `oldval`; returns what it held. */
  __libc_atomic_cmpxchg: (ctx, a) => {
    const addr = Number(a[0]);
    const old = ctx.mem.readI32(addr);
    if (old === int(a[1])) ctx.mem.write32(addr, int(a[2]));
    return old;
  },
  /** Stores `value`; returns what the word held (xchg). */
  __libc_atomic_xchg: (ctx, a) => {
    const addr = Number(a[0]);
    const old = ctx.mem.readI32(addr);
    ctx.mem.write32(addr, int(a[1]));
    return old;
  },
  /** Adds `value`; returns what the word held before (lock xadd). */
  __libc_atomic_fetch_add: (ctx, a) => {
    const addr = Number(a[0]);
    const old = ctx.mem.readI32(addr);
    ctx.mem.write32(addr, (old + int(a[1])) | 0);
    return old;
  },
  /** cmpxchg on an unsigned long: stores `newval` if the word holds `oldval`; returns what it held. */
  __libc_atomic_cmpxchg64: (ctx, a) => {
    const addr = Number(a[0]);
    const old = ctx.mem.readU64(addr);
    if (u64(old) === u64(a[1])) ctx.mem.write64(addr, BigInt.asIntN(64, u64(a[2])));
    return old;
  },
  /** xadd on an unsigned long, wrapping: returns what the word held before. */
  __libc_atomic_fetch_add64: (ctx, a) => {
    const addr = Number(a[0]);
    const old = ctx.mem.readU64(addr);
    ctx.mem.write64(addr, BigInt.asIntN(64, u64(old) + u64(a[1])));
    return old;
  },
};
