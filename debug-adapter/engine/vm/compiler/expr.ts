// Expressions: type checking as C does it, and compilation to closures.
//
// Calls to pseudo-C functions cannot happen inside a closure (the callee needs a frame of its own, and
// the thread must be able to stop inside it), so an expression containing one is split: the call becomes
// its own op that leaves the result in a scratch register, and the rest of the expression reads that
// register when it runs, after all the calls, which is what gcc -O0's code does too (`x + f()` reads x
// after f returns).
import type { Expr } from '../../lang/ast';
import type { SourcePos } from '../../lang/token';
import type { CType, StructType } from '../../lang/types';
import {
  T, findMember, isArithmetic, isInteger, isScalar, pointerTo, promote, sameType, sizeOf, alignOf, typeName, usualArithmetic,
} from '../../lang/types';
import type { Value } from '../host';
import { I64, U64 } from '../int64';
import type { Ev, Thread } from '../thread';
import { arithEv, arithFn, compareEv, compareValues, type ArithOp, type CmpOp } from './arith';
import { compileCall, isBuiltinCall } from './call';
import { type CE, constCE, convert, decay, errCE } from './ce';
import { type FnCtx, Scope } from './context';
import { loadLV, modifyLV, storeLV } from './lvalue';
import { compileInit, completeType } from './init';
import { compileBlockItems } from './stmt';
import { shapeOf, withShape } from './shapes';
import { converter, truthy } from './values';

// ------------------------------------------------------------------ splitting around calls

const hoistMemo = new WeakMap<Expr, boolean>();

/** Whether compiling `e` emits ops of its own (it contains a call to pseudo-C code or a statement expression). */
export function emitsOps(c: FnCtx, e: Expr): boolean {
  let m = hoistMemo.get(e);
  if (m !== undefined) return m;
  switch (e.kind) {
    case 'call': m = !isBuiltinCall(c, e) || e.args.some((a) => emitsOps(c, a)); break;
    case 'stmtExpr': m = true; break;
    case 'compoundLiteral': m = true; break;
    case 'unary': case 'sizeofExpr': m = e.kind === 'unary' && emitsOps(c, e.operand); break;
    case 'binary': m = emitsOps(c, e.left) || emitsOps(c, e.right); break;
    case 'assign': m = emitsOps(c, e.target) || emitsOps(c, e.value); break;
    case 'cond': m = emitsOps(c, e.test) || emitsOps(c, e.then) || emitsOps(c, e.else); break;
    case 'cast': m = emitsOps(c, e.operand); break;
    case 'index': m = emitsOps(c, e.base) || emitsOps(c, e.index); break;
    case 'member': m = emitsOps(c, e.object); break;
    case 'vaArg': m = emitsOps(c, e.ap); break;
    default: m = false;
  }
  hoistMemo.set(e, m);
  return m;
}

/** Saves a value in a scratch register now (as an op), so later ops cannot change it. */
export function spill(c: FnCtx, ce: CE): CE {
  if (ce.k !== undefined || ce.scratch) return ce;
  const r = c.b.temp();
  const ev = ce.ev;
  c.b.emit((t) => { t.r[r] = ev(t); });
  return { type: ce.type, ev: (t) => t.r[r]!, reg: r, scratch: true, err: ce.err };
}

// ------------------------------------------------------------------ entry points

/** An rvalue: arrays and functions decayed to pointers. */
export function rv(c: FnCtx, e: Expr): CE {
  return decay(compileExpr(c, e));
}

/** A condition as a closure giving a JS boolean (no 0/1 round trip for comparisons). */
export function compileCond(c: FnCtx, e: Expr): (t: Thread) => boolean {
  if (e.kind === 'binary' && isCmp(e.op) && !emitsOps(c, e)) {
    const cmp = compileComparison(c, e.op as CmpOp, e.left, e.right, e.pos);
    if (cmp.test) return cmp.test;
  }
  if (e.kind === 'unary' && e.op === '!' && !emitsOps(c, e)) {
    const inner = compileCond(c, e.operand);
    return (t) => !inner(t);
  }
  if (e.kind === 'binary' && (e.op === '&&' || e.op === '||') && !emitsOps(c, e)) {
    // Both sides as conditions: JS's && and || short-circuit as C's do, with no 0/1 in between.
    const left = compileCond(c, e.left);
    const right = compileCond(c, e.right);
    return e.op === '&&' ? (t) => left(t) && right(t) : (t) => left(t) || right(t);
  }
  const ce = rv(c, e);
  // gcc names the kind only: "used struct type value", whatever the struct's tag.
  if (!isScalar(ce.type) && !ce.err) c.unit.error(e.pos, `used ${ce.type.kind === 'struct' ? (ce.type.union ? 'union' : 'struct') : typeName(ce.type)} type value where scalar is required`);
  if (ce.reg !== undefined) {
    const r = ce.reg;
    return (t) => truthy(t.r[r]!);
  }
  const ev = ce.ev;
  const s = shapeOf(ev);
  // `if (p->field)`: an int or a pointer read is a number, so the test is a comparison with 0.
  if (s?.kind === 'load-reg-offset') {
    const { reg, offset } = s;
    return s.access === 'ptr'
      ? (t) => t.mem.readPtr((t.r[reg] as number) + offset) !== 0
      : (t) => t.mem.readI32((t.r[reg] as number) + offset) !== 0;
  }
  return (t) => truthy(ev(t));
}

