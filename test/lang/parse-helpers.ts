// Shared by the parser tests: source text in, the parser's result out (through the real lexer;
// the preprocessor is not involved, so tests spell out what macros would produce).
import { lex } from '../../debug-adapter/engine/lang/lexer';
import { parse } from '../../debug-adapter/engine/lang/parser';
import { typeName, type CType } from '../../debug-adapter/engine/lang/types';
import type { Diagnostic } from '../../debug-adapter/engine/lang/diagnostics';
import type { Block, Expr, FunctionDef, Stmt, VarDecl } from '../../debug-adapter/engine/lang/ast';

export function parseSource(src: string) {
  return parse(lex(src, 't.c').tokens);
}

/** Diagnostics as gcc prints their first line: "t.c:1:2: error: message". */
export function messages(src: string): string[] {
  return parseSource(src).diagnostics.map(show);
}
export const show = (d: Diagnostic): string => `${d.file}:${d.line}:${d.col}: ${d.severity}: ${d.message}`;

/** Parses a program that must have no diagnostics at all. */
export function parseClean(src: string) {
  const r = parseSource(src);
  if (r.diagnostics.length > 0) throw new Error(r.diagnostics.map(show).join('\n'));
  return r.unit;
}

export function globalVar(src: string, name: string): VarDecl {
  const d = parseClean(src).decls.find((x) => x.name === name);
  if (!d || d.kind !== 'var') throw new Error(`no variable ${name}`);
  return d;
}

export function functionDef(src: string, name: string): FunctionDef {
  const d = parseClean(src).decls.find((x) => x.name === name && x.kind === 'function');
  if (!d || d.kind !== 'function') throw new Error(`no function ${name}`);
  return d;
}

/** The expression of `int probe = <expr>;` at file scope, after the given declarations. */
export function exprOf(expr: string, prelude = ''): Expr {
  const v = globalVar(`${prelude}\nint probe = ${expr};`, 'probe');
  if (v.init?.kind !== 'expr') throw new Error('no initializer');
  return v.init.expr;
}

/** The statements of `void f(void) { <body> }`. */
export function bodyOf(body: string, prelude = ''): Stmt[] {
  return functionDef(`${prelude}\nvoid f(void) {\n${body}\n}`, 'f').body.items;
}

/** Removes positions and spells types as C does, so tree shapes can be compared. */
export function strip(node: unknown): unknown {
  if (node === undefined) return undefined;
  return JSON.parse(JSON.stringify(node, (k, v) => {
    if (k === 'pos' || k === 'endPos') return undefined;
    if ((k === 'type' || k === 'to' || k === 'of') && v && typeof v === 'object' && 'kind' in v) return typeName(v as CType);
    return typeof v === 'bigint' ? `${v}n` : v;
  }));
}

export type { Block };
