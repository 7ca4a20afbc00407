// Statements and function bodies. Control flow becomes jumps between ops; loops test at the bottom so
// that an iteration costs one extra op, and a `for` whose step and test are plain expressions fuses them.
import type { Block, Expr, FunctionDef, Stmt, VarDecl } from '../../lang/ast';
import type { SourcePos } from '../../lang/token';
import type { CType } from '../../lang/types';
import { T, arrayOf, isComplete, isInteger, isScalar, pointerTo, promote, sizeOf } from '../../lang/types';
import { SIGSEGV, SignalFault } from '../faults';
import type { Value } from '../host';
import { enterFrame, enterKernelStack, leaveFrame, leaveSyscall } from '../interpreter';
import type { Ev, FunctionCode, Op, Thread } from '../thread';
import { FunctionBuilder, type Label } from './builder';
import { convert } from './ce';
import { type FnCtx, Scope, type Sym, type UnitCtx } from './context';
import { assignConvert, compileCond, emitsOps, rv } from './expr';
import { compileInit, completeType } from './init';
import { storeLV } from './lvalue';
import { shapeOf } from './shapes';
import { forEachExpr } from './walk';

export function compileFunction(unit: UnitCtx, def: FunctionDef, addr: number, fileScope: Scope, inKernel: boolean): FunctionCode {
  const b = new FunctionBuilder(def.name, def.type, addr, def.pos, inKernel);
  const addrTaken = addressTakenNames(def.body);
  const c: FnCtx = {
    unit, b, scope: new Scope(fileScope), fnName: def.name, ret: def.type.ret, addrTaken,
    breakTargets: [], continueTargets: [], switchCtx: undefined, labels: new Map(),
    structRet: def.type.ret.kind === 'struct',
    syscallEntry: inKernel && def.name.startsWith('sys_'),
  };
  if (c.syscallEntry) b.emit((t) => enterKernelStack(t));
  // Arguments arrive in registers 0..n-1; those that must live in memory are copied there first.
  def.type.params.forEach((p, i) => {
    const reg = b.newReg();
    const name = def.paramNames[i];
    if (!name) return;
    const pos = def.paramPos[i] ?? def.pos;
    if (c.scope.own(name)) unit.error(pos, `redefinition of parameter '${name}'`);
    if (p.type.kind === 'struct' || addrTaken.has(name)) {
      const off = b.stackSlot(p.type);
      if (p.type.kind === 'struct') {
        const size = sizeOf(p.type);
        b.emit((t) => { t.mem.copy(t.bp + off, t.r[reg] as number, size); });
      } else {
        const store = storeLV({ kind: 'mem', addr: (t: Thread) => t.bp + off, bpOff: off }, p.type, (t) => t.r[reg]!);
        b.emit(store);
      }
      c.scope.define({ kind: 'stack', name, type: p.type, offset: off });
      b.locals.push({ name, type: p.type, reg: -1, offset: off, from: 0, to: Infinity });
    } else {
      c.scope.define({ kind: 'reg', name, type: p.type, reg });
      b.locals.push({ name, type: p.type, reg, offset: 0, from: 0, to: Infinity });
    }
  });
  compileBlockItems(c, def.body.items);
  // Falling off the end returns 0 (C requires it of main; for others it is what -O0 code usually leaves).
  b.statement(def.endPos);
  b.emit(c.syscallEntry ? (t) => leaveSyscall(t, 0) : (t) => leaveFrame(t, 0));
  for (const [name, l] of c.labels) if (!l.defined) unit.error(l.pos, `label '${name}' used but not defined`);
  return b.finish();
}

/** Names whose address is taken with `&name`: such locals must live in memory. */
function addressTakenNames(body: Block): Set<string> {
  const out = new Set<string>();
  forEachExpr(body, (e) => {
    if (e.kind === 'unary' && e.op === '&' && e.operand.kind === 'ident') out.add(e.operand.name);
  });
  return out;
}

export function compileBlockItems(c: FnCtx, items: Stmt[]): void {
  for (const s of items) compileStmt(c, s);
}

function compileStmt(c: FnCtx, s: Stmt): void {
  const mark = c.b.tempMark();
  try {
    compileStmtInner(c, s);
  } finally {
    c.b.releaseTemps(mark);
  }
}