/** Where a value is being converted to a declared type: gcc words its diagnostics differently for each. */
export type ConversionSite = { kind: 'assign' } | { kind: 'init' } | { kind: 'arg'; n: number; fn: string } | { kind: 'return' };

/** Converts for assignment, initialisation, argument passing and return, with gcc's diagnostics. */
export function assignConvert(c: FnCtx, ce: CE, to: CType, pos: SourcePos, site: ConversionSite): CE {
  const from = ce.type;
  if (ce.err) return convert(ce, to.kind === 'struct' ? ce.type : to);
  const incompatible = (): CE => {
    const tn = typeName(to);
    const fn = typeName(from);
    c.unit.error(pos, site.kind === 'assign' ? `incompatible types when assigning to type '${tn}' from type '${fn}'`
      : site.kind === 'init' ? `incompatible types when initializing type '${tn}' using type '${fn}'`
      : site.kind === 'arg' ? `incompatible type for argument ${site.n} of '${site.fn}'`
      : `incompatible types when returning type '${fn}' but '${tn}' was expected`);
    return errCE();
  };
  /** gcc's warning for a conversion C allows only with a cast: `what` is "makes pointer from integer without a cast" and the like. */
  const warnConversion = (what: string, flag: string): void => {
    const tn = typeName(to);
    const fn = typeName(from);
    c.unit.warn(pos, (site.kind === 'assign' ? `assignment to '${tn}' from '${fn}' ${what}`
      : site.kind === 'init' ? `initialization of '${tn}' from '${fn}' ${what}`
      : site.kind === 'arg' ? `passing argument ${site.n} of '${site.fn}' ${what}`
      : `returning '${fn}' from a function with return type '${tn}' ${what}`) + ` [${flag}]`);
  };
  if (to.kind === 'struct') return sameType(from, to) ? ce : incompatible();
  if (from.kind === 'void') {
    c.unit.error(pos, 'void value not ignored as it ought to be');
    return errCE();
  }
  if (from.kind === 'struct') return incompatible();
  if (to.kind === 'pointer') {
    if (from.kind === 'pointer') {
      const a = to.to;
      const b = from.to;
      if (a.kind !== 'void' && b.kind !== 'void' && !sameType(a, b)) {
        const tn = typeName(to);
        const fn = typeName(from);
        c.unit.warn(pos, (site.kind === 'assign' ? `assignment to '${tn}' from incompatible pointer type '${fn}'`
          : site.kind === 'init' ? `initialization of '${tn}' from incompatible pointer type '${fn}'`
          : site.kind === 'arg' ? `passing argument ${site.n} of '${site.fn}' from incompatible pointer type`
          : `returning '${fn}' from a function with incompatible return type '${tn}'`) + ' [-Wincompatible-pointer-types]');
      }
    } else if (isInteger(from) && !ce.nullConst) warnConversion('makes pointer from integer without a cast', '-Wint-conversion');
    else if (from.kind === 'float') return incompatible();
  } else if (isInteger(to) && from.kind === 'pointer' && !(to.kind === 'int' && to.name === '_Bool')) {
    warnConversion('makes integer from pointer without a cast', '-Wint-conversion');
  } else if (to.kind === 'float' && from.kind === 'pointer') return incompatible();
  return convert(ce, to);
}

// ------------------------------------------------------------------ the dispatcher

export function compileExpr(c: FnCtx, e: Expr): CE {
  c.b.at(e.pos);
  switch (e.kind) {
    case 'int': {
      const v = e.value;
      const k: Value = sizeOf(e.type) === 8 ? (v >= -(2n ** 53n) && v <= 2n ** 53n ? Number(v) : v) : Number(v);
      return constCE(e.type, k);
    }
    case 'float':
      return constCE(e.type, e.type.kind === 'float' && e.type.size === 4 ? Math.fround(e.value) : e.value);
    case 'string': {
      const addr = c.unit.stringLiteral(e.bytes);
      const type: CType = { kind: 'array', of: T.char, length: e.bytes.length + 1 };
      return { type, ev: () => addr, k: addr, lv: { kind: 'mem', addr: () => addr, abs: addr } };
    }
    case 'ident':
      return compileIdent(c, e.name, e.pos);
    case 'unary':
      return compileUnary(c, e);
    case 'binary':
      return compileBinary(c, e);
    case 'assign':
      return compileAssign(c, e);
    case 'cond':
      return compileConditional(c, e);
    case 'cast':
      return compileCast(c, e.to, e.operand, e.pos);
    case 'sizeofType':
      return sizeofType(c, e.of, e.pos);
    case 'sizeofExpr': {
      // sizeof of a variable-length array is the one sizeof computed at run time.
      const vla = e.operand.kind === 'ident' ? c.scope.lookup(e.operand.name) : undefined;
      if (vla?.kind === 'vla') {
        const r = vla.sizeReg;
        return { type: T.ulong, ev: (t) => t.r[r]! };
      }
      return sizeofType(c, typeWithoutCode(c, e.operand), e.pos);
    }
    case 'alignofType':
      return constCE(T.ulong, alignOf(e.of));
    case 'offsetof':
      return compileOffsetof(c, e.of, e.member, e.pos);
    case 'call':
      return compileCall(c, e);
    case 'index':
      return compileIndex(c, e.base, e.index, e.pos);
    case 'member':
      return compileMember(c, e);
    case 'compoundLiteral':
      return compileCompoundLiteral(c, e);
    case 'stmtExpr':
      return compileStmtExpr(c, e);
    case 'vaArg':
      return compileVaArg(c, e);
  }
}

