// Statements and blocks, with gcc's recovery: a statement that goes wrong is skipped to its ';'
// (or to the '}' that closes its block) and parsing goes on with the next one.
import type { Block, Expr, Stmt } from './ast';
import type { ParserState } from './parse-state';
import { T } from './types';
import { foldInt } from './parse-consteval';
import { parseCondExpr, parseExpr } from './parse-expr';
import { parseLocalDeclaration, parseStaticAssert, startsDeclaration } from './parse-declaration';

/** Parses `{ … }` from its '{', in a scope of its own. */
export function parseCompoundStatement(p: ParserState): Block {
  const pos = p.pos();
  p.require('{');
  p.pushScope();
  try {
    const items: Stmt[] = [];
    for (;;) {
      if (p.is('}')) break;
      if (p.atEof()) {
        p.syntaxError('expected declaration or statement');
        p.reachedEofInBlock = true;
        return { kind: 'block', items, pos, endPos: p.eofPos };
      }
      const start = p.i;
      const item = parseBlockItem(p);
      if (item) items.push(item);
      if (p.i === start) p.next();
    }
    const endPos = p.pos();
    p.next();
    return { kind: 'block', items, pos, endPos };
  } finally {
    p.popScope();
  }
}

function parseBlockItem(p: ParserState): Stmt | undefined {
  p.error = false; // each statement starts afresh, so its own first error is reported
  if (isLabel(p)) return parseStatement(p);
  if (p.is('_Static_assert')) {
    parseStaticAssert(p);
    return undefined;
  }
  if (startsDeclaration(p)) {
    const pos = p.pos();
    return { kind: 'decl', decls: parseLocalDeclaration(p), pos };
  }
  return parseStatement(p);
}

const isLabel = (p: ParserState): boolean => p.peek().kind === 'ident' && p.is(':', 1) && !['default', 'case'].includes(p.peek().text);

export function parseStatement(p: ParserState): Stmt {
  return p.nested(() => parseStatementInner(p));
}

function parseStatementInner(p: ParserState): Stmt {
  const t = p.peek();
  const pos = p.pos();
  if (t.kind === 'punct') {
    if (t.text === '{') return parseCompoundStatement(p);
    if (t.text === ';') { p.next(); return { kind: 'empty', pos }; }
    if (t.text === ')' || t.text === ']') {
      p.syntaxError('expected statement');
      p.next();
      p.error = false;
      return { kind: 'empty', pos };
    }
  }
  if (t.kind === 'ident') {
    if (isLabel(p)) {
      p.next();
      p.next();
      if (p.is('}')) {
        p.report('error', pos, 'label at end of compound statement');
        return { kind: 'label', name: t.text, body: { kind: 'empty', pos }, pos };
      }
      // gcc accepts a declaration after a label (C23 allows it) without a word.
      const body = startsDeclaration(p) ? parseBlockItem(p) ?? { kind: 'empty', pos } : parseStatement(p);
      return { kind: 'label', name: t.text, body, pos };
    }
    switch (t.text) {
      case 'if': return parseIf(p);
      case 'while': {
        p.next();
        const test = parseParenCondition(p);
        return { kind: 'while', test, body: parseStatement(p), pos };
      }
      case 'do': return parseDoWhile(p);
      case 'for': return parseFor(p);
      case 'switch': {
        p.next();
        const test = parseParenCondition(p);
        return { kind: 'switch', test, body: parseStatement(p), pos };
      }
      case 'case': return parseCase(p);
      case 'default':
        p.next();
        p.require(':');
        return { kind: 'default', body: labelledStatement(p, pos), pos };
      case 'break': case 'continue':
        p.next();
        p.skipUntilFound(';');
        return { kind: t.text, pos };
      case 'return': {
        p.next();
        const value = p.is(';') ? undefined : parseExpr(p);
        p.skipUntilFound(';');
        return value ? { kind: 'return', value, pos } : { kind: 'return', pos };
      }
      case 'goto': {
        p.next();
        const label = p.peek();
        if (label.kind === 'ident') p.next();
        else p.syntaxError("expected identifier or '*'");
        p.skipUntilFound(';');
        return { kind: 'goto', label: label.text, pos };
      }
      case 'else':
        p.next();
        p.report('error', pos, "'else' without a previous 'if'");
        return parseStatement(p);
    }
  }
  const expr = parseExpr(p);
  p.skipUntilFound(';');
  return { kind: 'expr', expr, pos };
}

