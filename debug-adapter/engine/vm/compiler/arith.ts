// Closures for C's arithmetic and comparisons, by operand type. The int cases, which teaching programs
// run in their hot loops, get closures specialised for register and constant operands so that a loop like
// `s = (s + i*i) % 1000003` costs a few closure calls per iteration rather than a dozen.
import type { CType } from '../../lang/types';
import type { Value } from '../host';
import { I64, U64, cmp64, isZero } from '../int64';
import { SIGFPE, SignalFault } from '../faults';
import type { Ev, Thread } from '../thread';
import { withShape } from './shapes';
import type { CE } from './ce';
import { accessOf } from './values';

export type ArithOp = '*' | '/' | '%' | '+' | '-' | '<<' | '>>' | '&' | '^' | '|';
export type CmpOp = '<' | '>' | '<=' | '>=' | '==' | '!=';

const fpe = (): never => {
  throw new SignalFault(SIGFPE, 'integer divide by zero');
};

type Cls = 'i32' | 'u32' | 'i64' | 'u64' | 'f32' | 'f64';
function classOf(t: CType): Cls {
  const a = accessOf(t);
  switch (a) {
    case 'i32': case 'u32': case 'i64': case 'u64': case 'f32': case 'f64': return a;
    default: return 'i32';
  }
}

/** The operation on two values already converted to `type` (the result type). Shifts take any integer count. */
export function arithFn(op: ArithOp, type: CType): (a: Value, b: Value) => Value {
  switch (classOf(type)) {
    case 'i32':
      switch (op) {
        case '+': return (a, b) => ((a as number) + (b as number)) | 0;
        case '-': return (a, b) => ((a as number) - (b as number)) | 0;
        case '*': return (a, b) => Math.imul(a as number, b as number);
        // x86's idiv traps on INT_MIN / -1 as well as on a zero divisor: both are SIGFPE.
        case '/': return (a, b) => (b === 0 || (b === -1 && a === -2147483648) ? fpe() : ((a as number) / (b as number)) | 0);
        case '%': return (a, b) => (b === 0 || (b === -1 && a === -2147483648) ? fpe() : ((a as number) % (b as number)) | 0);
        case '<<': return (a, b) => (a as number) << Number(b);
        case '>>': return (a, b) => (a as number) >> Number(b);
        case '&': return (a, b) => (a as number) & (b as number);
        case '|': return (a, b) => (a as number) | (b as number);
        case '^': return (a, b) => (a as number) ^ (b as number);
      }
      break;
    case 'u32':
      switch (op) {
        case '+': return (a, b) => ((a as number) + (b as number)) >>> 0;
        case '-': return (a, b) => ((a as number) - (b as number)) >>> 0;
        case '*': return (a, b) => Math.imul(a as number, b as number) >>> 0;
        case '/': return (a, b) => (b === 0 ? fpe() : Math.floor((a as number) / (b as number)));
        case '%': return (a, b) => (b === 0 ? fpe() : (a as number) % (b as number));
        case '<<': return (a, b) => ((a as number) << Number(b)) >>> 0;
        case '>>': return (a, b) => (a as number) >>> Number(b);
        case '&': return (a, b) => ((a as number) & (b as number)) >>> 0;
        case '|': return (a, b) => ((a as number) | (b as number)) >>> 0;
        case '^': return (a, b) => ((a as number) ^ (b as number)) >>> 0;
      }
      break;
    case 'i64':
    case 'u64': {
      const O = classOf(type) === 'i64' ? I64 : U64;
      const signed = O === I64;
      switch (op) {
        case '+': return O.add;
        case '-': return O.sub;
        case '*': return O.mul;
        case '/': return (a, b) => (isZero(b) || (signed && (b === -1 || b === -1n) && a === -(2n ** 63n)) ? fpe() : O.div(a, b));
        case '%': return (a, b) => (isZero(b) || (signed && (b === -1 || b === -1n) && a === -(2n ** 63n)) ? fpe() : O.rem(a, b));
        case '<<': return O.shl;
        case '>>': return O.shr;
        case '&': return O.and;
        case '|': return O.or;
        case '^': return O.xor;
      }
      break;
    }
    case 'f64':
      switch (op) {
        case '+': return (a, b) => (a as number) + (b as number);
        case '-': return (a, b) => (a as number) - (b as number);
        case '*': return (a, b) => (a as number) * (b as number);
        case '/': return (a, b) => (a as number) / (b as number);
        default: break;
      }
      break;
    case 'f32':
      switch (op) {
        case '+': return (a, b) => Math.fround((a as number) + (b as number));
        case '-': return (a, b) => Math.fround((a as number) - (b as number));
        case '*': return (a, b) => Math.fround((a as number) * (b as number));
        case '/': return (a, b) => Math.fround((a as number) / (b as number));
        default: break;
      }
      break;
  }
  throw new Error(`no ${op} for ${type.kind}`);
}

