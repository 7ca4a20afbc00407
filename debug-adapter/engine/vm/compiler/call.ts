// Function calls. A builtin runs inside the expression; a pseudo-C function gets a call op that pushes
// its frame, and the expression reads the result from the register the return fills.
import type { Expr } from '../../lang/ast';
import type { SourcePos } from '../../lang/token';
import type { CType, FunctionType } from '../../lang/types';
import { T, isArithmetic, pointerTo, promote, typeName } from '../../lang/types';
import type { Value } from '../host';
import { SIGSEGV, SignalFault } from '../faults';
import { enterFrame } from '../interpreter';
import type { Ev, FunctionCode, Op, Thread } from '../thread';
import { type CE, convert, errCE } from './ce';
import type { FnCtx, Sym } from './context';
import { assignConvert, compileExpr, emitsOps, rv, spill } from './expr';
import { storeLV } from './lvalue';
import { shapeOf, withShape } from './shapes';

/** Whether this call runs inside its expression: a builtin called by name. */
export function isBuiltinCall(c: FnCtx, e: Extract<Expr, { kind: 'call' }>): boolean {
  if (e.callee.kind !== 'ident') return false;
  const name = e.callee.name;
  if (name.startsWith('__builtin_')) return true;
  const sym = c.scope.lookup(name);
  if (sym && sym.kind !== 'func') return false;
  return c.unit.isBuiltin(name);
}

export function compileCall(c: FnCtx, e: Extract<Expr, { kind: 'call' }>): CE {
  if (e.callee.kind === 'ident') {
    const special = compileCompilerBuiltin(c, e.callee.name, e.args, e.pos);
    if (special) return special;
  }
  let callee: CE;
  let sym: Extract<Sym, { kind: 'func' }> | undefined;
  if (e.callee.kind === 'ident' && !c.scope.lookup(e.callee.name)) {
    const s = c.unit.implicitFunction(e.callee.name, e.callee.pos);
    callee = compileExpr(c, e.callee);
    sym = s as Extract<Sym, { kind: 'func' }>;
  } else {
    callee = compileExpr(c, e.callee);
    if (e.callee.kind === 'ident') {
      const s = c.scope.lookup(e.callee.name);
      if (s?.kind === 'func') sym = s;
    }
  }
  if (callee.err) return errCE();
  let ft: CType = callee.type;
  if (ft.kind === 'pointer' && ft.to.kind === 'function') ft = ft.to;
  if (ft.kind !== 'function') {
    c.unit.error(e.pos, e.callee.kind === 'ident' ? `called object '${e.callee.name}' is not a function or function pointer` : 'called object is not a function or function pointer');
    return errCE();
  }
  const fname = e.callee.kind === 'ident' ? e.callee.name : undefined;
  const args = compileArgs(c, ft, e.args, fname, e.pos);
  if (!args) return errCE();
  const ret = ft.ret;
  if (ret.kind === 'struct' && ret.members === undefined) {
    c.unit.error(e.pos, `invalid use of undefined type '${typeName(ret)}'`);
    return errCE();
  }
  if (sym && c.unit.isBuiltin(sym.name)) return builtinCall(c, sym, ft, args);
  return codeCall(c, ft, args, sym, callee);
}

interface Args {
  evs: Ev[];
  types: CType[];
  /** How many are named parameters; the rest go in the variadic slots. */
  named: number;
}

