// The parser's state: the token cursor, diagnostics with gcc's wording and positions, gcc's error
// recovery (skip to a token at the right nesting depth), the scope chain and the nesting guard.
import type { Diagnostic, Severity } from './diagnostics';
import { diagnostic } from './diagnostics';
import type { SourcePos, Token } from './token';
import { Scope } from './parse-scope';
import type { Ordinary } from './parse-scope';
import { differentKind } from './parse-scope';
import { pointerTo, T } from './types';
import { decodeChar } from './parse-literals';

/** Thrown when nesting exceeds MAX_DEPTH; parse() stops there instead of overflowing the host stack. */
export class NestingTooDeep extends Error {}

/** Generous for real programs, small enough that the recursive descent stays far from the stack limit. */
const MAX_DEPTH = 400;

// Missing tokens that gcc reports right after the previous token (where the fix-it would insert them).
const INSERTED_AFTER_PREVIOUS = new Set([';', ')', ']', ',', ':']);

export const posOf = (t: SourcePos): SourcePos => ({ file: t.file, line: t.line, col: t.col });

export class ParserState {
  i = 0;
  readonly diagnostics: Diagnostic[] = [];
  /** gcc's parser->error: set by a syntax error, cleared by recovery; further syntax errors stay silent meanwhile. */
  error = false;
  depth = 0;
  scope: Scope;
  /** Set while parsing a function body: statement expressions, VLAs and labels need it. */
  inFunction = false;
  /**
   * Function definitions met inside a function body. gcc accepts them (a GNU extension) and a missing
   * '}' makes every later function one, so they are reported only once the outer body closes properly.
   */
  nestedFunctions: { name: string; pos: SourcePos }[] = [];
  /** A block ran into the end of input (already reported as such). */
  reachedEofInBlock = false;
  readonly eofPos: SourcePos;
  private readonly tokens: Token[];

  constructor(tokens: Token[]) {
    const last = tokens[tokens.length - 1];
    this.tokens = last && last.kind === 'eof' ? tokens : [...tokens, { kind: 'eof', text: '', file: last?.file ?? '', line: last?.line ?? 1, col: last?.col ?? 1 }];
    this.eofPos = eofPosition(this.tokens);
    this.scope = new Scope(undefined);
    this.scope.names.set('__builtin_va_list', { kind: 'typedef', type: pointerTo(T.void) });
  }

  peek(ahead = 0): Token {
    return this.tokens[Math.min(this.i + ahead, this.tokens.length - 1)]!;
  }
  next(): Token {
    const t = this.peek();
    if (this.i < this.tokens.length - 1) this.i++;
    return t;
  }
  /** The token before the cursor (the cursor's own token at the start). */
  previous(): Token {
    return this.tokens[Math.max(0, this.i - 1)]!;
  }
  atEof(): boolean {
    return this.peek().kind === 'eof';
  }
  is(text: string, ahead = 0): boolean {
    const t = this.peek(ahead);
    return t.text === text && (t.kind === 'punct' || t.kind === 'ident');
  }
  accept(text: string): boolean {
    if (!this.is(text)) return false;
    this.next();
    return true;
  }
  pos(): SourcePos {
    return this.peek().kind === 'eof' ? this.eofPos : posOf(this.peek());
  }

  report(severity: Severity, pos: SourcePos, message: string): void {
    this.diagnostics.push(diagnostic(severity, pos, message));
  }

  /** gcc's c_parser_error: "<expected> before <next token>", once until recovery clears the error state. */
  syntaxError(expected: string, at?: SourcePos): void {
    if (this.error) return;
    this.error = true;
    const t = this.peek();
    const where = t.kind === 'eof' ? 'at end of input' : `before ${describe(t)}`;
    this.report('error', at ?? this.pos(), `${expected} ${where}`);
  }

  /** gcc's c_parser_require: consume `text` or report it missing (after the previous token for closers). */
  require(text: string, expected?: string): boolean {
    if (this.accept(text)) return true;
    // gcc suggests a fix-it only when exactly one token is expected, and then points where it would go.
    const at = !this.error && expected === undefined && INSERTED_AFTER_PREVIOUS.has(text) && this.i > 0 ? afterToken(this.previous()) : undefined;
    this.syntaxError(expected ?? `expected '${text}'`, at);
    return false;
  }

