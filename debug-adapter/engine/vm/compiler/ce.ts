// A compiled expression ("CE"): its C type, a closure computing its value, and what the compiler
// knows statically about it (a constant, a register, an lvalue), which lets it pick faster closures.
import type { CType } from '../../lang/types';
import { T, pointerTo } from '../../lang/types';
import type { Value } from '../host';
import type { Ev } from '../thread';
import { converter } from './values';

/** Where an lvalue lives. */
export type LV =
  | { kind: 'reg'; reg: number }
  /** In memory: at a fixed address (`abs`), at a frame offset (`bpOff`), or wherever `addr` computes. */
  | { kind: 'mem'; addr: Ev; abs?: number; bpOff?: number }
  | { kind: 'bits'; addr: Ev; bitOffset: number; bitWidth: number };

export interface CE {
  type: CType;
  /** The value; for arrays, structs and functions, their address. */
  ev: Ev;
  lv?: LV;
  /** Known at compile time (constant expressions, addresses of statics, string literals). */
  k?: Value;
  /** Reads register `reg` and nothing else. */
  reg?: number;
  /** `reg` is a scratch register holding this value alone (a call's result, a spilled operand): no other op writes it. */
  scratch?: boolean;
  /** Came from an error already reported: don't report more about it. */
  err?: boolean;
  /** An integer constant expression equal to 0: a null pointer constant. */
  nullConst?: boolean;
}

export function constCE(type: CType, k: Value): CE {
  return { type, ev: () => k, k, nullConst: k === 0 || k === 0n ? true : undefined };
}

export const errCE = (): CE => ({ type: T.int, ev: () => 0, err: true, k: 0 });

export const isConst = (ce: CE): boolean => ce.k !== undefined;

/** Array-to-pointer and function-to-pointer decay (C11 6.3.2.1). The value, an address, is unchanged. */
export function decay(ce: CE): CE {
  if (ce.type.kind === 'array') return { ev: ce.ev, k: ce.k, err: ce.err, type: pointerTo(ce.type.of) };
  if (ce.type.kind === 'function') return { ev: ce.ev, k: ce.k, err: ce.err, type: pointerTo(ce.type) };
  return ce;
}

/** Converts to `to`, folding constants. */
export function convert(ce: CE, to: CType): CE {
  const c = converter(ce.type, to);
  // No conversion: the same value, still in the same register if it was one.
  if (!c) return { ...ce, type: to, lv: undefined };
  if (ce.k !== undefined) {
    const k = c(ce.k);
    return { type: to, ev: () => k, k, err: ce.err, nullConst: ce.nullConst };
  }
  const ev = ce.ev;
  return { type: to, ev: (t) => c(ev(t)), err: ce.err };
}