/** The type of an expression, compiled into a builder that is thrown away (sizeof must not run anything). */
export function typeWithoutCode(c: FnCtx, e: Expr): CType {
  const saved = c.b;
  const scratch = Object.create(saved) as typeof saved;
  (scratch as { emit: (op: unknown) => number }).emit = () => 0;
  c.b = scratch;
  try {
    return compileExpr(c, e).type;
  } finally {
    c.b = saved;
  }
}

function sizeofType(c: FnCtx, t: CType, pos: SourcePos): CE {
  if (t.kind === 'function') c.unit.warn(pos, "invalid application of 'sizeof' to a function type [-Wpointer-arith]");
  else if (t.kind === 'struct' && t.members === undefined) {
    c.unit.error(pos, `invalid application of 'sizeof' to incomplete type '${typeName(t)}'`);
    return errCE();
  }
  return constCE(T.ulong, sizeOf(t));
}

function compileIdent(c: FnCtx, name: string, pos: SourcePos): CE {
  const sym = c.scope.lookup(name);
  if (!sym) {
    if (name === '__func__' || name === '__FUNCTION__' || name === '__PRETTY_FUNCTION__') {
      return compileExpr(c, { kind: 'string', bytes: new TextEncoder().encode(c.fnName), pos });
    }
    c.unit.error(pos, c.fnName ? `'${name}' undeclared (first use in this function)` : `'${name}' undeclared here (not in a function)`);
    return errCE();
  }
  switch (sym.kind) {
    case 'reg': {
      const lv = { kind: 'reg' as const, reg: sym.reg };
      return { type: sym.type, ev: loadLV(lv, sym.type), reg: sym.reg, lv };
    }
    case 'stack': {
      const lv = { kind: 'mem' as const, addr: ((o: number) => (t: Thread) => t.bp + o)(sym.offset), bpOff: sym.offset };
      return { type: sym.type, ev: loadLV(lv, sym.type), lv };
    }
    case 'global': {
      sym.usedAt ??= pos;
      const a = sym.addr;
      const lv = { kind: 'mem' as const, addr: () => a, abs: a };
      const agg = sym.type.kind === 'array' || sym.type.kind === 'struct';
      return { type: sym.type, ev: loadLV(lv, sym.type), lv, k: agg ? a : undefined };
    }
    case 'vla': {
      const r = sym.addrReg;
      const addr: Ev = (t) => t.r[r]!;
      return { type: sym.type, ev: addr, lv: { kind: 'mem', addr } };
    }
    case 'func': {
      const a = sym.addr;
      sym.usedAt ??= pos;
      return { type: sym.type, ev: () => a, k: a };
    }
  }
}

// ------------------------------------------------------------------ unary

function compileUnary(c: FnCtx, e: Extract<Expr, { kind: 'unary' }>): CE {
  switch (e.op) {
    case '&': {
      const x = compileExpr(c, e.operand);
      if (x.err) return x;
      if (x.type.kind === 'function') return { type: pointerTo(x.type), ev: x.ev, k: x.k };
      if (!x.lv) {
        c.unit.error(e.pos, 'lvalue required as unary \'&\' operand');
        return errCE();
      }
      if (x.lv.kind === 'bits') {
        c.unit.error(e.pos, 'cannot take address of bit-field');
        return errCE();
      }
      if (x.lv.kind === 'reg') throw new Error(`internal: address of register variable at ${e.pos.line}:${e.pos.col}`);
      const lv = x.lv;
      return { type: pointerTo(x.type), ev: lv.addr, k: lv.abs };
    }
    case '*': {
      const p = rv(c, e.operand);
      if (p.err) return p;
      if (p.type.kind !== 'pointer') {
        c.unit.error(e.pos, `invalid type argument of unary '*' (have '${typeName(p.type)}')`);
        return errCE();
      }
      const to = p.type.to;
      if (to.kind === 'function') return { type: to, ev: p.ev, k: p.k };
      const lv = { kind: 'mem' as const, addr: p.ev, abs: p.k as number | undefined };
      return { type: to, ev: to.kind === 'void' ? () => 0 : loadLV(lv, to), lv };
    }
    case '+': case '-': case '~': {
      const x = rv(c, e.operand);
      if (x.err) return x;
      if (!isArithmetic(x.type) || (e.op === '~' && !isInteger(x.type))) {
        c.unit.error(e.pos, `wrong type argument to ${e.op === '~' ? 'bit-complement' : 'unary ' + (e.op === '-' ? 'minus' : 'plus')}`);
        return errCE();
      }
      const p = convert(x, promote(x.type));
      if (e.op === '+') return { ...p, lv: undefined };
      const f = unaryFn(e.op, p.type);
      if (p.k !== undefined) return constCE(p.type, f(p.k));
      const ev = p.ev;
      return { type: p.type, ev: (t) => f(ev(t)) };
    }
    case '!': {
      const x = rv(c, e.operand);
      if (x.err) return x;
      if (!isScalar(x.type)) {
        c.unit.error(e.pos, `wrong type argument to unary exclamation mark`);
        return errCE();
      }
      if (x.k !== undefined) return constCE(T.int, truthy(x.k) ? 0 : 1);
      const ev = x.ev;
      return { type: T.int, ev: (t) => (truthy(ev(t)) ? 0 : 1) };
    }
    case 'pre++': case 'pre--': case 'post++': case 'post--':
      return compileIncDec(c, e.operand, e.op.endsWith('++') ? 1 : -1, e.op.startsWith('post'), e.pos);
  }
}

