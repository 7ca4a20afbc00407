// Expressions, by precedence climbing for the binary operators so that recursion grows with
// parentheses and unary operators only (both guarded by the nesting limit).
import type { AssignOp, BinaryOp, Expr } from './ast';
import type { Token } from './token';
import type { CType } from './types';
import { arrayOf, isComplete, T, typeName } from './types';
import type { ParserState } from './parse-state';
import { posOf } from './parse-state';
import { KEYWORDS } from './parse-keywords';
import { decodeChar, decodeFloat, decodeInteger, decodeString, isFloatingLiteral } from './parse-literals';
import { typeOfExpr } from './parse-consteval';
import { parseInitializer, parseTypeName, startsTypeName } from './parse-declarator';
import { parseCompoundStatement } from './parse-stmt';

const BINARY_PRECEDENCE: Partial<Record<string, number>> = {
  '||': 1, '&&': 2, '|': 3, '^': 4, '&': 5, '==': 6, '!=': 6, '<': 7, '>': 7, '<=': 7, '>=': 7,
  '<<': 8, '>>': 8, '+': 9, '-': 9, '*': 10, '/': 10, '%': 10,
};
const ASSIGN_OPS = new Set(['=', '*=', '/=', '%=', '+=', '-=', '<<=', '>>=', '&=', '^=', '|=']);
const ALIGNOF_KEYWORDS = new Set(['_Alignof', '__alignof__', '__alignof']);

/** Stands in for an expression that failed to parse; the error has been reported. */
const errorExpr = (p: ParserState): Expr => ({ kind: 'int', value: 0n, type: T.int, pos: p.pos() });

export function parseExpr(p: ParserState): Expr {
  let e = parseAssignExpr(p);
  while (p.is(',')) {
    const pos = p.pos();
    p.next();
    e = { kind: 'binary', op: ',', left: e, right: parseAssignExpr(p), pos };
  }
  return e;
}

export function parseAssignExpr(p: ParserState): Expr {
  const target = parseCondExpr(p);
  const t = p.peek();
  if (t.kind !== 'punct' || !ASSIGN_OPS.has(t.text)) return target;
  p.next();
  const value = p.nested(() => parseAssignExpr(p));
  return { kind: 'assign', op: t.text as AssignOp, target, value, pos: posOf(t) };
}

export function parseCondExpr(p: ParserState): Expr {
  const test = parseBinary(p, 1);
  if (!p.is('?')) return test;
  p.next();
  return p.nested(() => {
    const then = parseExpr(p);
    if (!p.require(':')) return test;
    return { kind: 'cond', test, then, else: parseCondExpr(p), pos: test.pos };
  });
}

function parseBinary(p: ParserState, minPrec: number): Expr {
  let left = parseCastExpr(p);
  for (;;) {
    const t = p.peek();
    const prec = t.kind === 'punct' ? BINARY_PRECEDENCE[t.text] : undefined;
    if (prec === undefined || prec < minPrec) return left;
    p.next();
    const right = parseBinary(p, prec + 1);
    left = { kind: 'binary', op: t.text as BinaryOp, left, right, pos: posOf(t) };
  }
}

export function parseCastExpr(p: ParserState): Expr {
  if (!(p.is('(') && startsTypeName(p, 1))) return parseUnary(p);
  const pos = p.pos();
  p.next();
  return p.nested(() => {
    const to = parseTypeName(p);
    p.skipUntilFound(')');
    if (p.is('{')) return parsePostfix(p, compoundLiteral(p, to, pos));
    return { kind: 'cast', to, operand: parseCastExpr(p), pos };
  });
}

function compoundLiteral(p: ParserState, of: CType, pos: Expr['pos']): Expr {
  return { kind: 'compoundLiteral', of, init: parseInitializer(p), pos };
}

