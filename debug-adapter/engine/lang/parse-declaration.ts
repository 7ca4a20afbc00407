// Declarations at file and block scope (gcc's c_parser_declaration_or_fndef), function definitions,
// and _Static_assert.
import type { FunctionDef, Initializer, Storage, TopLevel, VarDecl } from './ast';
import type { FunctionType } from './types';
import { T } from './types';
import type { ParserState } from './parse-state';
import { posOf } from './parse-state';
import { foldInt } from './parse-consteval';
import { parseAssignExpr } from './parse-expr';
import { decodeString } from './parse-literals';
import type { Declarator, ParamList } from './parse-declarator';
import { parseDeclarator, parseInitializer, typeOfDeclarator, vlaLengthOf } from './parse-declarator';
import { looksLikeUnknownTypeName, parseDeclSpecs, skipAttributes, startsDeclSpecs } from './parse-specifiers';
import { parseCompoundStatement } from './parse-stmt';

export function startsDeclaration(p: ParserState): boolean {
  return startsDeclSpecs(p) || looksLikeUnknownTypeName(p, false);
}

/**
 * Parses one declaration, up to its ';' — or a function definition at file scope. Variables are
 * declared in the current scope as soon as their declarator ends, so initializers can see them.
 */
export function parseDeclaration(p: ParserState, where: 'file' | 'block'): (VarDecl | FunctionDef)[] {
  const specs = parseDeclSpecs(p);
  const out: (VarDecl | FunctionDef)[] = [];
  if (p.accept(';')) {
    if (specs.hasType && !specs.declaresTag) p.report('warning', specs.pos, 'useless type name in empty declaration');
    return out;
  }
  for (let first = true; ; first = false) {
    const d = parseDeclarator(p, 'named');
    if (d.name === undefined) {
      p.skipToEndOfBlockOrStatement();
      return out;
    }
    skipAttributes(p);
    const type = typeOfDeclarator(p, d, specs.type, where);
    const headsDefinition = first && type.kind === 'function' && p.is('{');
    if (!specs.hasType) warnImplicitInt(p, d, specs.storage !== undefined, headsDefinition, where);
    if (specs.storage === 'typedef') {
      p.declare(d.name, { kind: 'typedef', type }, d.namePos);
    } else {
      p.declare(d.name, { kind: 'var', type }, d.namePos);
    }
    if (headsDefinition && specs.storage !== 'typedef') {
      const def = parseFunctionDefinition(p, d, type as FunctionType, specs.storage === 'static');
      if (where === 'file') {
        out.push(def);
        if (!p.reachedEofInBlock) for (const f of p.nestedFunctions) p.report('error', f.pos, `nested function '${f.name}' is not supported`);
        p.nestedFunctions = [];
      } else {
        p.nestedFunctions.push({ name: d.name, pos: d.namePos });
      }
      return out;
    }
    let init: Initializer | undefined;
    if (p.accept('=')) init = parseInitializer(p);
    if (specs.storage !== 'typedef') out.push(varDecl(d, type, specs.storage ?? 'auto', init));
    if (p.accept(',')) continue;
    if (p.accept(';')) return out;
    p.syntaxError(init ? "expected ',' or ';'" : "expected '=', ',', ';', 'asm' or '__attribute__'");
    p.skipToEndOfBlockOrStatement();
    return out;
  }
}

function varDecl(d: Declarator, type: VarDecl['type'], storage: Storage, init: Initializer | undefined): VarDecl {
  const decl: VarDecl = { kind: 'var', name: d.name!, type, storage, pos: d.namePos };
  if (init) decl.init = init;
  const vla = vlaLengthOf(d);
  if (vla) decl.vlaLength = vla;
  return decl;
}

/** A declaration inside a function: only variables come out (nested function definitions are refused). */
export function parseLocalDeclaration(p: ParserState): VarDecl[] {
  return parseDeclaration(p, 'block').filter((d): d is VarDecl => d.kind === 'var');
}

/** C90's implicit int, which gcc still accepts with a warning. */
function warnImplicitInt(p: ParserState, d: Declarator, hasStorage: boolean, isDefinition: boolean, where: 'file' | 'block'): void {
  if (isDefinition) {
    p.report('warning', d.namePos, "return type defaults to 'int'");
    return;
  }
  if (where === 'file' && !hasStorage) p.report('warning', d.namePos, 'data definition has no type or storage class');
  p.report('warning', d.namePos, `type defaults to 'int' in declaration of '${d.name}'`);
}

function parseFunctionDefinition(p: ParserState, d: Declarator, type: FunctionType, isStatic: boolean): FunctionDef {
  const params = (d.derivations[0] as { params: ParamList }).params;
  const saved = { scope: p.scope, inFunction: p.inFunction };
  // The body sees the parameters: re-enter the scope they were declared in.
  p.scope = params.scope;
  p.inFunction = true;
  try {
    const body = parseCompoundStatement(p);
    return {
      kind: 'function',
      name: d.name!,
      type,
      paramNames: params.params.map((q) => q.name),
      paramPos: params.positions,
      isStatic,
      body,
      endPos: body.endPos,
      pos: d.namePos,
    };
  } finally {
    p.scope = saved.scope;
    p.inFunction = saved.inFunction;
  }
}

/** _Static_assert(expr, "message"); checked here when the expression folds. */
export function parseStaticAssert(p: ParserState): void {
  const pos = p.pos();
  p.next();
  if (!p.require('(')) {
    p.skipToEndOfBlockOrStatement();
    return;
  }
  const cond = parseAssignExpr(p);
  let message: string | undefined;
  if (p.accept(',')) {
    const parts: string[] = [];
    while (p.peek().kind === 'string') {
      const s = decodeString(p.next().text);
      if (s.ok) parts.push(new TextDecoder().decode(Uint8Array.from(s.value)));
    }
    if (parts.length === 0) p.syntaxError('expected string literal');
    message = parts.join('');
  }
  p.skipUntilFound(')');
  p.skipUntilFound(';');
  const c = foldInt(cond, p.scope);
  if (!c) p.report('error', cond.pos, 'expression in static assertion is not constant');
  else if (c.value === 0n) p.report('error', pos, message === undefined ? 'static assertion failed' : `static assertion failed: "${message}"`);
}