function unaryFn(op: '-' | '~', t: CType): (v: Value) => Value {
  const acc = sizeOf(t) === 8 && t.kind === 'int' ? (t.signed ? I64 : U64) : undefined;
  if (t.kind === 'float') return (v) => -(v as number);
  if (acc) return op === '-' ? acc.neg : acc.not;
  const unsigned = t.kind === 'int' && !t.signed;
  if (op === '-') return unsigned ? (v) => (-(v as number)) >>> 0 : (v) => (-(v as number)) | 0;
  return unsigned ? (v) => ~(v as number) >>> 0 : (v) => ~(v as number);
}

function compileIncDec(c: FnCtx, operand: Expr, delta: 1 | -1, post: boolean, pos: SourcePos): CE {
  const x = compileExpr(c, operand);
  if (x.err) return x;
  if (!x.lv) {
    c.unit.error(pos, `lvalue required as ${delta > 0 ? 'increment' : 'decrement'} operand`);
    return errCE();
  }
  const t = x.type;
  let update: (old: Value) => Value;
  if (t.kind === 'pointer') {
    const step = sizeOf(t.to) * delta;
    update = (old) => (old as number) + step;
  } else if (isArithmetic(t)) {
    const pt = promote(t);
    const add = arithFn('+', pt.kind === 'float' ? pt : usualArithmetic(pt, T.int));
    const conv = convertFn(pt.kind === 'float' ? pt : usualArithmetic(pt, T.int), t);
    if (t.kind === 'int' && t.size === 4 && t.signed && x.lv.kind === 'reg') {
      // The loop counter case: i++ on an int register.
      const r = x.lv.reg;
      return post
        ? { type: t, ev: (th) => { const v = th.r[r] as number; th.r[r] = (v + delta) | 0; return v; } }
        : { type: t, ev: (th) => (th.r[r] = ((th.r[r] as number) + delta) | 0) };
    }
    update = (old) => conv(add(old, delta));
  } else {
    c.unit.error(pos, `wrong type argument to ${delta > 0 ? 'increment' : 'decrement'}`);
    return errCE();
  }
  return { type: t, ev: modifyLV(x.lv, t, update, post) };
}

// ------------------------------------------------------------------ binary

const isCmp = (op: string): boolean => op === '<' || op === '>' || op === '<=' || op === '>=' || op === '==' || op === '!=';

function compileBinary(c: FnCtx, e: Extract<Expr, { kind: 'binary' }>): CE {
  switch (e.op) {
    case ',': {
      const l = compileExpr(c, e.left);
      const lev = l.ev;
      if (emitsOps(c, e.right)) {
        c.b.emit((t) => { lev(t); });
        return { ...decay(compileExpr(c, e.right)), lv: undefined };
      }
      const r = rv(c, e.right);
      const rev = r.ev;
      return { type: r.type, ev: (t) => { lev(t); return rev(t); }, err: l.err || r.err };
    }
    case '&&': case '||':
      return compileLogical(c, e.op, e.left, e.right, e.pos);
    case '<': case '>': case '<=': case '>=': case '==': case '!=': {
      const cmp = compileComparison(c, e.op, e.left, e.right, e.pos);
      return cmp.ce;
    }
    default: {
      const [l, r] = [e.left, e.right].map((x) => rv(c, x));
      return binaryArith(c, e.op, l!, r!, e.pos);
    }
  }
}

/** Arithmetic on two compiled operands, with C's typing of pointers and integers. */
export function binaryArith(c: FnCtx, op: ArithOp, l: CE, r: CE, pos: SourcePos): CE {
  if (l.err || r.err) return errCE();
  const lt = l.type;
  const rt = r.type;
  if ((op === '+' || op === '-') && (lt.kind === 'pointer' || rt.kind === 'pointer')) return pointerArith(c, op, l, r, pos);
  const intOnly = op === '%' || op === '<<' || op === '>>' || op === '&' || op === '|' || op === '^';
  if (!isArithmetic(lt) || !isArithmetic(rt) || (intOnly && (!isInteger(lt) || !isInteger(rt)))) {
    c.unit.error(pos, `invalid operands to binary ${op} (have '${typeName(lt)}' and '${typeName(rt)}')`);
    return errCE();
  }
  let type: CType;
  let a: CE;
  let b: CE;
  if (op === '<<' || op === '>>') {
    type = promote(lt);
    a = convert(l, type);
    b = convert(r, promote(rt));
    if (sizeOf(type) === 4) b = convert(b, T.int);
  } else {
    type = usualArithmetic(lt, rt);
    a = convert(l, type);
    b = convert(r, type);
  }
  if ((op === '/' || op === '%') && isInteger(type) && b.k !== undefined && (b.k === 0 || b.k === 0n)) {
    c.unit.warn(pos, 'division by zero [-Wdiv-by-zero]');
  } else if (a.k !== undefined && b.k !== undefined) {
    return constCE(type, arithFn(op, type)(a.k, b.k));
  }
  return { type, ev: arithEv(op, type, a, b) };
}

