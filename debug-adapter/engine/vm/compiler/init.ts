// Initializers: `int a[] = {1, 2}`, `struct p q = {.x = 1}`, `char s[] = "hi"`, nested lists with
// C's brace elision. Objects with static storage are written into the program image at compile time
// (their initializers must be constant); automatic ones get ops that zero the object and store each part.
import type { Expr, Initializer } from '../../lang/ast';
import type { SourcePos } from '../../lang/token';
import type { CType } from '../../lang/types';
import { T, findMember, isScalar, sizeOf, typeName } from '../../lang/types';
import type { Thread } from '../thread';
import { type CE, decay } from './ce';
import type { FnCtx, Sym } from './context';
import { assignConvert, compileExpr, rv, typeWithoutCode } from './expr';
import { storeLV, writeBits } from './lvalue';
import { writeValue } from './values';

/** Gives `int a[]` its length from the initializer. */
export function completeType(type: CType, init: Initializer): CType {
  if (type.kind !== 'array' || type.length !== undefined) return type;
  if (init.kind === 'expr' && init.expr.kind === 'string') return { ...type, length: init.expr.bytes.length + 1 };
  if (init.kind === 'list') {
    if (init.items.length === 1 && init.items[0]!.init.kind === 'expr' && init.items[0]!.init.expr.kind === 'string' && isCharType(type.of)) {
      return { ...type, length: init.items[0]!.init.expr.bytes.length + 1 };
    }
    let idx = 0;
    let max = 0;
    const elemScalars = scalarCount(type.of);
    let pendingScalars = 0;
    for (const item of init.items) {
      const d = item.designators[0];
      if (d?.kind === 'index' && d.index.kind === 'int') idx = Number(d.index.value);
      if (item.init.kind === 'expr' && !isScalar(type.of) && !(item.init.expr.kind === 'string')) {
        // Brace elision: several scalars fill one element.
        pendingScalars++;
        if (pendingScalars < elemScalars) { max = Math.max(max, idx + 1); continue; }
        pendingScalars = 0;
      }
      idx++;
      max = Math.max(max, idx);
    }
    return { ...type, length: max };
  }
  return type;
}

const isCharType = (t: CType): boolean => t.kind === 'int' && t.size === 1;

function scalarCount(t: CType): number {
  if (t.kind === 'array') return (t.length ?? 0) * scalarCount(t.of);
  if (t.kind === 'struct') return t.union ? 1 : (t.members ?? []).reduce((n, m) => n + scalarCount(m.type), 0);
  return 1;
}

/** Where the parts of an initialised object go. */
interface Sink {
  scalar(off: number, type: CType, ce: CE, pos: SourcePos): void;
  bytes(off: number, bytes: Uint8Array): void;
  /** Copies a whole struct value. */
  struct(off: number, type: CType, ce: CE, pos: SourcePos): void;
  bits(unitOff: number, bitOffset: number, bitWidth: number, type: CType, ce: CE, pos: SourcePos): void;
}

/**
 * Initialises `sym` (a local in a register or on the stack, or a static at a fixed address). Returns the
 * object's type, completed from the initializer when it was an array of unknown length.
 */
export function compileInit(c: FnCtx, sym: Sym, init: Initializer, pos: SourcePos): void {
  const type = sym.type;
  if (sym.kind === 'reg') {
    const e = init.kind === 'list' ? firstScalar(c, init, pos) : init.expr;
    if (!e) return;
    const v = assignConvert(c, rv(c, e), type, e.pos, { kind: 'init' });
    const store = storeLV({ kind: 'reg', reg: sym.reg }, type, v.ev);
    c.b.emit(store);
    return;
  }
  if (sym.kind === 'global') {
    fill(c, type, 0, init, staticSink(c, sym.addr));
    return;
  }
  if (sym.kind !== 'stack') return;
  const off0 = sym.offset;
  const size = sizeOf(type);
  if (isScalar(type) && init.kind === 'expr') {
    stackSink(c, off0).scalar(0, type, rv(c, init.expr), init.expr.pos);
    return;
  }
  // Aggregates: zero the whole object first, as C requires for the parts the initializer leaves out.
  c.b.emit((t) => { t.mem.fill(t.bp + off0, 0, size); });
  fill(c, type, 0, init, stackSink(c, off0));
}

function firstScalar(c: FnCtx, init: Initializer, pos: SourcePos): Expr | undefined {
  let i: Initializer = init;
  while (i.kind === 'list') {
    if (i.items.length === 0) {
      return { kind: 'int', value: 0n, type: T.int, pos };
    }
    if (i.items.length > 1) c.unit.warn(pos, 'excess elements in scalar initializer');
    i = i.items[0]!.init;
  }
  return i.expr;
}