/** A closure computing `l op r` (both already converted to `type`). */
export function arithEv(op: ArithOp, type: CType, l: CE, r: CE): Ev {
  if (classOf(type) === 'i32') {
    const s = specialisedInt(op, l, r);
    if (s) return s;
  }
  const f = arithFn(op, type);
  const L = l.ev;
  const R = r.ev;
  if (r.k !== undefined) {
    const k = r.k;
    return (t) => f(L(t), k);
  }
  return (t) => f(L(t), R(t));
}

/** int closures for the common operand shapes. Division keeps its check unless the divisor is a safe constant. */
function specialisedInt(op: ArithOp, l: CE, r: CE): Ev | undefined {
  const L = l.ev;
  const R = r.ev;
  const k = r.k as number | undefined;
  const safeDivisor = k !== undefined && k !== 0 && k !== -1;
  if (l.reg !== undefined && k !== undefined) {
    const a = l.reg;
    switch (op) {
      case '+': return withShape((t: Thread) => ((t.r[a] as number) + k) | 0, { kind: 'int-reg-const', op, reg: a, k });
      case '-': return withShape((t: Thread) => ((t.r[a] as number) - k) | 0, { kind: 'int-reg-const', op, reg: a, k });
      case '*': return (t) => Math.imul(t.r[a] as number, k);
      case '&': return (t) => (t.r[a] as number) & k;
      case '<<': return (t) => (t.r[a] as number) << k;
      case '>>': return (t) => (t.r[a] as number) >> k;
      case '%': if (safeDivisor) return (t) => ((t.r[a] as number) % k) | 0; break;
      case '/': if (safeDivisor) return (t) => ((t.r[a] as number) / k) | 0; break;
      default: break;
    }
  }
  if (l.reg !== undefined && r.reg !== undefined) {
    const a = l.reg;
    const b = r.reg;
    switch (op) {
      case '+': return withShape((t: Thread) => ((t.r[a] as number) + (t.r[b] as number)) | 0, { kind: 'int-reg-reg', op, a, b });
      case '-': return withShape((t: Thread) => ((t.r[a] as number) - (t.r[b] as number)) | 0, { kind: 'int-reg-reg', op, a, b });
      case '*': return (t) => Math.imul(t.r[a] as number, t.r[b] as number);
      default: break;
    }
  }
  if (l.reg !== undefined) {
    const a = l.reg;
    switch (op) {
      case '+': return (t) => ((t.r[a] as number) + (R(t) as number)) | 0;
      case '-': return (t) => ((t.r[a] as number) - (R(t) as number)) | 0;
      case '*': return (t) => Math.imul(t.r[a] as number, R(t) as number);
      default: break;
    }
  }
  if (k !== undefined) {
    switch (op) {
      case '+': return (t) => ((L(t) as number) + k) | 0;
      case '-': return (t) => ((L(t) as number) - k) | 0;
      case '*': return (t) => Math.imul(L(t) as number, k);
      case '&': return (t) => (L(t) as number) & k;
      case '<<': return (t) => (L(t) as number) << k;
      case '>>': return (t) => (L(t) as number) >> k;
      case '%': if (safeDivisor) return (t) => ((L(t) as number) % k) | 0; break;
      case '/': if (safeDivisor) return (t) => ((L(t) as number) / k) | 0; break;
      default: break;
    }
  }
  switch (op) {
    case '+': return (t) => ((L(t) as number) + (R(t) as number)) | 0;
    case '-': return (t) => ((L(t) as number) - (R(t) as number)) | 0;
    case '*': return (t) => Math.imul(L(t) as number, R(t) as number);
    default: return undefined;
  }
}

