// Declarators (pointers, arrays, functions, nesting in parentheses), parameter lists, type names for
// casts and sizeof, and initializers.
import type { Designator, Expr, Initializer } from './ast';
import type { SourcePos } from './token';
import type { CType, Param } from './types';
import { arrayOf, pointerTo, typeName } from './types';
import type { Scope } from './parse-scope';
import type { ParserState } from './parse-state';
import { posOf } from './parse-state';
import { IGNORED_SPECIFIERS, KEYWORDS } from './parse-keywords';
import { foldInt } from './parse-consteval';
import { parseAssignExpr, parseCondExpr } from './parse-expr';
import { looksLikeUnknownTypeName, parseDeclSpecs, skipAttributes, startsDeclSpecs } from './parse-specifiers';

export interface ParamList {
  params: Param[];
  /** Where each parameter was named (or its type started, when unnamed). */
  positions: SourcePos[];
  variadic: boolean;
  unprototyped: boolean;
  /** The scope holding the parameters, re-entered when this declarator heads a function definition. */
  scope: Scope;
}

/** One step from the declared name toward the base type: "x is a pointer to …", "an array of …". */
export type Derivation =
  | { kind: 'pointer' }
  | { kind: 'array'; length: number | undefined; vla?: Expr }
  | { kind: 'function'; params: ParamList };

export interface Declarator {
  name: string | undefined;
  namePos: SourcePos;
  /** derivations[0] applies to the name itself; the last one applies to the base type. */
  derivations: Derivation[];
}

/** 'named' needs an identifier, 'abstract' forbids one (type names), 'either' is for parameters. */
export type DeclaratorKind = 'named' | 'abstract' | 'either';

export function parseDeclarator(p: ParserState, kind: DeclaratorKind): Declarator {
  return p.nested(() => {
    const pointers: Derivation[] = [];
    while (p.accept('*')) {
      pointers.push({ kind: 'pointer' });
      while (p.peek().kind === 'ident' && IGNORED_SPECIFIERS.has(p.peek().text)) p.next();
      skipAttributes(p);
    }
    let inner: Declarator | undefined;
    const namePos = p.pos();
    const t = p.peek();
    if (kind !== 'abstract' && t.kind === 'ident' && !KEYWORDS.has(t.text)) {
      p.next();
      inner = { name: t.text, namePos: posOf(t), derivations: [] };
    } else if (p.is('(') && startsNestedDeclarator(p, kind)) {
      p.next();
      skipAttributes(p);
      inner = parseDeclarator(p, kind);
      p.skipUntilFound(')');
    } else if (kind === 'named') {
      p.syntaxError("expected identifier or '('");
      return { name: undefined, namePos, derivations: [] };
    }
    const suffixes = parseSuffixes(p, inner?.name);
    return {
      name: inner?.name,
      namePos: inner?.namePos ?? namePos,
      derivations: [...(inner?.derivations ?? []), ...suffixes, ...pointers.reverse()],
    };
  });
}

/** After '(', a nested declarator starts unless the parenthesis opens a parameter list. */
function startsNestedDeclarator(p: ParserState, kind: DeclaratorKind): boolean {
  if (kind === 'named') return true;
  const t = p.peek(1);
  if (t.kind === 'punct') return t.text === '*' || t.text === '(' || t.text === '[';
  if (t.kind !== 'ident') return false;
  if (t.text === '__attribute__' || t.text === '__attribute') return true;
  return kind === 'either' && !KEYWORDS.has(t.text) && !p.isTypedefName(t) && !looksLikeUnknownTypeName(p, false, 1);
}

function parseSuffixes(p: ParserState, name: string | undefined): Derivation[] {
  const out: Derivation[] = [];
  for (;;) {
    if (p.accept('[')) {
      out.push(parseArraySuffix(p, name));
    } else if (p.is('(')) {
      p.next();
      out.push({ kind: 'function', params: parseParams(p) });
    } else {
      return out;
    }
  }
}

function parseArraySuffix(p: ParserState, name: string | undefined): Derivation {
  while ((p.peek().kind === 'ident' && IGNORED_SPECIFIERS.has(p.peek().text)) || p.is('static')) p.next();
  if (p.is(']')) {
    p.next();
    return { kind: 'array', length: undefined };
  }
  const sizeExpr = parseAssignExpr(p);
  p.skipUntilFound(']');
  const size = foldInt(sizeExpr, p.scope, (t, at) => p.report('error', at.pos, `invalid application of 'sizeof' to incomplete type '${typeName(t)}'`));
  if (!size) return { kind: 'array', length: undefined, vla: sizeExpr };
  if (size.value < 0n || (size.type.kind === 'int' && size.type.signed && BigInt.asIntN(64, size.value) < 0n)) {
    p.report('error', sizeExpr.pos, name ? `size of array '${name}' is negative` : 'size of unnamed array is negative');
    return { kind: 'array', length: 1 };
  }
  return { kind: 'array', length: Number(size.value) };
}