function compileArgs(c: FnCtx, ft: FunctionType, exprs: Expr[], fname: string | undefined, pos: SourcePos): Args | undefined {
  const np = ft.params.length;
  if (!ft.unprototyped) {
    if (exprs.length < np) {
      c.unit.error(pos, `too few arguments to function '${fname ?? 'call'}'`);
      return undefined;
    }
    if (exprs.length > np && !ft.variadic) {
      c.unit.error(pos, `too many arguments to function '${fname ?? 'call'}'`);
      return undefined;
    }
  }
  // gcc -O0 on x86-64 evaluates arguments right to left (their calls run in that order), and programs
  // that print from their arguments show it (printf("%ld %s", read(...), strerror(errno)) prints the
  // errno from before the read); so Forkscope does the same. An argument with no ops of its own is a
  // closure run when the call is made, after every op of the arguments to its left: so one evaluated
  // before such an argument is saved in a register first.
  const ces: CE[] = new Array<CE>(exprs.length);
  for (let i = exprs.length - 1; i >= 0; i--) {
    const ce = rv(c, exprs[i]!);
    ces[i] = exprs.slice(0, i).some((x) => emitsOps(c, x)) ? spill(c, ce) : ce;
  }
  const evs: Ev[] = [];
  const types: CType[] = [];
  let bad = false;
  ces.forEach((a, i) => {
    if (a.err) { bad = true; return; }
    if (i < np && !ft.unprototyped) {
      const pt = ft.params[i]!.type;
      const v = assignConvert(c, a, pt, exprs[i]!.pos, { kind: 'arg', n: i + 1, fn: fname ?? 'call' });
      if (v.err) bad = true;
      evs.push(v.ev);
      types.push(pt);
    } else {
      // Default argument promotions for `...` and unprototyped calls.
      if (a.type.kind === 'void') {
        c.unit.error(exprs[i]!.pos, 'invalid use of void expression');
        bad = true;
        return;
      }
      const pt = a.type.kind === 'float' ? T.double : isArithmetic(a.type) ? promote(a.type) : a.type;
      const v = convert(a, pt);
      evs.push(v.ev);
      types.push(pt);
    }
  });
  if (bad) return undefined;
  return { evs, types, named: ft.unprototyped ? evs.length : np };
}

function builtinCall(c: FnCtx, sym: Extract<Sym, { kind: 'func' }>, ft: FunctionType, args: Args): CE {
  const s = sym;
  const evs = args.evs;
  const types = args.types;
  const n = evs.length;
  // One argument array per call site, reused: builtins never keep it, and a site cannot be reached
  // again while its own arguments are evaluated (builtins never run pseudo-C). The kernel calls
  // builtins such as get_current() on most lines, so the allocation mattered.
  const vals: Value[] = new Array<Value>(n).fill(0);
  const call: Ev = (t) => {
    for (let i = 0; i < n; i++) vals[i] = evs[i]!(t);
    const callee = s.callee;
    if (callee?.kind !== 'builtin') throw new Error(`internal: ${s.name} is not bound to a builtin`);
    const r = callee.fn(t.host, vals, types);
    return r ?? 0;
  };
  return { type: ft.ret, ev: call };
}

/** A call op for pseudo-C code (named, or through a pointer that may also reach a builtin). */
function codeCall(c: FnCtx, ft: FunctionType, args: Args, sym: Extract<Sym, { kind: 'func' }> | undefined, callee: CE): CE {
  const ret = ft.ret;
  const dest = ret.kind === 'void' ? -1 : c.b.temp();
  const retSlot = ret.kind === 'struct' ? c.b.stackSlot(ret) : -1;
  const { evs, types, named } = args;
  const varTypes = types.slice(named);
  const nvar = varTypes.length;
  const target = callee.ev;
  const s = sym;
  const resolve = (t: Thread): FunctionCode | undefined => {
    if (s?.code) return s.code;
    const addr = target(t) as number;
    const found = t.callees.get(addr);
    if (!found) throw new SignalFault(SIGSEGV, `call through invalid function pointer 0x${addr.toString(16)}`);
    if (found.kind === 'code') return found.code;
    // A builtin reached through a function pointer runs at once, like any builtin.
    const vals = evs.map((ev) => ev(t));
    const r = found.fn(t.host, vals, types);
    if (dest >= 0) t.r[dest] = r ?? 0;
    return undefined;
  };
  if (nvar === 0 && retSlot < 0 && !ft.variadic && s) {
    // A direct call to pseudo-C code: the commonest call, so it skips the function-pointer lookup.
    const a0 = evs[0];
    const direct = s;
    switch (evs.length) {
      case 0:
        c.b.emit((t) => { enterFrame(t, direct.code!, dest); });
        break;
      case 1:
        c.b.emit(callWithOneArg(direct, dest, a0!));
        break;
      case 2:
      case 3:
        c.b.emit(callWithArgs(direct, dest, evs));
        break;
      default:
        c.b.emit(callWithManyArgs(direct, dest, evs));
    }
  } else {
    const slotWriters = varTypes.map(slotWriter);
    c.b.emit((t) => {
      const code = resolve(t);
      if (!code) return;
      const vals = evs.map((ev) => ev(t));
      const callerSp = t.sp;
      // With no `...` arguments, va_arg still reads somewhere mapped (the caller's stack), as on x86-64,
      // where it reads whatever the registers held: glibc's fcntl(fd, F_GETFD) reads a third argument.
      let varargs = Math.floor(t.sp / 16) * 16;
      if (nvar > 0) {
        // The `...` arguments go in 8-byte slots just below the caller's stack pointer, where va_arg finds them.
        varargs = Math.floor((t.sp - nvar * 8) / 16) * 16;
        for (let i = 0; i < nvar; i++) slotWriters[i]!(t, varargs + i * 8, vals[named + i]!);
        t.sp = varargs;
      }
      const retAddr = retSlot >= 0 ? t.bp + retSlot : 0;
      const regs = enterFrame(t, code, dest);
      for (let i = 0; i < named; i++) regs[i] = vals[i]!;
      const f = t.frame!;
      f.callerSp = callerSp;
      f.retAddr = retAddr;
      f.varargs = varargs;
    });
  }
  if (ret.kind === 'void') return { type: T.void, ev: () => 0 };
  if (ret.kind === 'struct') return { type: ret, ev: (t) => t.bp + retSlot };
  return { type: ret, ev: (t) => t.r[dest]!, reg: dest, scratch: true };
}