/**
 * A closure giving the truth of `l op r`, both converted to the same type. JS's relational operators
 * compare numbers and bigints correctly across the two, and loose equality does too, which is what
 * 64-bit values need; for the rest strict equality is both right and faster.
 */
export function compareEv(op: CmpOp, type: CType, l: CE, r: CE): (t: Thread) => boolean {
  const wide = type.kind === 'pointer' || accessOf(type) === 'i64' || accessOf(type) === 'u64';
  const L = l.ev;
  const R = r.ev;
  if (!wide && l.reg !== undefined && r.reg !== undefined) {
    const a = l.reg;
    const b = r.reg;
    switch (op) {
      case '<': return (t) => t.r[a]! < t.r[b]!;
      case '<=': return (t) => t.r[a]! <= t.r[b]!;
      case '>': return (t) => t.r[a]! > t.r[b]!;
      case '>=': return (t) => t.r[a]! >= t.r[b]!;
      case '==': return (t) => t.r[a] === t.r[b];
      case '!=': return (t) => t.r[a] !== t.r[b];
    }
  }
  if (!wide && l.reg !== undefined && r.k !== undefined) {
    const a = l.reg;
    const k = r.k;
    return withShape(compareRegConst(op, a, k), { kind: 'cmp-reg-const', op, reg: a, k });
  }
  if (r.k !== undefined) {
    const k = r.k;
    switch (op) {
      case '<': return (t) => L(t) < k;
      case '<=': return (t) => L(t) <= k;
      case '>': return (t) => L(t) > k;
      case '>=': return (t) => L(t) >= k;
      // eslint-disable-next-line eqeqeq
      case '==': return wide ? (t) => L(t) == k : (t) => L(t) === k;
      // eslint-disable-next-line eqeqeq
      case '!=': return wide ? (t) => L(t) != k : (t) => L(t) !== k;
    }
  }
  switch (op) {
    case '<': return (t) => L(t) < R(t);
    case '<=': return (t) => L(t) <= R(t);
    case '>': return (t) => L(t) > R(t);
    case '>=': return (t) => L(t) >= R(t);
    // eslint-disable-next-line eqeqeq
    case '==': return wide ? (t) => L(t) == R(t) : (t) => L(t) === R(t);
    // eslint-disable-next-line eqeqeq
    case '!=': return wide ? (t) => L(t) != R(t) : (t) => L(t) !== R(t);
  }
}

function compareRegConst(op: CmpOp, a: number, k: Value): (t: Thread) => boolean {
  switch (op) {
    case '<': return (t) => t.r[a]! < k;
    case '<=': return (t) => t.r[a]! <= k;
    case '>': return (t) => t.r[a]! > k;
    case '>=': return (t) => t.r[a]! >= k;
    case '==': return (t) => t.r[a] === k;
    case '!=': return (t) => t.r[a] !== k;
  }
}

export const compareValues = (op: CmpOp, a: Value, b: Value): boolean => {
  const c = typeof a === 'number' && typeof b === 'number' ? (a < b ? -1 : a > b ? 1 : a === b ? 0 : NaN) : cmp64(a, b);
  switch (op) {
    case '<': return c < 0;
    case '<=': return c <= 0;
    case '>': return c > 0;
    case '>=': return c >= 0;
    case '==': return c === 0;
    case '!=': return !(c === 0);
  }
};
