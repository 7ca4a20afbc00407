// The C parser: preprocessed tokens in, a syntax tree with resolved declaration types out.
// Syntax errors are reported with gcc's wording and positions; parsing recovers after each one,
// and never throws.
import type { TopLevel, TranslationUnit } from './ast';
import type { Diagnostic } from './diagnostics';
import type { Token } from './token';
import { NestingTooDeep, ParserState } from './parse-state';
import { parseDeclaration, parseStaticAssert } from './parse-declaration';

export function parse(tokens: Token[]): { unit: TranslationUnit; diagnostics: Diagnostic[] } {
  const p = new ParserState(tokens);
  const decls: TopLevel[] = [];
  try {
    while (!p.atEof()) {
      const start = p.i;
      parseExternalDeclaration(p, decls);
      if (p.i === start) p.next();
    }
  } catch (e) {
    // NestingTooDeep has been reported already; anything else is a parser bug, reported rather than thrown.
    if (!(e instanceof NestingTooDeep)) p.report('error', p.pos(), `internal parser error: ${e instanceof Error ? e.message : String(e)}`);
  }
  return { unit: { decls }, diagnostics: p.diagnostics };
}

function parseExternalDeclaration(p: ParserState, out: TopLevel[]): void {
  p.error = false;
  if (p.accept(';')) return; // an extra ';' at file scope: gcc is silent unless -pedantic
  if (p.is('_Static_assert')) {
    parseStaticAssert(p);
    return;
  }
  const t = p.peek();
  if (t.kind !== 'ident') {
    p.syntaxError("expected identifier or '('");
    p.skipToEndOfBlockOrStatement();
    return;
  }
  // An identifier that starts no declaration is C90's implicit int: `main() { … }`, `x = 5;`.
  out.push(...parseDeclaration(p, 'file'));
}
