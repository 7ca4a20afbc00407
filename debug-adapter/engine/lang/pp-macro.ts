// Macro definitions (#define) and their expansion (C11 6.10.3), following Prosser's algorithm: every
// token carries the set of macro names it came out of (its hideset), so a macro is never expanded
// again inside its own replacement and self-referential macros stop.
import { diagnostic, type Diagnostic } from './diagnostics';
import { lex } from './lexer';
import type { SourcePos, Token } from './token';

export interface Macro {
  name: string;
  /** Parameter names, the variadic one last (`__VA_ARGS__`, or `args` for GNU `args...`); undefined for object-like macros. */
  params?: string[];
  variadic: boolean;
  /** Parameter name → position in `params`. */
  paramIndex: ReadonlyMap<string, number>;
  body: Token[];
  /** Where the name was written in the #define. */
  pos: SourcePos;
}

/** Where the expander reads tokens from. At its end it returns an 'eof' token, without consuming it. */
export interface TokenSource {
  next(): Token;
  peek(): Token;
  /** Makes `tokens` the next ones read (the result of one expansion, to be rescanned). */
  pushFront(tokens: Token[]): void;
}

/** A token list with room for expansions in front of it; used for macro arguments and directive lines. */
export class ListSource implements TokenSource {
  private readonly frames: { tokens: Token[]; pos: number }[];

  constructor(tokens: Token[], private readonly end: Token) {
    this.frames = [{ tokens, pos: 0 }];
  }

  peek(): Token {
    for (let i = this.frames.length - 1; i >= 0; i--) {
      const f = this.frames[i];
      if (f.pos < f.tokens.length) return f.tokens[f.pos];
      if (i > 0) this.frames.pop();
    }
    return this.end;
  }

  next(): Token {
    const t = this.peek();
    if (t !== this.end) this.frames[this.frames.length - 1].pos++;
    return t;
  }

  pushFront(tokens: Token[]): void {
    this.frames.push({ tokens, pos: 0 });
  }
}

/** Two definitions are the same when parameters, spelling and white-space separation all match (C11 6.10.3p2). */
export function sameDefinition(a: Macro, b: Macro): boolean {
  if (a.variadic !== b.variadic || (a.params === undefined) !== (b.params === undefined)) return false;
  if (a.params && b.params && a.params.join(',') !== b.params.join(',')) return false;
  if (a.body.length !== b.body.length) return false;
  return a.body.every(
    (t, i) => t.text === b.body[i].text && (i === 0 || !!t.spaceBefore === !!b.body[i].spaceBefore),
  );
}

// Markers used while substituting: an empty argument next to ## (C11 6.10.3.3p2) and the ## operator
// itself (a `##` token coming out of an argument is not an operator).
const PLACEMARKER: Token = { kind: 'punct', text: '', file: '', line: 0, col: 0 };
const PASTE: Token = { kind: 'punct', text: '##', file: '', line: 0, col: 0 };

function union(a: ReadonlySet<string> | undefined, b: ReadonlySet<string>): ReadonlySet<string> {
  if (!a || a.size === 0) return b;
  const out = new Set(a);
  for (const name of b) out.add(name);
  return out;
}

/**
 * Hidesets are immutable and few distinct ones occur, so `hideset ∪ {name}` is interned: repeated
 * invocations share one Set instead of allocating one per token.
 */
class HidesetInterner {
  private readonly singletons = new Map<string, ReadonlySet<string>>();
  private readonly withName = new WeakMap<ReadonlySet<string>, Map<string, ReadonlySet<string>>>();

  add(hideset: ReadonlySet<string> | undefined, name: string): ReadonlySet<string> {
    if (!hideset || hideset.size === 0) {
      let single = this.singletons.get(name);
      if (!single) this.singletons.set(name, (single = new Set([name])));
      return single;
    }
    if (hideset.has(name)) return hideset;
    let byName = this.withName.get(hideset);
    if (!byName) this.withName.set(hideset, (byName = new Map()));
    let set = byName.get(name);
    if (!set) byName.set(name, (set = new Set([...hideset, name])));
    return set;
  }

  /** (a ∩ b) ∪ {name}, the hideset of a function-like invocation. */
  intersectAdd(a: ReadonlySet<string> | undefined, b: ReadonlySet<string> | undefined, name: string): ReadonlySet<string> {
    if (a === b) return this.add(a, name);
    let common: Set<string> | undefined;
    if (a && b) for (const n of a) if (b.has(n)) (common ??= new Set()).add(n);
    return this.add(common, name);
  }
}

function isPunct(t: Token | undefined, text: string): boolean {
  return t !== undefined && t.kind === 'punct' && t.text === text;
}