function jumpOp(l: Label) {
  return (t: Thread) => { t.frame!.pc = l.pc; };
}

function compileStmtInner(c: FnCtx, s: Stmt): void {
  const b = c.b;
  switch (s.kind) {
    case 'block': {
      const outer = c.scope;
      c.scope = new Scope(outer);
      const firstLocal = b.locals.length;
      compileBlockItems(c, s.items);
      for (let i = firstLocal; i < b.locals.length; i++) if (b.locals[i]!.to === Infinity) b.locals[i]!.to = b.pc;
      c.scope = outer;
      return;
    }
    case 'empty':
      return;
    case 'expr': {
      b.statement(s.pos);
      const ev = rv(c, s.expr).ev;
      // The expression's closure is the op itself (its value is dropped): no wrapper call per statement.
      b.emit(ev);
      return;
    }
    case 'decl':
      for (const d of s.decls) compileLocalDecl(c, d);
      return;
    case 'if': {
      if (compileIfReturn(c, s)) return;
      b.statement(s.pos);
      const test = compileCond(c, s.test);
      const elseL = b.label();
      b.emit((t) => { if (!test(t)) t.frame!.pc = elseL.pc; });
      compileStmt(c, s.then);
      if (s.else) {
        const end = b.label();
        b.emit(jumpOp(end));
        b.place(elseL);
        compileStmt(c, s.else);
        b.place(end);
      } else b.place(elseL);
      return;
    }
    case 'while':
      compileLoop(c, s.pos, undefined, s.test, undefined, s.body, false);
      return;
    case 'doWhile':
      compileLoop(c, s.pos, undefined, s.test, undefined, s.body, true);
      return;
    case 'for': {
      const outer = c.scope;
      c.scope = new Scope(outer);
      compileLoop(c, s.pos, s.init, s.test, s.update, s.body, false);
      c.scope = outer;
      return;
    }
    case 'switch':
      compileSwitch(c, s);
      return;
    case 'case': {
      const sw = c.switchCtx;
      if (!sw) {
        c.unit.error(s.pos, 'case label not within a switch statement');
        compileStmt(c, s.body);
        return;
      }
      const lo = caseValue(c, s.value, sw.type);
      const hi = s.high ? caseValue(c, s.high, sw.type) : lo;
      if (lo !== undefined && hi !== undefined) {
        if (sw.cases.some((k) => lo <= k.high && hi >= k.value)) c.unit.error(s.value.pos, 'duplicate case value');
        const label = b.label();
        b.place(label);
        sw.cases.push({ value: lo, high: hi, label, pos: s.pos });
      }
      compileStmt(c, s.body);
      return;
    }
    case 'default': {
      const sw = c.switchCtx;
      if (!sw) c.unit.error(s.pos, "'default' label not within a switch statement");
      else if (sw.defaultLabel) c.unit.error(s.pos, 'multiple default labels in one switch');
      else {
        sw.defaultLabel = b.label();
        b.place(sw.defaultLabel);
      }
      compileStmt(c, s.body);
      return;
    }
    case 'break': {
      const target = c.breakTargets[c.breakTargets.length - 1];
      if (!target) { c.unit.error(s.pos, 'break statement not within loop or switch'); return; }
      b.statement(s.pos);
      b.emit(jumpOp(target));
      return;
    }
    case 'continue': {
      const target = c.continueTargets[c.continueTargets.length - 1];
      if (!target) { c.unit.error(s.pos, 'continue statement not within a loop'); return; }
      b.statement(s.pos);
      b.emit(jumpOp(target));
      return;
    }
    case 'return':
      compileReturn(c, s.pos, s.value);
      return;
    case 'goto': {
      b.statement(s.pos);
      b.emit(jumpOp(labelFor(c, s.label, s.pos).label));
      return;
    }
    case 'label': {
      const l = labelFor(c, s.name, s.pos);
      if (l.defined) c.unit.error(s.pos, `duplicate label '${s.name}'`);
      l.defined = true;
      b.place(l.label);
      compileStmt(c, s.body);
      return;
    }
  }
}

/**
 * `if (test) return value;` as one op: recursion's base case, which half of all calls in a recursive
 * function take. Only when neither part runs ops of its own (calls to pseudo-C code).
 */