function staticSink(c: FnCtx, base: number): Sink {
  const img = c.unit.image;
  return {
    scalar(off, type, ce, pos) {
      const v = assignConvert(c, decay(ce), type, pos, { kind: 'init' });
      if (v.err) return;
      if (v.k === undefined) {
        c.unit.error(pos, 'initializer element is not constant');
        return;
      }
      writeValue(img, base + off, type, v.k);
    },
    bytes(off, bytes) {
      img.writeBytes(base + off, bytes);
    },
    struct(off, type, ce, pos) {
      if (ce.k === undefined) {
        c.unit.error(pos, 'initializer element is not constant');
        return;
      }
      img.writeBytes(base + off, img.readBytes(ce.k as number, sizeOf(type)));
    },
    bits(unitOff, bitOffset, bitWidth, type, ce, pos) {
      const v = assignConvert(c, ce, type, pos, { kind: 'init' });
      if (v.err) return;
      if (v.k === undefined) {
        c.unit.error(pos, 'initializer element is not constant');
        return;
      }
      writeBits(img, base + unitOff, bitOffset, bitWidth, v.k);
    },
  };
}

function stackSink(c: FnCtx, base: number): Sink {
  return {
    scalar(off, type, ce, pos) {
      const v = assignConvert(c, decay(ce), type, pos, { kind: 'init' });
      const o = base + off;
      const store = storeLV({ kind: 'mem', addr: (t: Thread) => t.bp + o, bpOff: o }, type, v.ev);
      c.b.emit(store);
    },
    bytes(off, bytes) {
      const o = base + off;
      c.b.emit((t) => { t.mem.writeBytes(t.bp + o, bytes); });
    },
    struct(off, type, ce) {
      const o = base + off;
      const size = sizeOf(type);
      const src = ce.ev;
      c.b.emit((t) => { t.mem.copy(t.bp + o, src(t) as number, size); });
    },
    bits(unitOff, bitOffset, bitWidth, type, ce, pos) {
      const v = assignConvert(c, ce, type, pos, { kind: 'init' });
      const o = base + unitOff;
      const store = storeLV({ kind: 'bits', addr: (t: Thread) => t.bp + o, bitOffset, bitWidth }, type, v.ev);
      c.b.emit(store);
    },
  };
}

/** Fills the object of `type` at `off` from `init`. */
function fill(c: FnCtx, type: CType, off: number, init: Initializer, sink: Sink): void {
  if (init.kind === 'expr') {
    fillFromExpr(c, type, off, init.expr, sink);
    return;
  }
  if (isScalar(type)) {
    const e = firstScalar(c, init, init.pos);
    if (e) sink.scalar(off, type, compileExpr(c, e), e.pos);
    return;
  }
  // char s[] = {"abc"} is the same as char s[] = "abc".
  if (type.kind === 'array' && isCharType(type.of) && init.items.length === 1 && init.items[0]!.init.kind === 'expr' && init.items[0]!.init.expr.kind === 'string') {
    fillFromExpr(c, type, off, init.items[0]!.init.expr, sink);
    return;
  }
  const cursor = { i: 0 };
  fillList(c, type, off, init.items, cursor, sink, true);
  if (cursor.i < init.items.length) c.unit.warn(init.items[cursor.i]!.init.pos, `excess elements in ${type.kind === 'array' ? 'array' : 'struct'} initializer`);
}

type Items = Extract<Initializer, { kind: 'list' }>['items'];

/**
 * Consumes items for the aggregate `type`. With `braced`, the items are the aggregate's own list and
 * designators may appear; without, the aggregate's braces were elided and it takes only what it needs.
 */