function parseUnary(p: ParserState): Expr {
  const t = p.peek();
  const pos = p.pos();
  if (t.kind === 'punct') {
    switch (t.text) {
      case '++': case '--':
        p.next();
        return { kind: 'unary', op: t.text === '++' ? 'pre++' : 'pre--', operand: p.nested(() => parseUnary(p)), pos };
      case '&': case '*': case '+': case '-': case '~': case '!':
        p.next();
        return { kind: 'unary', op: t.text, operand: p.nested(() => parseCastExpr(p)), pos };
      case '&&':
        p.next();
        p.report('error', pos, 'taking the address of a label is not supported');
        return errorExpr(p);
    }
  } else if (t.kind === 'ident') {
    if (t.text === 'sizeof') return parseSizeof(p);
    if (ALIGNOF_KEYWORDS.has(t.text)) return parseAlignof(p);
    if (t.text === '__extension__') {
      p.next();
      return p.nested(() => parseCastExpr(p));
    }
  }
  return parsePostfix(p, parsePrimary(p));
}

function parseSizeof(p: ParserState): Expr {
  const pos = p.pos();
  p.next();
  return p.nested((): Expr => {
    if (p.is('(') && startsTypeName(p, 1)) {
      const lparen = p.pos();
      p.next();
      const typePos = p.pos();
      const of = parseTypeName(p);
      p.skipUntilFound(')');
      if (p.is('{')) return { kind: 'sizeofExpr', operand: parsePostfix(p, compoundLiteral(p, of, lparen)), pos };
      if (!isComplete(of) && of.kind !== 'void' && of.kind !== 'function') {
        p.report('error', typePos, `invalid application of 'sizeof' to incomplete type '${typeName(of)}'`);
      }
      return { kind: 'sizeofType', of, pos };
    }
    return { kind: 'sizeofExpr', operand: parseUnary(p), pos };
  });
}

function parseAlignof(p: ParserState): Expr {
  const pos = p.pos();
  p.next();
  return p.nested((): Expr => {
    if (p.is('(') && startsTypeName(p, 1)) {
      p.next();
      const of = parseTypeName(p);
      p.skipUntilFound(')');
      return { kind: 'alignofType', of, pos };
    }
    const operand = parseUnary(p);
    const of = typeOfExpr(operand, p.scope);
    if (!of && !p.error) p.report('error', operand.pos, '_Alignof of this expression is not supported');
    return { kind: 'alignofType', of: of ?? T.int, pos };
  });
}

function parsePostfix(p: ParserState, e: Expr): Expr {
  for (;;) {
    const t = p.peek();
    if (t.kind !== 'punct') return e;
    switch (t.text) {
      case '[': {
        p.next();
        const index = p.nested(() => parseExpr(p));
        p.skipUntilFound(']');
        e = { kind: 'index', base: e, index, pos: e.pos };
        break;
      }
      case '(': {
        p.next();
        const args = p.nested(() => parseArgs(p));
        p.skipUntilFound(')');
        e = { kind: 'call', callee: e, args, pos: e.pos };
        break;
      }
      case '.': case '->': {
        p.next();
        const name = p.peek();
        if (name.kind !== 'ident') {
          p.syntaxError('expected identifier');
          return e;
        }
        p.next();
        e = { kind: 'member', object: e, name: name.text, arrow: t.text === '->', pos: e.pos };
        break;
      }
      case '++': case '--':
        p.next();
        e = { kind: 'unary', op: t.text === '++' ? 'post++' : 'post--', operand: e, pos: e.pos };
        break;
      default:
        return e;
    }
  }
}

function parseArgs(p: ParserState): Expr[] {
  const args: Expr[] = [];
  if (p.is(')')) return args;
  for (;;) {
    args.push(parseAssignExpr(p));
    if (!p.accept(',')) return args;
  }
}