function compileIfReturn(c: FnCtx, s: Extract<Stmt, { kind: 'if' }>): boolean {
  let body: Stmt = s.then;
  while (body.kind === 'block' && body.items.length === 1) body = body.items[0]!;
  if (s.else || body.kind !== 'return' || c.ret.kind === 'struct' || c.ret.kind === 'void' || c.syscallEntry) return false;
  const value = body.value;
  if (!value || emitsOps(c, s.test) || emitsOps(c, value)) return false;
  c.b.statement(s.pos);
  const test = compileCond(c, s.test);
  const v = assignConvert(c, rv(c, value), c.ret, value.pos, { kind: 'return' }).ev;
  c.b.emit(ifReturnOp(test, v));
  c.b.fuseWithNext((next) => ifReturnThenCall(test, v, next));
  return true;
}

/** `if (n < k) return n;` with both closures inlined when their shapes allow (see shapes.ts). */
function ifReturnOp(test: (t: Thread) => boolean, v: Ev): Op {
  const ts = shapeOf(test);
  const vs = shapeOf(v);
  if (ts?.kind === 'cmp-reg-const' && vs?.kind === 'reg') {
    const { reg: a, k } = ts;
    const rv = vs.reg;
    switch (ts.op) {
      case '<': return (t, r) => { if (r[a]! < k) leaveFrame(t, r[rv]!); };
      case '<=': return (t, r) => { if (r[a]! <= k) leaveFrame(t, r[rv]!); };
      case '==': return (t, r) => { if (r[a] === k) leaveFrame(t, r[rv]!); };
      default: break;
    }
  }
  return (t) => { if (test(t)) leaveFrame(t, v(t)); };
}

/**
 * `if (n < k) return n; … f(n - c) …` as one closure: recursion's test and its first call, the pair
 * every non-trivial call of a recursive function runs.
 */
function ifReturnThenCall(test: (t: Thread) => boolean, v: Ev, next: Op): Op | undefined {
  const ts = shapeOf(test);
  const vs = shapeOf(v);
  const ns = shapeOf(next);
  if (ts?.kind !== 'cmp-reg-const' || ts.op !== '<' || vs?.kind !== 'reg' || ns?.kind !== 'call-reg-const' || ns.op !== '-') return undefined;
  const { reg: a, k } = ts;
  const rv = vs.reg;
  const { reg, k: c, dest, callee } = ns;
  return (t, r) => {
    if (r[a]! < k) {
      leaveFrame(t, r[rv]!);
      return;
    }
    t.frame!.pc++;
    const v0 = ((r[reg] as number) - c) | 0;
    enterFrame(t, callee.code!, dest)[0] = v0;
  };
}

/** `return e;` with `return a + b` on two registers inlined (the end of a doubly recursive function). */
function returnOp(ev: Ev): Op {
  const s = shapeOf(ev);
  if (s?.kind === 'reg') {
    const reg = s.reg;
    return (t, r) => leaveFrame(t, r[reg]!);
  }
  if (s?.kind === 'int-reg-reg') {
    const { a, b } = s;
    if (s.op === '+') return (t, r) => leaveFrame(t, ((r[a] as number) + (r[b] as number)) | 0);
    return (t, r) => leaveFrame(t, ((r[a] as number) - (r[b] as number)) | 0);
  }
  return (t) => leaveFrame(t, ev(t));
}

function labelFor(c: FnCtx, name: string, pos: SourcePos) {
  let l = c.labels.get(name);
  if (!l) {
    l = { label: c.b.label(), defined: false, pos };
    c.labels.set(name, l);
  }
  return l;
}

/**
 * while, do-while and for. Layout: [init] [test → exit] body [step+test → body]. The test at the top runs
 * once; each further iteration costs the one op at the bottom.
 */