function fillList(c: FnCtx, type: CType, off: number, items: Items, cur: { i: number }, sink: Sink, braced: boolean): void {
  if (type.kind === 'array') {
    const n = type.length ?? Infinity;
    const es = sizeOf(type.of);
    let idx = 0;
    while (cur.i < items.length) {
      const item = items[cur.i]!;
      const d = item.designators[0];
      if (d) {
        if (!braced) return;
        if (d.kind !== 'index') {
          c.unit.error(d.pos, `field name not in record or union initializer`);
          cur.i++;
          continue;
        }
        const k = compileExpr(c, d.index);
        if (k.k === undefined) {
          c.unit.error(d.pos, 'nonconstant array index in initializer');
          cur.i++;
          continue;
        }
        idx = Number(k.k);
        if (idx < 0 || idx >= n) {
          c.unit.error(d.index.pos, 'array index in initializer exceeds array bounds');
          cur.i++;
          continue;
        }
      }
      if (idx >= n) {
        if (braced) c.unit.warn(item.init.pos, 'excess elements in array initializer');
        if (braced) cur.i = items.length;
        return;
      }
      fillElement(c, type.of, off + idx * es, items, cur, sink, d ? item.designators.slice(1) : []);
      idx++;
    }
    return;
  }
  if (type.kind === 'struct') {
    const members = (type.members ?? []).filter((m) => m.name !== undefined || m.type.kind === 'struct');
    let mi = 0;
    while (cur.i < items.length) {
      const item = items[cur.i]!;
      const d = item.designators[0];
      let mOff: number;
      let mType: CType;
      if (d) {
        if (!braced) return;
        if (d.kind !== 'field') {
          c.unit.error(d.pos, `array index in non-array initializer`);
          cur.i++;
          continue;
        }
        const found = findMember(type, d.name);
        if (!found) {
          c.unit.error(d.pos, `'${typeName(type)}' has no member named '${d.name}'`);
          cur.i++;
          continue;
        }
        mOff = found.offset;
        mType = found.member.type;
        mi = members.findIndex((m) => m.name === d.name);
        if (mi < 0) mi = members.length; // a member of an anonymous inner struct: later positional items end here
      } else {
        if (mi >= members.length || (type.union && mi > 0)) return;
        const m = members[mi]!;
        mOff = m.offset;
        mType = m.type;
        if (m.bitWidth !== undefined) {
          const e = item.init.kind === 'expr' ? item.init.expr : firstScalar(c, item.init, item.init.pos);
          cur.i++;
          mi++;
          if (e) sink.bits(off + mOff, m.bitOffset ?? 0, m.bitWidth, m.type, rv(c, e), e.pos);
          continue;
        }
      }
      fillElement(c, mType, off + mOff, items, cur, sink, d ? item.designators.slice(1) : []);
      mi++;
    }
    return;
  }
  // A scalar reached with elided braces takes one item.
  const item = items[cur.i++]!;
  fill(c, type, off, item.init, sink);
}

/**
 * One element or member: a nested list, an expression, or, when braces were elided, the first of the
 * items from the enclosing list that together fill a sub-aggregate.
 */
function fillElement(c: FnCtx, type: CType, off: number, items: Items, cur: { i: number }, sink: Sink, rest: Items[number]['designators']): void {
  const item = items[cur.i]!;
  if (rest.length > 0) {
    // .a.b = 1 or [2].x = 1: initialise the sub-object through the remaining designators.
    fillList(c, type, off, [{ designators: rest, init: item.init }], { i: 0 }, sink, true);
    cur.i++;
    return;
  }
  if (item.init.kind === 'list' || isScalar(type)) {
    fill(c, type, off, item.init, sink);
    cur.i++;
    return;
  }
  const e = item.init.expr;
  if (e.kind === 'string' && type.kind === 'array' && isCharType(type.of)) {
    fillFromExpr(c, type, off, e, sink);
    cur.i++;
    return;
  }
  if (type.kind === 'struct' && typeWithoutCode(c, e) === type) {
    sink.struct(off, type, compileExpr(c, e), e.pos);
    cur.i++;
    return;
  }
  // Brace elision: the sub-aggregate takes as many of the following items as it needs.
  fillList(c, type, off, items, cur, sink, false);
}

function fillFromExpr(c: FnCtx, type: CType, off: number, e: Expr, sink: Sink): void {
  if (type.kind === 'array' && e.kind === 'string') {
    if (!isCharType(type.of)) {
      c.unit.error(e.pos, 'array of inappropriate type initialized from string constant');
      return;
    }
    const n = type.length ?? e.bytes.length + 1;
    const bytes = new Uint8Array(n);
    bytes.set(e.bytes.subarray(0, n));
    if (e.bytes.length > n) c.unit.warn(e.pos, 'initializer-string for array of \'char\' is too long');
    sink.bytes(off, bytes);
    return;
  }
  const ce = compileExpr(c, e);
  if (type.kind === 'struct') {
    if (ce.type !== type) {
      c.unit.error(e.pos, `invalid initializer`);
      return;
    }
    sink.struct(off, type, ce, e.pos);
    return;
  }
  if (type.kind === 'array') {
    c.unit.error(e.pos, 'invalid initializer');
    return;
  }
  sink.scalar(off, type, ce, e.pos);
}