function pointerArith(c: FnCtx, op: '+' | '-', l: CE, r: CE, pos: SourcePos): CE {
  const lt = l.type;
  const rt = r.type;
  if (lt.kind === 'pointer' && rt.kind === 'pointer') {
    if (op === '+') {
      c.unit.error(pos, `invalid operands to binary + (have '${typeName(lt)}' and '${typeName(rt)}')`);
      return errCE();
    }
    const size = sizeOf(lt.to) || 1;
    const L = l.ev;
    const R = r.ev;
    return { type: T.long, ev: (t) => Math.trunc(((L(t) as number) - (R(t) as number)) / size) };
  }
  const [p, n] = lt.kind === 'pointer' ? [l, r] : [r, l];
  if (op === '-' && p !== l) {
    c.unit.error(pos, `invalid operands to binary - (have '${typeName(lt)}' and '${typeName(rt)}')`);
    return errCE();
  }
  if (!isInteger(n.type)) {
    c.unit.error(pos, `invalid operands to binary ${op} (have '${typeName(lt)}' and '${typeName(rt)}')`);
    return errCE();
  }
  const pt = p.type as Extract<CType, { kind: 'pointer' }>;
  const size = (sizeOf(pt.to) || 1) * (op === '-' ? -1 : 1);
  const P = p.ev;
  const ni = convert(n, T.long);
  if (ni.k !== undefined) {
    const off = Number(ni.k) * size;
    if (p.k !== undefined) return { type: pt, ev: () => (p.k as number) + off, k: (p.k as number) + off };
    return { type: pt, ev: (t) => (P(t) as number) + off };
  }
  const N = ni.ev;
  return { type: pt, ev: (t) => (P(t) as number) + Number(N(t)) * size };
}

function compileComparison(c: FnCtx, op: CmpOp, le: Expr, re: Expr, pos: SourcePos): { ce: CE; test?: (t: Thread) => boolean } {
  const [l0, r0] = [le, re].map((x) => rv(c, x));
  const l = l0!;
  const r = r0!;
  if (l.err || r.err) return { ce: errCE() };
  let type: CType;
  if (isArithmetic(l.type) && isArithmetic(r.type)) {
    type = usualArithmetic(l.type, r.type);
    if (isInteger(l.type) && isInteger(r.type) && type.kind === 'int' && !type.signed && (l.type.kind === 'enum' || (l.type.kind === 'int' && l.type.signed)) !== (r.type.kind === 'enum' || (r.type.kind === 'int' && r.type.signed))) {
      // gcc's -Wsign-compare is only in -Wextra; nothing to say by default.
    }
  } else if (l.type.kind === 'pointer' || r.type.kind === 'pointer') {
    const okNull = (x: CE) => x.type.kind === 'pointer' || x.nullConst;
    if (!okNull(l) || !okNull(r)) {
      if (isInteger(l.type) || isInteger(r.type)) c.unit.warn(pos, 'comparison between pointer and integer');
      else {
        c.unit.error(pos, `invalid operands to binary ${op} (have '${typeName(l.type)}' and '${typeName(r.type)}')`);
        return { ce: errCE() };
      }
    }
    type = T.ulong;
  } else {
    c.unit.error(pos, `invalid operands to binary ${op} (have '${typeName(l.type)}' and '${typeName(r.type)}')`);
    return { ce: errCE() };
  }
  const a = convert(l, type);
  const b = convert(r, type);
  if (a.k !== undefined && b.k !== undefined) {
    const v = compareValues(op, a.k, b.k) ? 1 : 0;
    return { ce: constCE(T.int, v), test: () => v === 1 };
  }
  const test = compareEv(op, type, a, b);
  return { ce: { type: T.int, ev: (t) => (test(t) ? 1 : 0) }, test };
}