  /** gcc's c_parser_skip_until_found: require `text`, else skip to it (consumed) or to an unmatched closer. */
  skipUntilFound(text: string, expected?: string): void {
    if (this.require(text, expected)) {
      this.error = false;
      return;
    }
    let nesting = 0;
    for (;;) {
      const t = this.peek();
      if (t.kind === 'eof') return;
      if (t.kind === 'punct') {
        if (t.text === text && nesting === 0) { this.next(); break; }
        if (t.text === '(' || t.text === '[' || t.text === '{') nesting++;
        else if ((t.text === ')' || t.text === ']' || t.text === '}') && nesting-- === 0) break;
      }
      this.next();
    }
    this.error = false;
  }

  /** gcc's c_parser_skip_to_end_of_block_or_statement: past a ';' at this depth or past the block that encloses it. */
  skipToEndOfBlockOrStatement(): void {
    let nesting = 0;
    for (;;) {
      const t = this.peek();
      if (t.kind === 'eof') break;
      this.next();
      if (t.kind !== 'punct') continue;
      if (t.text === ';' && nesting === 0) break;
      if (t.text === '}' && (nesting === 0 || --nesting === 0)) break;
      if (t.text === '{') nesting++;
    }
    this.error = false;
  }

  /** gcc's c_parser_skip_to_end_of_parameter: up to a ',' or ';' at this depth, or an unmatched closer. */
  skipToEndOfParameter(): void {
    let nesting = 0;
    for (;;) {
      const t = this.peek();
      if (t.kind === 'eof') break;
      if (t.kind === 'punct') {
        if ((t.text === ',' || t.text === ';') && nesting === 0) break;
        if (t.text === '(' || t.text === '[' || t.text === '{') nesting++;
        else if ((t.text === ')' || t.text === ']' || t.text === '}') && nesting-- === 0) break;
      }
      this.next();
    }
    this.error = false;
  }

  /** Runs `fn` one nesting level deeper; past MAX_DEPTH the whole parse stops with one error. */
  nested<R>(fn: () => R): R {
    if (++this.depth > MAX_DEPTH) {
      this.report('error', this.pos(), 'expression nested too deeply');
      throw new NestingTooDeep();
    }
    try {
      return fn();
    } finally {
      this.depth--;
    }
  }

  pushScope(): Scope {
    this.scope = new Scope(this.scope);
    return this.scope;
  }
  popScope(): void {
    this.scope = this.scope.parent ?? this.scope;
  }

  /** Declares an ordinary identifier in the current scope, reporting gcc's clash message. */
  declare(name: string, entry: Ordinary, at: SourcePos): void {
    const old = this.scope.names.get(name);
    if (old && differentKind(old, entry)) this.report('error', at, `'${name}' redeclared as different kind of symbol`);
    else if (old?.kind === 'enumConst') this.report('error', at, `redeclaration of enumerator '${name}'`);
    this.scope.names.set(name, entry);
  }

  isTypedefName(t: Token): boolean {
    return t.kind === 'ident' && this.scope.lookup(t.text)?.kind === 'typedef';
  }
}

/** How gcc names the token an error stands before. */
function describe(t: Token): string {
  switch (t.kind) {
    case 'ident': return `'${t.text}'`;
    case 'number': return 'numeric constant';
    case 'string': return 'string constant';
    case 'char': {
      const c = decodeChar(t.text);
      if (!c.ok) return 'character constant';
      const byte = Number(c.value & 0xffn);
      return byte > 32 && byte < 127 ? `'${String.fromCharCode(byte)}'` : `'\\x${byte.toString(16)}'`;
    }
    default: return `'${t.text}' token`;
  }
}

function afterToken(t: Token): SourcePos {
  return { file: t.file, line: t.line, col: t.col + t.text.length };
}

/** gcc places "at end of input" errors at the first token of the last line that has tokens. */
function eofPosition(tokens: Token[]): SourcePos {
  let k = tokens.length - 2;
  if (k < 0) return posOf(tokens[tokens.length - 1]!);
  const last = tokens[k]!;
  while (k > 0 && tokens[k - 1]!.line === last.line && tokens[k - 1]!.file === last.file) k--;
  return posOf(tokens[k]!);
}