/** A label followed directly by '}' has no statement to label (an error in C17). */
function labelledStatement(p: ParserState, pos: Stmt['pos']): Stmt {
  if (!p.is('}')) return parseStatement(p);
  p.report('error', pos, 'label at end of compound statement');
  return { kind: 'empty', pos };
}

function parseParenCondition(p: ParserState): Expr {
  const pos = p.pos();
  if (!p.require('(')) return { kind: 'int', value: 0n, type: T.int, pos };
  const test = parseExpr(p);
  p.skipUntilFound(')');
  return test;
}

function parseIf(p: ParserState): Stmt {
  const pos = p.pos();
  p.next();
  const test = parseParenCondition(p);
  const then = parseStatement(p);
  if (!p.accept('else')) return { kind: 'if', test, then, pos };
  return { kind: 'if', test, then, else: parseStatement(p), pos };
}

function parseDoWhile(p: ParserState): Stmt {
  const pos = p.pos();
  p.next();
  const body = parseStatement(p);
  if (!p.require('while')) {
    p.skipToEndOfBlockOrStatement();
    return { kind: 'doWhile', body, test: { kind: 'int', value: 0n, type: T.int, pos }, pos };
  }
  const test = parseParenCondition(p);
  p.skipUntilFound(';');
  return { kind: 'doWhile', body, test, pos };
}

function parseFor(p: ParserState): Stmt {
  const pos = p.pos();
  p.next();
  if (!p.require('(')) {
    p.skipToEndOfBlockOrStatement();
    return { kind: 'empty', pos };
  }
  p.pushScope();
  try {
    let init: Stmt | undefined;
    const initPos = p.pos();
    if (p.accept(';')) init = undefined;
    else if (startsDeclaration(p)) init = { kind: 'decl', decls: parseLocalDeclaration(p), pos: initPos };
    else {
      const expr = parseExpr(p);
      p.skipUntilFound(';');
      init = { kind: 'expr', expr, pos: initPos };
    }
    const test = p.is(';') ? undefined : parseExpr(p);
    p.skipUntilFound(';');
    const update = p.is(')') ? undefined : parseExpr(p);
    p.skipUntilFound(')');
    const body = parseStatement(p);
    return { kind: 'for', ...(init ? { init } : {}), ...(test ? { test } : {}), ...(update ? { update } : {}), body, pos };
  } finally {
    p.popScope();
  }
}

/** `case v:` and GNU `case lo ... hi:`; the values are folded to integer constants here. */
function parseCase(p: ParserState): Stmt {
  const pos = p.pos();
  p.next();
  const value = foldCaseValue(p, parseCondExpr(p), pos);
  let high: Expr | undefined;
  if (p.accept('...')) high = foldCaseValue(p, parseCondExpr(p), pos);
  if (!p.require(':', "expected ':' or '...'")) p.error = false;
  const body = labelledStatement(p, pos);
  return high ? { kind: 'case', value, high, body, pos } : { kind: 'case', value, body, pos };
}

function foldCaseValue(p: ParserState, e: Expr, casePos: Stmt['pos']): Expr {
  const c = foldInt(e, p.scope);
  if (c) return { kind: 'int', value: c.value, type: c.type, pos: e.pos };
  if (!p.error) p.report('error', casePos, 'case label does not reduce to an integer constant');
  return e;
}