function compileLogical(c: FnCtx, op: '&&' | '||', le: Expr, re: Expr, pos: SourcePos): CE {
  if (emitsOps(c, re)) {
    // The right side runs ops (a call): branch around them as the C semantics demand.
    const res = c.b.temp();
    const end = c.b.label();
    const lt = compileCond(c, le);
    c.b.emit(op === '&&'
      ? (t) => { if (lt(t)) t.r[res] = 1; else { t.r[res] = 0; t.frame!.pc = end.pc; } }
      : (t) => { if (lt(t)) { t.r[res] = 1; t.frame!.pc = end.pc; } else t.r[res] = 0; });
    const rt = compileCond(c, re);
    c.b.emit((t) => { t.r[res] = rt(t) ? 1 : 0; });
    c.b.place(end);
    return { type: T.int, ev: (t) => t.r[res]!, reg: res, scratch: true };
  }
  const l = rv(c, le);
  const r = rv(c, re);
  if (l.err || r.err) return errCE();
  for (const x of [l, r]) if (!isScalar(x.type)) {
    c.unit.error(pos, `invalid operands to binary ${op} (have '${typeName(l.type)}' and '${typeName(r.type)}')`);
    return errCE();
  }
  if (l.k !== undefined && r.k !== undefined) return constCE(T.int, op === '&&' ? (truthy(l.k) && truthy(r.k) ? 1 : 0) : truthy(l.k) || truthy(r.k) ? 1 : 0);
  const L = l.ev;
  const R = r.ev;
  return op === '&&'
    ? { type: T.int, ev: (t) => (truthy(L(t)) && truthy(R(t)) ? 1 : 0) }
    : { type: T.int, ev: (t) => (truthy(L(t)) || truthy(R(t)) ? 1 : 0) };
}

// ------------------------------------------------------------------ assignment

function compileAssign(c: FnCtx, e: Extract<Expr, { kind: 'assign' }>): CE {
  // gcc evaluates the right side first; when it runs ops, the target's address must not be computed before.
  const valueFirst = emitsOps(c, e.value);
  let value: CE;
  let target: CE;
  if (valueFirst) {
    value = spill(c, rv(c, e.value));
    target = compileExpr(c, e.target);
  } else {
    target = compileExpr(c, e.target);
    value = rv(c, e.value);
  }
  if (target.err || value.err) return errCE();
  if (!target.lv || target.type.kind === 'array' || target.type.kind === 'function') {
    c.unit.error(e.pos, target.type.kind === 'array' ? `assignment to expression with array type` : 'lvalue required as left operand of assignment');
    return errCE();
  }
  const tt = target.type;
  if (e.op === '=') {
    if (tt.kind === 'struct') {
      const v = assignConvert(c, value, tt, e.pos, { kind: 'assign' });
      if (v.err) return v;
      return structCopy(target, v, tt);
    }
    const v = assignConvert(c, value, tt, e.pos, { kind: 'assign' });
    return { type: tt, ev: storeLV(target.lv, tt, v.ev) };
  }
  const op = e.op.slice(0, -1) as ArithOp;
  // Compute `target op value` with C's conversions, then convert back to the target's type.
  const probe = binaryArith(c, op, { type: decay(target).type, ev: () => 0 }, value, e.pos);
  if (probe.err) return probe;
  const opType = probe.type;
  let f: (old: Value, t: Thread) => Value;
  if (tt.kind === 'pointer') {
    const step = sizeOf(tt.to) * (op === '-' ? -1 : 1);
    const V = convert(value, T.long).ev;
    f = (old, t) => (old as number) + Number(V(t)) * step;
  } else {
    const left = (op === '<<' || op === '>>') ? promote(tt) : opType;
    const fn = arithFn(op, left);
    const convIn = convertFn(tt, left);
    const vIn = convert(value, op === '<<' || op === '>>' ? promote(value.type) : left).ev;
    const convOut = convertFn(left, tt);
    f = (old, t) => convOut(fn(convIn(old), vIn(t)));
  }
  return { type: tt, ev: modifyLV(target.lv, tt, f, false) };
}

function convertFn(from: CType, to: CType): (v: Value) => Value {
  return converter(from, to) ?? ((v) => v);
}

function structCopy(target: CE, value: CE, t: StructType): CE {
  const size = sizeOf(t);
  const dst = (target.lv as { addr: Ev }).addr;
  const src = value.ev;
  return {
    type: t,
    ev: (th) => {
      const s = src(th) as number;
      const d = dst(th) as number;
      th.mem.copy(d, s, size);
      return d;
    },
  };
}

// ------------------------------------------------------------------ ?: and casts

function compileConditional(c: FnCtx, e: Extract<Expr, { kind: 'cond' }>): CE {
  if (emitsOps(c, e.then) || emitsOps(c, e.else)) {
    const test = compileCond(c, e.test);
    const res = c.b.temp();
    const elseL = c.b.label();
    const end = c.b.label();
    c.b.emit((t) => { if (!test(t)) t.frame!.pc = elseL.pc; });
    const type = conditionalType(c, typeWithoutCode(c, e.then), typeWithoutCode(c, e.else), e.pos);
    const a = rv(c, e.then);
    const av = type.kind === 'void' ? a.ev : convert(a, type).ev;
    c.b.emit((t) => { t.r[res] = av(t); t.frame!.pc = end.pc; });
    c.b.place(elseL);
    const b = rv(c, e.else);
    const bv = type.kind === 'void' ? b.ev : convert(b, type).ev;
    c.b.emit((t) => { t.r[res] = bv(t); });
    c.b.place(end);
    return { type, ev: (t) => t.r[res]!, reg: res, scratch: true };
  }
  const test = compileCond(c, e.test);
  const a = rv(c, e.then);
  const b = rv(c, e.else);
  if (a.err || b.err) return errCE();
  const type = conditionalType(c, a.type, b.type, e.pos, a, b);
  const A = type.kind === 'void' ? a.ev : convert(a, type).ev;
  const B = type.kind === 'void' ? b.ev : convert(b, type).ev;
  return { type, ev: (t) => (test(t) ? A(t) : B(t)) };
}