/** Parses a parameter list after its '(' up to and including ')'. Parameters live in a scope of their own. */
function parseParams(p: ParserState): ParamList {
  const scope = p.pushScope();
  const list: ParamList = { params: [], positions: [], variadic: false, unprototyped: false, scope };
  try {
    if (p.accept(')')) {
      list.unprototyped = true;
      return list;
    }
    if (p.is('void') && p.is(')', 1)) {
      p.next();
      p.next();
      return list;
    }
    for (;;) {
      if (p.accept('...')) { list.variadic = true; break; }
      if (!startsDeclSpecs(p) && !looksLikeUnknownTypeName(p, true)) {
        p.syntaxError("expected declaration specifiers or '...'");
        p.skipToEndOfParameter();
      } else {
        parseParam(p, list);
      }
      if (!p.accept(',')) break;
    }
    p.skipUntilFound(')', list.variadic ? "expected ')'" : "expected ';', ',' or ')'");
    return list;
  } finally {
    p.popScope();
  }
}

function parseParam(p: ParserState, list: ParamList): void {
  const specs = parseDeclSpecs(p, true);
  const d = parseDeclarator(p, 'either');
  skipAttributes(p);
  let type = typeOfDeclarator(p, d, specs.type, 'param');
  // C adjusts array and function parameters to pointers (C11 6.7.6.3).
  if (type.kind === 'array') type = pointerTo(type.of);
  else if (type.kind === 'function') type = pointerTo(type);
  if (type.kind === 'void' && d.name === undefined) p.report('error', specs.pos, "'void' must be the only parameter");
  list.params.push({ name: d.name, type });
  list.positions.push(d.name !== undefined ? d.namePos : specs.pos);
  if (d.name !== undefined) p.declare(d.name, { kind: 'var', type }, d.namePos);
}

export type DeclaratorContext = 'file' | 'block' | 'param' | 'member' | 'typeName';

/**
 * Applies a declarator to its base type. A variable-length array is allowed only as the outermost
 * array of a block-scope object (its length is then `vlaLength` of the VarDecl) or of a parameter,
 * which decays to a pointer anyway.
 */
export function typeOfDeclarator(p: ParserState, d: Declarator, base: CType, ctx: DeclaratorContext): CType {
  let t = base;
  for (let k = d.derivations.length - 1; k >= 0; k--) {
    const dv = d.derivations[k]!;
    if (dv.kind === 'pointer') {
      t = pointerTo(t);
    } else if (dv.kind === 'array') {
      if (dv.vla && !(k === 0 && (ctx === 'block' || ctx === 'param'))) reportVla(p, d, ctx, dv.vla);
      t = arrayOf(t, dv.length);
    } else {
      const { params, variadic, unprototyped } = dv.params;
      t = { kind: 'function', ret: t, params, variadic, unprototyped };
    }
  }
  return t;
}

function reportVla(p: ParserState, d: Declarator, ctx: DeclaratorContext, at: Expr): void {
  const name = d.name ?? '<anonymous>';
  if (ctx === 'file') p.report('error', d.namePos, `variably modified '${name}' at file scope`);
  else if (ctx === 'member') p.report('error', d.namePos, 'a member of a structure or union cannot have a variably modified type');
  else p.report('error', at.pos, 'array size is not an integer constant here');
}

/** A derivation[0] VLA's length expression, for VarDecl.vlaLength. */
export function vlaLengthOf(d: Declarator): Expr | undefined {
  const first = d.derivations[0];
  return first?.kind === 'array' ? first.vla : undefined;
}

export function startsTypeName(p: ParserState, ahead = 0): boolean {
  const t = p.peek(ahead);
  return startsDeclSpecs(p, ahead) && !(t.text === 'typedef' || t.text === 'static' || t.text === 'extern' || t.text === 'auto' || t.text === 'register');
}

/** A type name as in casts, sizeof and compound literals: specifiers plus an abstract declarator. */
export function parseTypeName(p: ParserState): CType {
  const specs = parseDeclSpecs(p);
  if (!specs.hasType) p.syntaxError('expected specifier-qualifier-list');
  const d = parseDeclarator(p, 'abstract');
  return typeOfDeclarator(p, d, specs.type, 'typeName');
}

/** `= expr` or a braced list with designators, after the '='. */
export function parseInitializer(p: ParserState): Initializer {
  const pos = p.pos();
  if (!p.is('{')) return { kind: 'expr', expr: parseAssignExpr(p), pos };
  p.next();
  return p.nested(() => {
    const items: { designators: Designator[]; init: Initializer }[] = [];
    while (!p.is('}') && !p.atEof()) {
      const start = p.i;
      const designators = parseDesignators(p);
      if (designators.length > 0) p.require('=');
      items.push({ designators, init: parseInitializer(p) });
      if (!p.accept(',') || p.i === start) break;
    }
    p.skipUntilFound('}');
    return { kind: 'list', items, pos };
  });
}

function parseDesignators(p: ParserState): Designator[] {
  const out: Designator[] = [];
  for (;;) {
    const pos = p.pos();
    if (p.accept('.')) {
      const t = p.peek();
      if (t.kind !== 'ident') { p.syntaxError('expected identifier'); return out; }
      p.next();
      out.push({ kind: 'field', name: t.text, pos });
    } else if (p.accept('[')) {
      const index = parseCondExpr(p);
      if (p.is('...')) p.report('error', p.pos(), 'ranges in array designators are not supported');
      p.skipUntilFound(']');
      const c = foldInt(index, p.scope);
      out.push({ kind: 'index', index: c ? { kind: 'int', value: c.value, type: c.type, pos: index.pos } : index, pos });
    } else {
      return out;
    }
  }
}