/** C11 6.10.3.2: spelling of the argument, white space collapsed to one blank, `"` and `\` escaped in literals. */
function stringify(arg: readonly Token[], pos: SourcePos): Token {
  let text = '';
  arg.forEach((t, i) => {
    if (i > 0 && (t.spaceBefore || t.lineStart)) text += ' ';
    text += t.kind === 'string' || t.kind === 'char' ? t.text.replace(/[\\"]/g, '\\$&') : t.text;
  });
  return { kind: 'string', text: `"${text}"`, file: pos.file, line: pos.line, col: pos.col, spaceBefore: false, lineStart: false, hideset: undefined };
}

/** A copy of `t` placed at `at`, with every field set in one order (one object shape keeps this fast). */
function placedCopy(t: Token, at: SourcePos, hideset: ReadonlySet<string> | undefined): Token {
  return {
    kind: t.kind, text: t.text, file: at.file, line: at.line, col: at.col,
    spaceBefore: t.spaceBefore === true, lineStart: false, hideset,
  };
}

/** Callbacks for the macros whose value depends on where they are used (__LINE__, __FILE__ …). */
export type BuiltinMacro = (tok: Token) => Token;

interface Invocation {
  args: Token[][];
  rparen: Token;
}

export class MacroExpander {
  private readonly hidesets = new HidesetInterner();

  constructor(
    readonly macros: Map<string, Macro>,
    private readonly builtins: ReadonlyMap<string, BuiltinMacro>,
    private readonly diagnostics: Diagnostic[],
  ) {}

  /** Reads from `src` until a token that is not a macro invocation comes out, and returns it. */
  expandNext(src: TokenSource): Token {
    for (;;) {
      const tok = src.next();
      if (tok.kind !== 'ident' || tok.hideset?.has(tok.text)) return tok;
      const builtin = this.builtins.get(tok.text);
      if (builtin) return builtin(tok);
      const macro = this.macros.get(tok.text);
      if (!macro) return tok;
      if (!macro.params) {
        src.pushFront(this.substitute(macro, tok, [], this.hidesets.add(tok.hideset, macro.name)));
        continue;
      }
      // A function-like macro's name not followed by `(` is an ordinary identifier.
      if (!isPunct(src.peek(), '(')) return tok;
      src.next();
      const call = this.collectArguments(src, macro);
      if (!call) continue;
      const hideset = this.hidesets.intersectAdd(tok.hideset, call.rparen.hideset, macro.name);
      src.pushFront(this.substitute(macro, tok, call.args, hideset));
    }
  }

  /** Fully macro-expands a token list on its own, as arguments are before substitution. */
  expandList(tokens: Token[], end: Token): Token[] {
    const src = new ListSource(tokens, end);
    const out: Token[] = [];
    for (let t = this.expandNext(src); t !== end; t = this.expandNext(src)) out.push(t);
    return out;
  }

  /** Reads the arguments after the `(`; reports and returns undefined when their number is wrong. */
  private collectArguments(src: TokenSource, macro: Macro): Invocation | undefined {
    const params = macro.params!;
    const variadicIndex = macro.variadic ? params.length - 1 : -1;
    const args: Token[][] = [];
    let current: Token[] = [];
    let depth = 0;
    let rparen: Token;
    for (;;) {
      const t = src.next();
      if (t.kind === 'eof') {
        this.diagnostics.push(diagnostic('error', t, `unterminated argument list invoking macro "${macro.name}"`));
        return undefined;
      }
      if (t.kind === 'punct') {
        if (t.text === '(') depth++;
        else if (t.text === ')' && depth-- === 0) {
          rparen = t;
          break;
        } else if (t.text === ',' && depth === 0 && args.length !== variadicIndex) {
          args.push(current);
          current = [];
          continue;
        }
      }
      current.push(t);
    }
    args.push(current);
    if (params.length === 0 && args.length === 1 && current.length === 0) args.pop();
    // The variadic part may be left out altogether: g(1) for g(a, ...).
    if (macro.variadic && args.length === params.length - 1 && params.length > 1) args.push([]);
    const given = args.length;
    if (given < params.length) {
      this.argumentCountError(macro, rparen, `macro "${macro.name}" requires ${params.length} arguments, but only ${given} given`);
      return undefined;
    }
    if (given > params.length) {
      this.argumentCountError(macro, rparen, `macro "${macro.name}" passed ${given} arguments, but takes just ${params.length}`);
      return undefined;
    }
    return { args, rparen };
  }

  private argumentCountError(macro: Macro, at: Token, message: string): void {
    this.diagnostics.push(diagnostic('error', at, message));
    this.diagnostics.push(diagnostic('note', macro.pos, `macro "${macro.name}" defined here`));
  }

  /**
   * Builds the replacement of one invocation: parameters replaced, # and ## applied, every token
   * positioned at the invocation (arguments keep their own place) and marked with `hideset`.
   */
  private substitute(macro: Macro, nameTok: Token, args: Token[][], hideset: ReadonlySet<string>): Token[] {
    const expanded: (Token[] | undefined)[] = [];
    const end: Token = { kind: 'eof', text: '', file: nameTok.file, line: nameTok.line, col: nameTok.col };
    const merged = new Map<ReadonlySet<string>, ReadonlySet<string>>();
    const ctx: SubstitutionContext = {
      macro,
      nameTok,
      args,
      expandedArg: (i) => (expanded[i] ??= this.expandList(args[i], end)),
      // Tokens from an argument keep the macros they came out of and gain this invocation's.
      hidesetFor: (own) => {
        if (!own || own.size === 0) return hideset;
        let set = merged.get(own);
        if (!set) merged.set(own, (set = union(own, hideset)));
        return set;
      },
    };
    const out = this.applyPastes(this.substituteRange(ctx, 0, macro.body.length), ctx);
    if (out.length > 0) out[0].spaceBefore = nameTok.spaceBefore;
    return out;
  }

  /** Replaces parameters in body[from, to); leaves PASTE and PLACEMARKER markers for applyPastes. */
  private substituteRange(ctx: SubstitutionContext, from: number, to: number): Token[] {
    const { macro, nameTok, args } = ctx;
    const { body, paramIndex } = macro;
    const out: Token[] = [];
    const atInvocation = (t: Token): Token => placedCopy(t, nameTok, ctx.hidesetFor(undefined));
    const argCopies = (tokens: readonly Token[]) => tokens.map((t) => placedCopy(t, t, ctx.hidesetFor(t.hideset)));
    const paramOf = (t: Token | undefined) => (t?.kind === 'ident' ? paramIndex.get(t.text) : undefined);
    const variadicArg = macro.variadic ? args[args.length - 1] : undefined;

    for (let i = from; i < to; i++) {
      const t = body[i];
      const param = paramOf(t);
      if (macro.params && isPunct(t, '#') && paramOf(body[i + 1]) !== undefined) {
        const str = stringify(args[paramOf(body[i + 1])!], nameTok);
        str.hideset = ctx.hidesetFor(undefined);
        out.push(str);
        i++;
      } else if (isPunct(t, '##')) {
        out.push(PASTE);
      } else if (
        isPunct(t, ',') && isPunct(body[i + 1], '##') && macro.variadic &&
        paramOf(body[i + 2]) === args.length - 1 && i + 2 < to
      ) {
        // GNU: `, ## __VA_ARGS__` drops the comma when the variable arguments are empty.
        if (variadicArg!.length > 0) out.push(atInvocation(t), ...argCopies(variadicArg!));
        i += 2;
      } else if (t.kind === 'ident' && t.text === '__VA_OPT__' && macro.variadic && isPunct(body[i + 1], '(')) {
        const close = matchingParen(body, i + 1, to);
        const present = ctx.expandedArg(args.length - 1).length > 0;
        const inner = present ? this.substituteRange(ctx, i + 2, close) : [];
        out.push(...(inner.length > 0 ? inner : [PLACEMARKER]));
        i = close;
      } else if (param !== undefined) {
        const nextToPaste = isPunct(body[i - 1], '##') || isPunct(body[i + 1], '##');
        if (nextToPaste) out.push(...(args[param].length > 0 ? argCopies(args[param]) : [PLACEMARKER]));
        else out.push(...argCopies(ctx.expandedArg(param)));
      } else {
        out.push(atInvocation(t));
      }
    }
    return out;
  }

  /** Performs the ## operations left to right, then drops the placemarkers. */
  private applyPastes(pieces: Token[], ctx: SubstitutionContext): Token[] {
    const out: Token[] = [];
    for (let i = 0; i < pieces.length; i++) {
      const t = pieces[i];
      if (t !== PASTE) {
        out.push(t);
        continue;
      }
      const left = out.pop();
      const right = pieces[++i];
      if (left === undefined || right === undefined) continue; // rejected at #define time
      if (left === PLACEMARKER) out.push(right);
      else if (right === PLACEMARKER) out.push(left);
      else out.push(...this.paste(left, right, ctx));
    }
    return out.filter((t) => t !== PLACEMARKER);
  }

  /** Glues two tokens into one; when the result is not one token gcc reports it and keeps both. */
  private paste(left: Token, right: Token, ctx: SubstitutionContext): Token[] {
    const { tokens, diagnostics } = lex(left.text + right.text, left.file);
    if (tokens.length === 2 && diagnostics.length === 0) {
      const glued = placedCopy(left, left, ctx.hidesetFor(undefined));
      glued.kind = tokens[0].kind;
      glued.text = tokens[0].text;
      return [glued];
    }
    this.diagnostics.push(
      diagnostic('error', left, `pasting "${left.text}" and "${right.text}" does not give a valid preprocessing token`),
    );
    return [left, right];
  }
}

interface SubstitutionContext {
  macro: Macro;
  nameTok: Token;
  args: Token[][];
  expandedArg(index: number): Token[];
  hidesetFor(own: ReadonlySet<string> | undefined): ReadonlySet<string>;
}

/** Index of the `)` closing the `(` at `open`, or `to` when there is none. */
function matchingParen(body: readonly Token[], open: number, to: number): number {
  let depth = 0;
  for (let i = open; i < to; i++) {
    if (isPunct(body[i], '(')) depth++;
    else if (isPunct(body[i], ')') && --depth === 0) return i;
  }
  return to;
}