function conditionalType(c: FnCtx, at0: CType, bt0: CType, pos: SourcePos, a?: CE, b?: CE): CType {
  const at = decay({ type: at0, ev: () => 0 }).type;
  const bt = decay({ type: bt0, ev: () => 0 }).type;
  if (isArithmetic(at) && isArithmetic(bt)) return usualArithmetic(at, bt);
  if (at.kind === 'void' || bt.kind === 'void') return T.void;
  if (at.kind === 'struct' && at === bt) return at;
  if (at.kind === 'pointer' && bt.kind === 'pointer') return at.to.kind === 'void' ? at : bt.to.kind === 'void' ? bt : at;
  if (at.kind === 'pointer' && (b?.nullConst ?? isInteger(bt))) return at;
  if (bt.kind === 'pointer' && (a?.nullConst ?? isInteger(at))) return bt;
  c.unit.error(pos, 'type mismatch in conditional expression');
  return T.int;
}

export function compileCast(c: FnCtx, to: CType, operand: Expr, pos: SourcePos): CE {
  const x = rv(c, operand);
  if (x.err) return x;
  if (to.kind === 'void') {
    const ev = x.ev;
    return { type: T.void, ev: (t) => { ev(t); return 0; } };
  }
  if (!isScalar(to)) {
    c.unit.error(pos, `conversion to non-scalar type requested`);
    return errCE();
  }
  if (!isScalar(x.type)) {
    c.unit.error(pos, x.type.kind === 'void' ? 'void value not ignored as it ought to be' : `aggregate value used where ${to.kind === 'pointer' ? 'a pointer' : to.kind === 'float' ? 'a floating-point' : 'an integer'} was expected`);
    return errCE();
  }
  if ((to.kind === 'float' && x.type.kind === 'pointer') || (to.kind === 'pointer' && x.type.kind === 'float')) {
    c.unit.error(pos, `${to.kind === 'pointer' ? 'cannot convert to a pointer type' : 'pointer value used where a floating-point was expected'}`);
    return errCE();
  }
  const out = convert(x, to);
  return { ...out, nullConst: to.kind === 'pointer' && x.nullConst ? true : undefined };
}

// ------------------------------------------------------------------ members, indexing

function compileIndex(c: FnCtx, baseE: Expr, indexE: Expr, pos: SourcePos): CE {
  const [b0, i0] = [baseE, indexE].map((x) => rv(c, x));
  let base = b0!;
  let index = i0!;
  if (base.err || index.err) return errCE();
  if (base.type.kind !== 'pointer' && index.type.kind === 'pointer') [base, index] = [index, base];
  if (base.type.kind !== 'pointer') {
    c.unit.error(pos, 'subscripted value is neither array nor pointer nor vector');
    return errCE();
  }
  if (!isInteger(index.type)) {
    c.unit.error(pos, 'array subscript is not an integer');
    return errCE();
  }
  const elem = base.type.to;
  const size = sizeOf(elem);
  const B = base.ev;
  const iv = convert(index, T.long);
  let addr: Ev;
  let abs: number | undefined;
  if (iv.k !== undefined) {
    const off = Number(iv.k) * size;
    addr = base.k !== undefined ? () => (base.k as number) + off : (t) => (B(t) as number) + off;
    if (base.k !== undefined) abs = (base.k as number) + off;
  } else if (iv.reg !== undefined && base.k !== undefined) {
    const r = iv.reg;
    const a0 = base.k as number;
    addr = (t) => a0 + (t.r[r] as number) * size;
  } else {
    const I = iv.ev;
    addr = (t) => (B(t) as number) + Number(I(t)) * size;
  }
  const lv = { kind: 'mem' as const, addr, abs };
  return { type: elem, ev: loadLV(lv, elem), lv, k: abs !== undefined && (elem.kind === 'array' || elem.kind === 'struct') ? abs : undefined };
}