function compileLoop(c: FnCtx, pos: SourcePos, init: Stmt | undefined, test: Expr | undefined, step: Expr | undefined, body: Stmt, testAfter: boolean): void {
  const b = c.b;
  if (init) compileStmt(c, init);
  const bodyL = b.label();
  const contL = b.label();
  const exitL = b.label();
  if (test && !testAfter) {
    b.statement(pos);
    const mark = b.tempMark();
    const t0 = compileCond(c, test);
    b.emit((t) => { if (!t0(t)) t.frame!.pc = exitL.pc; });
    b.releaseTemps(mark);
  }
  b.place(bodyL);
  c.breakTargets.push(exitL);
  c.continueTargets.push(contL);
  compileStmt(c, body);
  c.breakTargets.pop();
  c.continueTargets.pop();
  b.place(contL);
  const mark = b.tempMark();
  b.statement(pos);
  const simple = (!step || !emitsOps(c, step)) && (!test || !emitsOps(c, test));
  if (simple) {
    const stepEv = step ? rv(c, step).ev : undefined;
    const cond = test ? compileCond(c, test) : undefined;
    if (stepEv && cond) b.emit((t) => { stepEv(t); if (cond(t)) t.frame!.pc = bodyL.pc; });
    else if (cond) b.emit((t) => { if (cond(t)) t.frame!.pc = bodyL.pc; });
    else if (stepEv) b.emit((t) => { stepEv(t); t.frame!.pc = bodyL.pc; });
    else b.emit(jumpOp(bodyL));
  } else {
    if (step) {
      const stepEv = rv(c, step).ev;
      b.emit((t) => { stepEv(t); });
    }
    if (test) {
      const cond = compileCond(c, test);
      b.emit((t) => { if (cond(t)) t.frame!.pc = bodyL.pc; });
    } else b.emit(jumpOp(bodyL));
  }
  b.releaseTemps(mark);
  b.place(exitL);
}

function caseValue(c: FnCtx, e: Expr, type: CType): bigint | undefined {
  const ce = rv(c, e);
  if (ce.err) return undefined;
  if (ce.k === undefined || !isInteger(ce.type)) {
    c.unit.error(e.pos, 'case label does not reduce to an integer constant');
    return undefined;
  }
  return BigInt(convert(ce, type).k!);
}

function compileSwitch(c: FnCtx, s: Extract<Stmt, { kind: 'switch' }>): void {
  const b = c.b;
  b.statement(s.pos);
  const v = rv(c, s.test);
  if (!v.err && !isInteger(v.type)) c.unit.error(s.test.pos, 'switch quantity not an integer');
  const type = isInteger(v.type) ? promote(v.type) : T.int;
  const ev = convert(v, type).ev;
  const sw = { cases: [] as { value: bigint; high: bigint; label: Label; pos: SourcePos }[], defaultLabel: undefined as Label | undefined, type };
  const exitL = b.label();
  // The dispatch table is filled as the body's case labels are compiled; the op reads it when it runs.
  const table = new Map<number | bigint, Label>();
  const ranges: { lo: bigint; hi: bigint; label: Label }[] = [];
  b.emit((t) => {
    const x = ev(t);
    let l = table.get(x);
    if (!l && ranges.length) {
      const bx = BigInt(x);
      l = ranges.find((r) => bx >= r.lo && bx <= r.hi)?.label;
    }
    t.frame!.pc = (l ?? sw.defaultLabel ?? exitL).pc;
  });
  const outerSw = c.switchCtx;
  c.switchCtx = sw;
  c.breakTargets.push(exitL);
  compileStmt(c, s.body);
  c.breakTargets.pop();
  c.switchCtx = outerSw;
  b.place(exitL);
  for (const k of sw.cases) {
    if (k.value === k.high) {
      const n = k.value >= -(2n ** 53n) && k.value <= 2n ** 53n ? Number(k.value) : k.value;
      if (!table.has(n)) table.set(n, k.label);
    } else ranges.push({ lo: k.value, hi: k.high, label: k.label });
  }
}

function compileReturn(c: FnCtx, pos: SourcePos, value: Expr | undefined): void {
  const b = c.b;
  b.statement(pos);
  const ret = c.ret;
  const leave = c.syscallEntry ? leaveSyscall : leaveFrame;
  if (!value) {
    if (ret.kind !== 'void') c.unit.warn(pos, "'return' with no value, in function returning non-void [-Wreturn-type]");
    b.emit((t) => leave(t, 0));
    return;
  }
  const v = rv(c, value);
  if (ret.kind === 'void') {
    if (v.type.kind !== 'void') c.unit.warn(pos, "'return' with a value, in function returning void [-Wreturn-type]");
    const ev = v.ev;
    b.emit((t) => { ev(t); leave(t, 0); });
    return;
  }
  const cv = assignConvert(c, v, ret, value.pos, { kind: 'return' });
  if (ret.kind === 'struct') {
    const size = sizeOf(ret);
    const src = cv.ev;
    b.emit((t) => {
      const dst = t.frame!.retAddr;
      t.mem.copy(dst, src(t) as number, size);
      leave(t, dst);
    });
    return;
  }
  b.emit(c.syscallEntry ? (t) => leaveSyscall(t, cv.ev(t)) : returnOp(cv.ev));
}