/** The one-argument call, with `f(n - 1)` and `f(n)` inlined (see shapes.ts): recursion's usual call. */
function callWithOneArg(direct: { code?: FunctionCode }, dest: number, a0: Ev): Op {
  const s = shapeOf(a0);
  if (s?.kind === 'int-reg-const') {
    const { reg, k } = s;
    const shape = { kind: 'call-reg-const' as const, op: s.op, reg, k, dest, callee: direct };
    if (s.op === '-') return withShape<Op>((t, r) => { const v0 = ((r[reg] as number) - k) | 0; enterFrame(t, direct.code!, dest)[0] = v0; }, shape);
    return withShape<Op>((t, r) => { const v0 = ((r[reg] as number) + k) | 0; enterFrame(t, direct.code!, dest)[0] = v0; }, shape);
  }
  if (s?.kind === 'reg') {
    const reg = s.reg;
    return (t, r) => { const v0 = r[reg]!; enterFrame(t, direct.code!, dest)[0] = v0; };
  }
  if (s?.kind === 'reg-offset') {
    // f(&p->member): the kernel's list helpers and most of its calls.
    const { reg, offset } = s;
    return (t, r) => { const v0 = (r[reg] as number) + offset; enterFrame(t, direct.code!, dest)[0] = v0; };
  }
  return (t) => { const v0 = a0(t); enterFrame(t, direct.code!, dest)[0] = v0; };
}

/**
 * How a call op gets an argument: 1, a register; 2, a register plus an offset (&p->member); 0, by
 * calling its closure. Testing a constant kind inside the op is cheaper than an indirect call.
 */
interface ArgAccess {
  kind: 0 | 1 | 2;
  reg: number;
  offset: number;
  ev: Ev;
}

function argAccess(ev: Ev): ArgAccess {
  const s = shapeOf(ev);
  if (s?.kind === 'reg') return { kind: 1, reg: s.reg, offset: 0, ev };
  if (s?.kind === 'reg-offset') return { kind: 2, reg: s.reg, offset: s.offset, ev };
  return { kind: 0, reg: 0, offset: 0, ev };
}

/**
 * A direct call with four arguments or more. They are all evaluated (reading the caller's registers)
 * before the frame is pushed, into an array the call site reuses: evaluating them never reaches the
 * same site again, as calls inside them are ops of their own.
 */
