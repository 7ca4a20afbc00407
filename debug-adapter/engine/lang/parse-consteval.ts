// What the parser must know about expressions before the compiler runs: the type of the common forms
// (for typeof and sizeof) and the value of integer constant expressions (array sizes, case labels,
// enumerators, bit-field widths, static assertions).
import type { Expr } from './ast';
import type { Scope } from './parse-scope';
import type { CType, IntType } from './types';
import { alignOf, arrayOf, findMember, isComplete, isInteger, isPointerLike, pointerTo, promote, sizeOf, T, usualArithmetic } from './types';

/** Left-deep chains such as 1+1+…+1 recurse once per operator; beyond this they are simply not folded. */
const MAX_EVAL_DEPTH = 2000;

export interface Constant {
  value: bigint;
  type: CType;
}

/** The type of `e` when it is one of the forms the parser can work out, else undefined. */
export function typeOfExpr(e: Expr, scope: Scope, depth = 0): CType | undefined {
  if (depth > MAX_EVAL_DEPTH) return undefined;
  const sub = (x: Expr): CType | undefined => typeOfExpr(x, scope, depth + 1);
  switch (e.kind) {
    case 'int': case 'float': return e.type;
    case 'string': return arrayOf(T.char, e.bytes.length + 1);
    case 'ident': {
      const entry = scope.lookup(e.name);
      return entry?.kind === 'var' ? entry.type : undefined;
    }
    case 'cast': case 'compoundLiteral': case 'vaArg': return e.kind === 'cast' ? e.to : e.of;
    case 'sizeofType': case 'sizeofExpr': case 'alignofType': case 'offsetof': return T.ulong;
    case 'unary': {
      const t = sub(e.operand);
      if (!t) return undefined;
      switch (e.op) {
        case '*': return isPointerLike(t) ? elementOf(t) : t.kind === 'function' ? t : undefined;
        case '&': return pointerTo(t);
        case '!': return T.int;
        case '-': case '+': case '~': return promote(t);
        default: return t;
      }
    }
    case 'member': {
      let t = sub(e.object);
      if (t && e.arrow) t = isPointerLike(t) ? elementOf(t) : undefined;
      if (t?.kind !== 'struct') return undefined;
      return findMember(t, e.name)?.member.type;
    }
    case 'index': {
      const b = sub(e.base);
      if (b && isPointerLike(b)) return elementOf(b);
      const i = sub(e.index);
      return i && isPointerLike(i) ? elementOf(i) : undefined;
    }
    case 'call': {
      let f = sub(e.callee);
      if (f?.kind === 'pointer') f = f.to;
      return f?.kind === 'function' ? f.ret : undefined;
    }
    case 'binary': {
      if (e.op === ',') return sub(e.right);
      if (['<', '>', '<=', '>=', '==', '!=', '&&', '||'].includes(e.op)) return T.int;
      const l = sub(e.left);
      const r = sub(e.right);
      if (!l || !r) return undefined;
      if ((e.op === '+' || e.op === '-') && isPointerLike(l)) {
        return isPointerLike(r) ? T.long : pointerTo(elementOf(l));
      }
      if (e.op === '+' && isPointerLike(r)) return pointerTo(elementOf(r));
      if (e.op === '<<' || e.op === '>>') return promote(l);
      return isArithmeticType(l) && isArithmeticType(r) ? usualArithmetic(l, r) : undefined;
    }
    case 'assign': return sub(e.target);
    case 'cond': return sub(e.then);
    case 'stmtExpr': return undefined;
  }
}

const elementOf = (t: CType & { kind: 'pointer' | 'array' }): CType => (t.kind === 'pointer' ? t.to : t.of);
const isArithmeticType = (t: CType): boolean => t.kind === 'int' || t.kind === 'enum' || t.kind === 'float';

/** Wraps a value to what `t` can hold, as a conversion to an integer type does. */
export function wrapTo(value: bigint, t: CType): bigint {
  if (t.kind === 'enum') return BigInt.asIntN(32, value);
  if (t.kind !== 'int') return value;
  if (t.name === '_Bool') return value !== 0n ? 1n : 0n;
  const bits = t.size * 8;
  return t.signed ? BigInt.asIntN(bits, value) : BigInt.asUintN(bits, value);
}

/**
 * Evaluates an integer constant expression. `onIncomplete` is told about `sizeof expr` of an incomplete
 * type, which gcc reports as an error of its own (`sizeof(type)` is reported when parsed).
 */
