// What some compiled closures compute, recorded beside them so that the ops that use them most (calls,
// returns, the `if (n < 2) return n;` of recursion) can inline the computation instead of calling the
// closure. Each saved closure call is a few nanoseconds on every function call of a recursive program.
import type { Value } from '../host';
import type { FunctionCode } from '../thread';
import type { CmpOp } from './arith';

export type Shape =
  /** `(r[reg] op k) | 0`: int arithmetic with a constant, like `n - 1`. */
  | { kind: 'int-reg-const'; op: '+' | '-'; reg: number; k: number }
  /** `(r[a] op r[b]) | 0`: int arithmetic on two registers, like `fib(n-1) + fib(n-2)`'s final add. */
  | { kind: 'int-reg-reg'; op: '+' | '-'; a: number; b: number }
  /** `r[reg] op k` as a boolean. */
  | { kind: 'cmp-reg-const'; op: CmpOp; reg: number; k: Value }
  /** `r[reg]`. */
  | { kind: 'reg'; reg: number }
  /** `r[reg] + offset`: the address of a member through a pointer in a register, `p->field`. */
  | { kind: 'reg-offset'; reg: number; offset: number }
  /** The int or pointer at `r[reg] + offset`: reading `p->field`. */
  | { kind: 'load-reg-offset'; access: 'i32' | 'ptr'; reg: number; offset: number }
  /** An op calling pseudo-C code with one int argument `r[reg] op k`, its result to register `dest`. */
  | { kind: 'call-reg-const'; op: '+' | '-'; reg: number; k: number; dest: number; callee: { code?: FunctionCode } };

const shapes = new WeakMap<object, Shape>();

export function withShape<F extends object>(f: F, s: Shape): F {
  shapes.set(f, s);
  return f;
}

export const shapeOf = (f: object): Shape | undefined => shapes.get(f);