function callWithManyArgs(direct: { code?: FunctionCode }, dest: number, evs: Ev[]): Op {
  const args = evs.map(argAccess);
  const n = args.length;
  const vals: Value[] = new Array<Value>(n).fill(0);
  return (t, r) => {
    for (let i = 0; i < n; i++) {
      const a = args[i]!;
      vals[i] = a.kind === 1 ? r[a.reg]! : a.kind === 2 ? (r[a.reg] as number) + a.offset : a.ev(t);
    }
    const regs = enterFrame(t, direct.code!, dest);
    for (let i = 0; i < n; i++) regs[i] = vals[i]!;
  };
}

/** A direct call with two or three arguments, each read as argAccess says. */
function callWithArgs(direct: { code?: FunctionCode }, dest: number, evs: Ev[]): Op {
  const { kind: k0, reg: g0, offset: o0, ev: a0 } = argAccess(evs[0]!);
  const { kind: k1, reg: g1, offset: o1, ev: a1 } = argAccess(evs[1]!);
  if (evs.length === 2) {
    return (t, r) => {
      const v0 = k0 === 1 ? r[g0]! : k0 === 2 ? (r[g0] as number) + o0 : a0(t);
      const v1 = k1 === 1 ? r[g1]! : k1 === 2 ? (r[g1] as number) + o1 : a1(t);
      const regs = enterFrame(t, direct.code!, dest);
      regs[0] = v0;
      regs[1] = v1;
    };
  }
  const { kind: k2, reg: g2, offset: o2, ev: a2 } = argAccess(evs[2]!);
  return (t, r) => {
    const v0 = k0 === 1 ? r[g0]! : k0 === 2 ? (r[g0] as number) + o0 : a0(t);
    const v1 = k1 === 1 ? r[g1]! : k1 === 2 ? (r[g1] as number) + o1 : a1(t);
    const v2 = k2 === 1 ? r[g2]! : k2 === 2 ? (r[g2] as number) + o2 : a2(t);
    const regs = enterFrame(t, direct.code!, dest);
    regs[0] = v0;
    regs[1] = v1;
    regs[2] = v2;
  };
}

function slotWriter(type: CType): (t: Thread, addr: number, v: Value) => void {
  if (type.kind === 'float') return (t, a, v) => t.mem.writeF64(a, v as number);
  return (t, a, v) => t.mem.write64(a, v);
}

/** Builtins the compiler itself implements (they need the frame or a type, not just values). */
function compileCompilerBuiltin(c: FnCtx, name: string, args: Expr[], pos: SourcePos): CE | undefined {
  switch (name) {
    case '__builtin_va_start': {
      if (args.length < 1) return tooFew(c, name, pos);
      const ap = compileExpr(c, args[0]!);
      if (!ap.lv) {
        c.unit.error(pos, "first argument to 'va_start' not of type 'va_list'");
        return errCE();
      }
      return { type: T.void, ev: storeLV(ap.lv, ap.type, (t) => t.frame!.varargs) };
    }
    case '__builtin_va_end':
      return { type: T.void, ev: () => 0 };
    case '__builtin_va_copy': {
      if (args.length < 2) return tooFew(c, name, pos);
      const d = compileExpr(c, args[0]!);
      const s = rv(c, args[1]!);
      if (!d.lv) return errCE();
      return { type: T.void, ev: storeLV(d.lv, d.type, s.ev) };
    }
    case '__builtin_expect':
      if (args.length < 2) return tooFew(c, name, pos);
      return rv(c, args[0]!);
    case '__builtin_thread_pointer':
      // GCC's: the thread pointer (x86-64's %fs base), read without a system call.
      return { type: pointerTo(T.void), ev: (t) => t.host.threadPointer() };
    case '__builtin_ia32_rdtsc':
      // GCC's rdtsc: the CPU's time-stamp counter, which user mode may read (the vDSO's clock source).
      return { type: T.ullong, ev: (t) => t.host.tsc() };
    case '__builtin_unreachable':
    case '__builtin_trap':
      return { type: T.void, ev: () => { throw new SignalFault(4, `${name}() reached`); } };
    default:
      return undefined;
  }
}

function tooFew(c: FnCtx, name: string, pos: SourcePos): CE {
  c.unit.error(pos, `too few arguments to function '${name}'`);
  return errCE();
}