export function foldInt(e: Expr, scope: Scope, onIncomplete?: (t: CType, at: Expr) => void, depth = 0): Constant | undefined {
  if (depth > MAX_EVAL_DEPTH) return undefined;
  const sub = (x: Expr): Constant | undefined => foldInt(x, scope, onIncomplete, depth + 1);
  switch (e.kind) {
    case 'int': return { value: e.value, type: e.type };
    case 'sizeofType': case 'sizeofExpr': case 'alignofType': {
      const t = e.kind === 'sizeofExpr' ? typeOfExpr(e.operand, scope) : e.of;
      if (!t) return undefined;
      if (e.kind !== 'alignofType' && !isComplete(t) && t.kind !== 'void' && t.kind !== 'function') {
        if (e.kind === 'sizeofExpr') onIncomplete?.(t, e);
        return { value: 0n, type: T.ulong }; // reported; folding on keeps one mistake from causing more
      }
      return { value: BigInt(e.kind === 'alignofType' ? alignOf(t) : sizeOf(t)), type: T.ulong };
    }
    case 'offsetof': {
      const offset = offsetOfPath(e.of, e.member);
      return offset === undefined ? undefined : { value: BigInt(offset), type: T.ulong };
    }
    case 'cast': {
      if (!isInteger(e.to)) return undefined;
      if (e.operand.kind === 'float') return { value: wrapTo(BigInt(Math.trunc(e.operand.value)), e.to), type: e.to };
      const v = sub(e.operand);
      return v && { value: wrapTo(v.value, e.to), type: e.to };
    }
    case 'unary': {
      const v = sub(e.operand);
      if (!v) return undefined;
      const t = promote(v.type);
      switch (e.op) {
        case '-': return { value: wrapTo(-v.value, t), type: t };
        case '+': return { value: wrapTo(v.value, t), type: t };
        case '~': return { value: wrapTo(~v.value, t), type: t };
        case '!': return { value: v.value === 0n ? 1n : 0n, type: T.int };
        default: return undefined;
      }
    }
    case 'cond': {
      const test = sub(e.test);
      if (!test) return undefined;
      const a = sub(e.then);
      const b = sub(e.else);
      if (!a || !b) return undefined;
      const t = usualArithmetic(a.type, b.type);
      return { value: wrapTo(test.value !== 0n ? a.value : b.value, t), type: t };
    }
    case 'binary': return foldBinary(e.op, e.left, e.right, sub);
    default: return undefined;
  }
}

function foldBinary(op: string, left: Expr, right: Expr, sub: (x: Expr) => Constant | undefined): Constant | undefined {
  const l = sub(left);
  if (!l) return undefined;
  // && and || need their right operand only when the left does not decide (a constant expression either way).
  if (op === '&&' && l.value === 0n) return sub(right) ? { value: 0n, type: T.int } : undefined;
  if (op === '||' && l.value !== 0n) return sub(right) ? { value: 1n, type: T.int } : undefined;
  const r = sub(right);
  if (!r) return undefined;
  if (op === '&&' || op === '||') return { value: r.value !== 0n ? 1n : 0n, type: T.int };
  if (op === '<<' || op === '>>') {
    const t = promote(l.type) as IntType;
    if (r.value < 0n || r.value >= BigInt(t.size * 8)) return undefined;
    return { value: wrapTo(op === '<<' ? l.value << r.value : l.value >> r.value, t), type: t };
  }
  const t = usualArithmetic(l.type, r.type);
  const a = wrapTo(l.value, t);
  const b = wrapTo(r.value, t);
  const bool = (c: boolean): Constant => ({ value: c ? 1n : 0n, type: T.int });
  switch (op) {
    case '+': return { value: wrapTo(a + b, t), type: t };
    case '-': return { value: wrapTo(a - b, t), type: t };
    case '*': return { value: wrapTo(a * b, t), type: t };
    case '/': return b === 0n ? undefined : { value: wrapTo(a / b, t), type: t };
    case '%': return b === 0n ? undefined : { value: wrapTo(a % b, t), type: t };
    case '&': return { value: wrapTo(a & b, t), type: t };
    case '|': return { value: wrapTo(a | b, t), type: t };
    case '^': return { value: wrapTo(a ^ b, t), type: t };
    case '<': return bool(a < b);
    case '>': return bool(a > b);
    case '<=': return bool(a <= b);
    case '>=': return bool(a >= b);
    case '==': return bool(a === b);
    case '!=': return bool(a !== b);
    default: return undefined; // the comma operator does not make a constant expression
  }
}

/** offsetof(type, a.b.c): the summed offsets of the named members, or undefined when one is missing. */
export function offsetOfPath(t: CType, path: string[]): number | undefined {
  let offset = 0;
  let cur = t;
  for (const name of path) {
    if (cur.kind !== 'struct') return undefined;
    const found = findMember(cur, name);
    if (!found) return undefined;
    offset += found.offset;
    cur = found.member.type;
  }
  return offset;
}