function compileMember(c: FnCtx, e: Extract<Expr, { kind: 'member' }>): CE {
  const obj = e.arrow ? rv(c, e.object) : compileExpr(c, e.object);
  if (obj.err) return obj;
  let st: CType = obj.type;
  if (e.arrow) {
    if (st.kind !== 'pointer') {
      c.unit.error(e.pos, `invalid type argument of '->' (have '${typeName(st)}')`);
      return errCE();
    }
    st = st.to;
  }
  if (st.kind !== 'struct') {
    c.unit.error(e.pos, `request for member '${e.name}' in something not a structure or union`);
    return errCE();
  }
  if (st.members === undefined) {
    c.unit.error(e.pos, `invalid use of undefined type '${typeName(st)}'`);
    return errCE();
  }
  const found = findMember(st, e.name);
  if (!found) {
    c.unit.error(e.pos, `'${typeName(st)}' has no member named '${e.name}'`);
    return errCE();
  }
  const { member, offset } = found;
  const base = obj.ev;
  const k = obj.k !== undefined ? (obj.k as number) + offset : undefined;
  // A struct value (not an lvalue, e.g. a function's result) is still an address: members read through it.
  let addr: Ev;
  let bpOff: number | undefined;
  if (!e.arrow && obj.lv?.kind === 'mem' && obj.lv.bpOff !== undefined) {
    bpOff = obj.lv.bpOff + offset;
    const o = bpOff;
    addr = (t) => t.bp + o;
  } else if (k !== undefined) addr = () => k;
  else {
    const bs = shapeOf(base);
    if (bs?.kind === 'reg') {
      // p->field with p in a register: one closure, and a shape the loads and stores inline.
      const reg = bs.reg;
      addr = withShape((t: Thread) => (t.r[reg] as number) + offset, { kind: 'reg-offset', reg, offset });
    } else addr = (t) => (base(t) as number) + offset;
  }
  if (member.bitWidth !== undefined) {
    const lv = { kind: 'bits' as const, addr, bitOffset: member.bitOffset ?? 0, bitWidth: member.bitWidth };
    return { type: member.type, ev: loadLV(lv, member.type), lv };
  }
  const lv = { kind: 'mem' as const, addr, abs: k, bpOff };
  const agg = member.type.kind === 'array' || member.type.kind === 'struct';
  return { type: member.type, ev: loadLV(lv, member.type), lv, k: agg ? k : undefined };
}

function compileOffsetof(c: FnCtx, of: CType, path: string[], pos: SourcePos): CE {
  let t: CType = of;
  let off = 0;
  for (const name of path) {
    if (t.kind !== 'struct' || !t.members) {
      c.unit.error(pos, `request for member '${name}' in something not a structure or union`);
      return errCE();
    }
    const m = findMember(t, name);
    if (!m) {
      c.unit.error(pos, `'${typeName(t)}' has no member named '${name}'`);
      return errCE();
    }
    off += m.offset;
    t = m.member.type;
  }
  return constCE(T.ulong, off);
}

// ------------------------------------------------------------------ compound literals, statement expressions, va_arg

function compileCompoundLiteral(c: FnCtx, e: Extract<Expr, { kind: 'compoundLiteral' }>): CE {
  const type = completeType(e.of, e.init);
  if (!c.fnName) {
    const addr = c.unit.allocStatic(type, 'compound literal', e.pos);
    compileInit(c, { kind: 'global', name: '', type, addr }, e.init, e.pos);
    const lv = { kind: 'mem' as const, addr: () => addr, abs: addr };
    return { type, ev: loadLV(lv, type), lv, k: type.kind === 'array' || type.kind === 'struct' ? addr : undefined };
  }
  const off = c.b.stackSlot(type);
  compileInit(c, { kind: 'stack', name: '', type, offset: off }, e.init, e.pos);
  const lv = { kind: 'mem' as const, addr: (t: Thread) => t.bp + off, bpOff: off };
  return { type, ev: loadLV(lv, type), lv };
}

function compileStmtExpr(c: FnCtx, e: Extract<Expr, { kind: 'stmtExpr' }>): CE {
  const items = e.body.items;
  const last = items[items.length - 1];
  const outer = c.scope;
  c.scope = new Scope(outer);
  try {
    if (last && last.kind === 'expr') {
      compileBlockItems(c, items.slice(0, -1));
      const v = rv(c, last.expr);
      if (v.type.kind === 'void') {
        const ev = v.ev;
        c.b.emit(ev);
        return { type: T.void, ev: () => 0 };
      }
      return spill(c, v);
    }
    compileBlockItems(c, items);
    return { type: T.void, ev: () => 0 };
  } finally {
    c.scope = outer;
  }
}

function compileVaArg(c: FnCtx, e: Extract<Expr, { kind: 'vaArg' }>): CE {
  const ap = compileExpr(c, e.ap);
  if (ap.err) return ap;
  if (!ap.lv) {
    c.unit.error(e.pos, "first argument to 'va_arg' not of type 'va_list'");
    return errCE();
  }
  const type = e.of;
  const read = vaSlotReader(type);
  // Each variadic argument occupies one 8-byte slot (see call.ts); va_arg reads one and steps past it.
  return { type, ev: modifyThen(ap, read) };
}

function modifyThen(ap: CE, read: (t: Thread, addr: number) => Value): Ev {
  const load = ap.ev;
  const store = storeLV(ap.lv!, ap.type, (t) => (load(t) as number) + 8);
  return (t) => {
    const at = load(t) as number;
    store(t);
    return read(t, at);
  };
}

export function vaSlotReader(type: CType): (t: Thread, addr: number) => Value {
  if (type.kind === 'float') return type.size === 4 ? (t, a) => Math.fround(t.mem.readF64(a)) : (t, a) => t.mem.readF64(a);
  if (type.kind === 'pointer') return (t, a) => t.mem.readU64(a);
  if (type.kind === 'int' && type.size === 8) return type.signed ? (t, a) => t.mem.readI64(a) : (t, a) => t.mem.readU64(a);
  const conv = convertFn(T.long, type);
  return (t, a) => conv(t.mem.readI64(a));
}