function parsePrimary(p: ParserState): Expr {
  const t = p.peek();
  const pos = p.pos();
  switch (t.kind) {
    case 'number': p.next(); return numberLiteral(p, t);
    case 'char': {
      p.next();
      const c = decodeChar(t.text);
      if (!c.ok) { p.report('error', pos, c.message); return errorExpr(p); }
      if (c.warning) p.report('warning', pos, c.warning);
      return { kind: 'int', value: c.value, type: T.int, pos };
    }
    case 'string': return stringLiteral(p);
    case 'ident': return identifierExpr(p, t);
    case 'punct':
      if (t.text === '(') {
        p.next();
        if (p.is('{')) return statementExpr(p, pos);
        const inner = p.nested(() => parseExpr(p));
        p.skipUntilFound(')');
        return inner;
      }
  }
  p.syntaxError('expected expression');
  return errorExpr(p);
}

function numberLiteral(p: ParserState, t: Token): Expr {
  const pos = posOf(t);
  if (isFloatingLiteral(t.text)) {
    const f = decodeFloat(t.text);
    if (!f.ok) { p.report('error', pos, f.message); return { kind: 'float', value: 0, type: T.double, pos }; }
    return { kind: 'float', value: f.value.value, type: f.value.type, pos };
  }
  const n = decodeInteger(t.text);
  if (!n.ok) { p.report('error', pos, n.message); return { kind: 'int', value: 0n, type: T.int, pos }; }
  if (n.warning) p.report('warning', pos, n.warning);
  return { kind: 'int', value: n.value.value, type: n.value.type, pos };
}

/** Adjacent string literals are one literal (C11 5.1.1.2 phase 6). */
function stringLiteral(p: ParserState): Expr {
  const pos = p.pos();
  const bytes: number[] = [];
  while (p.peek().kind === 'string') {
    const t = p.next();
    const s = decodeString(t.text);
    if (!s.ok) { p.report('error', posOf(t), s.message); continue; }
    if (s.warning) p.report('warning', posOf(t), s.warning);
    for (const b of s.value) bytes.push(b);
  }
  return { kind: 'string', bytes: Uint8Array.from(bytes), type: arrayOf(T.char, bytes.length + 1), pos };
}

function identifierExpr(p: ParserState, t: Token): Expr {
  const pos = posOf(t);
  if (t.text === '__builtin_offsetof') return parseOffsetof(p);
  if (t.text === '__builtin_va_arg') return parseVaArg(p);
  if (KEYWORDS.has(t.text) || p.isTypedefName(t)) {
    p.syntaxError('expected expression');
    return errorExpr(p);
  }
  p.next();
  const entry = p.scope.lookup(t.text);
  if (entry?.kind === 'enumConst') return { kind: 'int', value: entry.value, type: T.int, pos };
  return { kind: 'ident', name: t.text, pos };
}

/** __builtin_offsetof(type, a.b.c): the member path is kept as names. */
function parseOffsetof(p: ParserState): Expr {
  const pos = p.pos();
  p.next();
  if (!p.require('(')) return errorExpr(p);
  const of = parseTypeName(p);
  const member: string[] = [];
  if (p.require(',')) {
    do {
      const name = p.peek();
      if (name.kind !== 'ident') { p.syntaxError('expected identifier'); break; }
      p.next();
      member.push(name.text);
    } while (p.accept('.'));
    if (p.is('[')) p.report('error', p.pos(), 'array indexes in offsetof are not supported');
  }
  p.skipUntilFound(')');
  return { kind: 'offsetof', of, member, pos };
}

function parseVaArg(p: ParserState): Expr {
  const pos = p.pos();
  p.next();
  if (!p.require('(')) return errorExpr(p);
  const ap = parseAssignExpr(p);
  const of = p.require(',') ? parseTypeName(p) : T.int;
  p.skipUntilFound(')');
  return { kind: 'vaArg', ap, of, pos };
}

/** GNU ({ … }): after its '('. */
function statementExpr(p: ParserState, pos: Expr['pos']): Expr {
  if (!p.inFunction) p.report('error', pos, 'braced-group within expression allowed only inside a function');
  const body = p.nested(() => parseCompoundStatement(p));
  p.skipUntilFound(')');
  return { kind: 'stmtExpr', body, pos };
}