function compileLocalDecl(c: FnCtx, d: VarDecl): void {
  const b = c.b;
  const prev = c.scope.own(d.name);
  if (d.type.kind === 'function' || d.storage === 'extern') {
    // A block-scope declaration of something defined elsewhere.
    // extern names the file-scope object even where a local of the same name hides it.
    const sym = c.scope.root().own(d.name) ?? c.scope.lookup(d.name);
    if (sym && (sym.kind === 'func' || sym.kind === 'global')) c.scope.define(sym);
    else if (d.type.kind === 'function') c.scope.define(c.unit.implicitFunction(d.name, d.pos));
    return;
  }
  if (prev && prev.kind !== 'func') {
    c.unit.error(d.pos, `redefinition of '${d.name}'`);
    return;
  }
  const type = d.init ? completeType(d.type, d.init) : d.type;
  if (d.storage === 'static') {
    if (!isComplete(type)) { c.unit.error(d.pos, `storage size of '${d.name}' isn't known`); return; }
    const addr = c.unit.allocStatic(type, d.name, d.pos);
    const sym: Sym = { kind: 'global', name: d.name, type, addr };
    c.scope.define(sym);
    if (d.init) compileInit(c, sym, d.init, d.pos);
    return;
  }
  if (d.vlaLength) {
    compileVla(c, d);
    return;
  }
  if (!isComplete(type)) {
    c.unit.error(d.pos, type.kind === 'void' ? `variable or field '${d.name}' declared void` : `storage size of '${d.name}' isn't known`);
    return;
  }
  let sym: Sym;
  if (isScalar(type) && !c.addrTaken.has(d.name)) {
    const reg = b.newReg();
    sym = { kind: 'reg', name: d.name, type, reg };
    b.locals.push({ name: d.name, type, reg, offset: 0, from: b.pc, to: Infinity });
  } else {
    const offset = b.stackSlot(type);
    sym = { kind: 'stack', name: d.name, type, offset };
    b.locals.push({ name: d.name, type, reg: -1, offset, from: b.pc, to: Infinity });
  }
  if (d.init) {
    b.statement(d.pos);
    // The name is in scope within its own initializer (int x = sizeof x;), as C says.
    c.scope.define(sym);
    compileInit(c, sym, d.init, d.pos);
  } else {
    c.scope.define(sym);
    if (sym.kind === 'reg') {
      // A fresh register reads 0, but a loop re-entering this block must see a clean variable too.
      const r = sym.reg;
      const zero: Value = 0;
      b.emit((t) => { t.r[r] = zero; });
    }
  }
}

/** int a[n]: the array is carved from the stack when the declaration runs. */
function compileVla(c: FnCtx, d: VarDecl): void {
  const b = c.b;
  const elem = d.type.kind === 'array' ? d.type.of : T.char;
  const n = convert(rv(c, d.vlaLength!), T.long).ev;
  const elemSize = sizeOf(elem);
  const addrReg = b.newReg();
  const sizeReg = b.newReg();
  b.statement(d.pos);
  b.emit((t) => {
    const bytes = Number(n(t)) * elemSize;
    t.sp = Math.floor((t.sp - bytes) / 16) * 16;
    if (t.sp < t.stackLimit) throw new SignalFault(SIGSEGV, `variable-length array '${d.name}' overflows the stack`);
    t.r[addrReg] = t.sp;
    t.r[sizeReg] = bytes;
  });
  const type = arrayOf(elem, undefined);
  c.scope.define({ kind: 'vla', name: d.name, type, addrReg, sizeReg });
  b.locals.push({ name: d.name, type: pointerTo(elem), reg: addrReg, offset: 0, from: b.pc, to: Infinity });
}
