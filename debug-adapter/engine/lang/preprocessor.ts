// The C preprocessor (C11 6.10): runs the directives of the program and the files it includes, expands
// macros, and hands the parser one stream of tokens that ends with a single 'eof'.
import { diagnostic, type Diagnostic } from './diagnostics';
import { byteLength, lex } from './lexer';
import { macroNameError, parseDefine } from './pp-define';
import { evaluateCondition } from './pp-expr';
import { missingIncludeMessage, resolveInclude, SYSTEM_INCLUDE_DIR } from './pp-include';
import { isDirectiveStart, PreprocessorInput, presumed, type FileFrame } from './pp-input';
import { ListSource, MacroExpander, sameDefinition, type BuiltinMacro, type Macro } from './pp-macro';
import type { SourcePos, Token } from './token';

export interface PreprocessOptions {
  /** Absolute path of the program. */
  mainFile: string;
  /** User files (for #include "x.h", relative to the including file's folder, then system headers). */
  readFile(path: string): string | undefined;
  /** 'stdio.h', 'sys/wait.h', 'linux/list.h' … → text. The host's /usr/include is never read. */
  systemHeaders: ReadonlyMap<string, string>;
  /** Extra -D style macros: name (or `name(params)`) → replacement text. */
  defines?: Record<string, string>;
}

export interface PreprocessResult {
  tokens: Token[];
  diagnostics: Diagnostic[];
  /** Every file read → its text, keyed as token positions name it. */
  sources: Map<string, string>;
}

const MAX_INCLUDE_DEPTH = 200;

// What gcc 12 on x86-64 Linux predefines that programs and headers test; __FORKSCOPE__ lets a
// program tell it runs here.
const PREDEFINED = `
#define __STDC__ 1
#define __STDC_VERSION__ 201710L
#define __STDC_HOSTED__ 1
#define __x86_64__ 1
#define __x86_64 1
#define __linux__ 1
#define __linux 1
#define __unix__ 1
#define __unix 1
#define __ELF__ 1
#define __LP64__ 1
#define _LP64 1
#define __CHAR_BIT__ 8
#define __SIZEOF_SHORT__ 2
#define __SIZEOF_INT__ 4
#define __SIZEOF_LONG__ 8
#define __SIZEOF_LONG_LONG__ 8
#define __SIZEOF_POINTER__ 8
#define __ORDER_LITTLE_ENDIAN__ 1234
#define __ORDER_BIG_ENDIAN__ 4321
#define __BYTE_ORDER__ __ORDER_LITTLE_ENDIAN__
#define __GNUC__ 12
#define __GNUC_MINOR__ 2
#define __GNUC_PATCHLEVEL__ 0
#define __FORKSCOPE__ 1
`;

/** Fixed so that runs are reproducible. */
const BUILD_DATE = '"Jan  1 2026"';
const BUILD_TIME = '"00:00:00"';

/** Where a token ends: gcc reports what is missing at the end of a directive's line. */
function endOf(t: SourcePos & { text: string }): SourcePos {
  return { file: t.file, line: t.line, col: t.col + byteLength(t.text) };
}

function eofAt(pos: SourcePos): Token {
  return { kind: 'eof', text: '', file: pos.file, line: pos.line, col: pos.col };
}

const isPunct = (t: Token | undefined, text: string) => t !== undefined && t.kind === 'punct' && t.text === text;

/** The text of a directive's line as written, with the blanks between tokens kept (for #error). */
function spell(tokens: readonly Token[]): string {
  let text = '';
  tokens.forEach((t, i) => {
    if (i > 0) {
      const prev = tokens[i - 1];
      const gap = prev.line === t.line ? t.col - endOf(prev).col : t.spaceBefore ? 1 : 0;
      text += ' '.repeat(Math.max(0, gap));
    }
    text += t.text;
  });
  return text;
}

/** Reads `"name"` or `<name>` from the front of `tokens`. */
function parseHeaderName(tokens: readonly Token[]): { name: string; quoted: boolean; used: number } | undefined {
  const first = tokens[0];
  if (first?.kind === 'string' && first.text.startsWith('"')) {
    return { name: first.text.slice(1, -1), quoted: true, used: 1 };
  }
  if (!isPunct(first, '<')) return undefined;
  let name = '';
  for (let i = 1; i < tokens.length; i++) {
    if (isPunct(tokens[i], '>')) return { name, quoted: false, used: i + 1 };
    if (i > 1 && tokens[i].spaceBefore) name += ' ';
    name += tokens[i].text;
  }
  return undefined;
}

function quoteString(text: string): string {
  return `"${text.replace(/[\\"]/g, '\\$&')}"`;
}

type Lexed = { tokens: Token[]; diagnostics: Diagnostic[] };

/**
 * The system headers' tokens, shared by every preprocessor run in the host process: the kernel's many
 * units, the C library's files and every program include the same headers, and nothing changes a token
 * once lexed. Keyed by path, and kept only while the text is the same.
 */
const lexedSystemHeaders = new Map<string, { text: string; lexed: Lexed }>();

function lexSystemHeader(path: string, text: string): Lexed {
  const hit = lexedSystemHeaders.get(path);
  if (hit && hit.text === text) return hit.lexed;
  const lexed = lex(text, path);
  lexedSystemHeaders.set(path, { text, lexed });
  return lexed;
}

class Preprocessor {
  private readonly diagnostics: Diagnostic[] = [];
  private readonly sources = new Map<string, string>();
  private readonly macros = new Map<string, Macro>();
  private readonly pragmaOnce = new Set<string>();
  private readonly lexed = new Map<string, Lexed>();
  private readonly expander: MacroExpander;
  private readonly input: PreprocessorInput;
  private counter = 0;

  constructor(private readonly opts: PreprocessOptions) {
    const literal = (kind: Token['kind'], text: () => string): BuiltinMacro => (tok) => ({ ...tok, kind, text: text() });
    const builtins = new Map<string, BuiltinMacro>([
      ['__FILE__', (tok) => ({ ...tok, kind: 'string', text: quoteString(tok.file) })],
      ['__LINE__', (tok) => ({ ...tok, kind: 'number', text: String(tok.line) })],
      ['__COUNTER__', literal('number', () => String(this.counter++))],
      ['__DATE__', literal('string', () => BUILD_DATE)],
      ['__TIME__', literal('string', () => BUILD_TIME)],
    ]);
    this.expander = new MacroExpander(this.macros, builtins, this.diagnostics);
    this.input = new PreprocessorInput({
      directive: (f) => this.directive(f),
      reached: (f, tok) => this.releaseLexDiagnostics(f, tok, true),
    });
  }

  run(): PreprocessResult {
    const { mainFile } = this.opts;
    const text = this.opts.readFile(mainFile);
    if (text === undefined) {
      const start: SourcePos = { file: mainFile, line: 1, col: 1 };
      this.diagnostics.push(diagnostic('error', start, `${mainFile}: No such file or directory`));
      return { tokens: [eofAt(start)], diagnostics: this.diagnostics, sources: this.sources };
    }
    this.sources.set(mainFile, text);
    this.openFile(mainFile, text, 0);
    const defines = Object.entries(this.opts.defines ?? {});
    if (defines.length > 0) {
      this.openFile('<command-line>', defines.map(([name, value]) => `#define ${name} ${value}\n`).join(''), 0);
    }
    this.openFile('<built-in>', PREDEFINED, 0);

    const out: Token[] = [];
    for (;;) {
      const t = this.expander.expandNext(this.input);
      if (t.kind !== 'eof') {
        out.push(t);
        continue;
      }
      const finished = this.input.topFile();
      this.closeFile(finished);
      this.input.frames.pop();
      if (this.input.frames.length === 0) {
        out.push(t);
        return { tokens: out, diagnostics: this.diagnostics, sources: this.sources };
      }
    }
  }

  private openFile(path: string, text: string, depth: number): void {
    let lexed = this.lexed.get(path);
    if (!lexed) this.lexed.set(path, (lexed = path.startsWith(SYSTEM_INCLUDE_DIR) ? lexSystemHeader(path, text) : lex(text, path)));
    this.input.frames.push({
      kind: 'file', path, tokens: lexed.tokens, pos: 0, depth, conditionals: [],
      lexDiagnostics: lexed.diagnostics, nextLexDiagnostic: 0, lineDelta: 0, presumedFile: path,
    });
  }

  private closeFile(f: FileFrame): void {
    for (let i = f.conditionals.length - 1; i >= 0; i--) {
      const d = f.conditionals[i].directive;
      this.error(d, `unterminated #${d.text}`);
    }
    this.releaseLexDiagnostics(f, undefined, true);
  }

  /**
   * Passes on the lexer's diagnostics for text before `upTo` (all of them when undefined). Text in a
   * skipped group is not lexed by gcc beyond comments, so there only an unterminated comment counts.
   */
  private releaseLexDiagnostics(f: FileFrame, upTo: SourcePos | undefined, keep: boolean): void {
    const list = f.lexDiagnostics;
    while (f.nextLexDiagnostic < list.length) {
      const d = list[f.nextLexDiagnostic];
      if (upTo && (d.line > upTo.line || (d.line === upTo.line && d.col >= upTo.col))) return;
      if (keep || d.message === 'unterminated comment') this.diagnostics.push(d);
      f.nextLexDiagnostic++;
    }
  }

  private error(pos: SourcePos, message: string): void {
    this.diagnostics.push(diagnostic('error', pos, message));
  }

  private warning(pos: SourcePos, message: string): void {
    this.diagnostics.push(diagnostic('warning', pos, message));
  }

  private isDefined(name: string): boolean {
    return this.macros.has(name) || name === '__FILE__' || name === '__LINE__' || name === '__COUNTER__' ||
      name === '__DATE__' || name === '__TIME__' || name === '__has_include';
  }

  /** Runs the directive whose `#` is at f.pos, consuming its whole line. */
  private directive(f: FileFrame): void {
    const hash = f.tokens[f.pos++];
    this.releaseLexDiagnostics(f, hash, true);
    const line: Token[] = [];
    while (!f.tokens[f.pos].lineStart) line.push(presumed(f, f.tokens[f.pos++]));
    if (line.length === 0) return; // the null directive
    const [name, ...rest] = line;
    const lineEnd = endOf(line[line.length - 1]);
    if (name.kind !== 'ident') {
      this.error(name, `invalid preprocessing directive #${name.text}`);
      return;
    }
    switch (name.text) {
      case 'include': return this.include(f, rest, lineEnd);
      case 'define': return this.define(rest, lineEnd);
      case 'undef': return this.undef(rest, lineEnd);
      case 'if': return this.openConditional(f, name, this.evaluateIf(rest, lineEnd));
      case 'ifdef':
      case 'ifndef': return this.openConditional(f, name, this.evaluateIfdef(name, rest, lineEnd));
      case 'elif': return this.elif(f, name, rest, lineEnd);
      case 'else': return this.else(f, name, rest);
      case 'endif': return this.endif(f, name, rest);
      case 'error':
      case 'warning':
        // The message is the line as written, so the lexer's complaints about it (don't) are noise.
        this.releaseLexDiagnostics(f, f.tokens[f.pos], false);
        this.diagnostics.push(diagnostic(name.text === 'error' ? 'error' : 'warning', name, `#${spell(line)}`));
        return;
      case 'pragma':
        if (rest[0]?.kind === 'ident' && rest[0].text === 'once') this.pragmaOnce.add(f.path);
        return; // other pragmas do not change what the program means here
      case 'line': return this.line(f, rest, lineEnd);
      default:
        this.error(name, `invalid preprocessing directive #${name.text}`);
    }
  }

  private extraTokens(rest: readonly Token[], from: number, directive: string): void {
    if (rest.length > from) this.warning(rest[from], `extra tokens at end of #${directive} directive`);
  }

  private include(f: FileFrame, rest: Token[], lineEnd: SourcePos): void {
    // `#include MACRO`: the line is macro-expanded and must then read as one of the two forms.
    const computed = !(rest[0]?.kind === 'string' || isPunct(rest[0], '<'));
    const tokens = computed ? this.expander.expandList(rest, eofAt(lineEnd)) : rest;
    const header = parseHeaderName(tokens);
    const at = rest[0] ?? lineEnd;
    if (!header) {
      this.error(at, '#include expects "FILENAME" or <FILENAME>');
      return;
    }
    this.extraTokens(tokens, header.used, 'include');
    const found = resolveInclude(header.name, header.quoted, f.path, this.opts);
    if (!found) {
      this.error(at, missingIncludeMessage(header.name, this.opts.systemHeaders));
      return;
    }
    if (this.pragmaOnce.has(found.path)) return;
    if (f.depth + 1 > MAX_INCLUDE_DEPTH) {
      this.error(at, `#include nested depth ${f.depth + 1} exceeds maximum of ${MAX_INCLUDE_DEPTH}`);
      return;
    }
    this.sources.set(found.path, found.text);
    this.openFile(found.path, found.text, f.depth + 1);
  }

  private define(rest: Token[], lineEnd: SourcePos): void {
    const macro = parseDefine(rest, lineEnd, this.diagnostics);
    if (!macro) return;
    const previous = this.macros.get(macro.name);
    if (previous && !sameDefinition(previous, macro)) {
      this.warning(macro.pos, `"${macro.name}" redefined`);
      this.diagnostics.push(diagnostic('note', previous.pos, 'this is the location of the previous definition'));
    }
    this.macros.set(macro.name, macro);
  }

  private undef(rest: Token[], lineEnd: SourcePos): void {
    const problem = macroNameError(rest[0], 'undef');
    if (problem) return this.error(rest[0] ?? lineEnd, problem);
    this.extraTokens(rest, 1, 'undef');
    this.macros.delete(rest[0].text);
  }

  private evaluateIfdef(name: Token, rest: Token[], lineEnd: SourcePos): boolean {
    const problem = macroNameError(rest[0], name.text);
    if (problem) {
      this.error(rest[0] ?? lineEnd, problem);
      return false;
    }
    this.extraTokens(rest, 1, name.text);
    return this.isDefined(rest[0].text) === (name.text === 'ifdef');
  }

  /** Macro-expands an #if line, resolving `defined` and `__has_include` first, then evaluates it. */
  private evaluateIf(rest: Token[], lineEnd: SourcePos): boolean {
    const end = eofAt(lineEnd);
    const src = new ListSource(rest, end);
    const tokens: Token[] = [];
    for (let t = this.expander.expandNext(src); t !== end; t = this.expander.expandNext(src)) {
      if (t.kind === 'ident' && (t.text === 'defined' || t.text === '__has_include')) {
        const value = t.text === 'defined' ? this.definedOperand(src) : this.hasIncludeOperand(src, t);
        if (value === undefined) return false;
        tokens.push({ ...t, kind: 'number', text: value ? '1' : '0' });
      } else {
        tokens.push(t);
      }
    }
    tokens.push(end);
    return evaluateCondition(tokens, this.diagnostics);
  }

  /** `defined X` or `defined(X)`; the name is read unexpanded. */
  private definedOperand(src: ListSource): boolean | undefined {
    const first = src.next();
    const parenthesised = isPunct(first, '(');
    const name = parenthesised ? src.next() : first;
    if (name.kind !== 'ident') {
      this.error(name, 'operator "defined" requires an identifier');
      return undefined;
    }
    if (parenthesised) {
      const close = src.next();
      if (!isPunct(close, ')')) {
        this.error(close, `missing ')' after "defined"`);
        return undefined;
      }
    }
    return this.isDefined(name.text);
  }

  /** `__has_include("x.h")` or `__has_include(<x.h>)`. */
  private hasIncludeOperand(src: ListSource, op: Token): boolean | undefined {
    const open = src.next();
    if (!isPunct(open, '(')) {
      this.error(open, 'missing \'(\' before "__has_include" operand');
      return undefined;
    }
    const operand: Token[] = [];
    for (let t = src.next(); !isPunct(t, ')'); t = src.next()) {
      if (t.kind === 'eof') {
        this.error(t, 'missing \')\' after "__has_include" operand');
        return undefined;
      }
      operand.push(t);
    }
    const header = parseHeaderName(operand);
    if (!header || header.used !== operand.length) {
      this.error(operand[0] ?? op, 'operator "__has_include" requires a header-name');
      return undefined;
    }
    return resolveInclude(header.name, header.quoted, op.file, this.opts) !== undefined;
  }

  private openConditional(f: FileFrame, name: Token, value: boolean): void {
    f.conditionals.push({ directive: name, taken: value, elseSeen: false });
    if (!value) this.skipGroup(f);
  }

  private elif(f: FileFrame, name: Token, rest: Token[], lineEnd: SourcePos): void {
    const cond = f.conditionals[f.conditionals.length - 1];
    if (!cond) return this.error(name, '#elif without #if');
    if (cond.elseSeen) {
      this.error(name, '#elif after #else');
      this.diagnostics.push(diagnostic('note', cond.directive, 'the conditional began here'));
      return this.skipGroup(f);
    }
    // Once a group has been taken, later #elif expressions are not even evaluated (as in gcc).
    if (!cond.taken && this.evaluateIf(rest, lineEnd)) cond.taken = true;
    else this.skipGroup(f);
  }

  private else(f: FileFrame, name: Token, rest: Token[]): void {
    const cond = f.conditionals[f.conditionals.length - 1];
    if (!cond) return this.error(name, '#else without #if');
    if (cond.elseSeen) {
      this.error(name, '#else after #else');
      this.diagnostics.push(diagnostic('note', cond.directive, 'the conditional began here'));
    }
    this.extraTokens(rest, 0, 'else');
    cond.elseSeen = true;
    if (cond.taken) this.skipGroup(f);
    else cond.taken = true;
  }

  private endif(f: FileFrame, name: Token, rest: Token[]): void {
    if (!f.conditionals.pop()) return this.error(name, '#endif without #if');
    this.extraTokens(rest, 0, 'endif');
  }

  /** Skips to the #elif, #else or #endif that ends the current group, past nested conditionals. */
  private skipGroup(f: FileFrame): void {
    let depth = 0;
    for (;;) {
      const t = f.tokens[f.pos];
      if (t.kind === 'eof') break;
      const name = f.tokens[f.pos + 1];
      if (isDirectiveStart(t) && !name.lineStart && name.kind === 'ident') {
        const d = name.text;
        if (d === 'if' || d === 'ifdef' || d === 'ifndef') depth++;
        else if (d === 'endif' && depth-- === 0) break;
        else if ((d === 'elif' || d === 'else') && depth === 0) break;
      }
      f.pos++;
    }
    this.releaseLexDiagnostics(f, f.tokens[f.pos], false);
  }

  /** `#line N` or `#line N "file"`, after macro expansion. */
  private line(f: FileFrame, rest: Token[], lineEnd: SourcePos): void {
    const tokens = this.expander.expandList(rest, eofAt(lineEnd));
    const num = tokens[0];
    if (!num || num.kind !== 'number' || !/^[0-9]+$/.test(num.text)) {
      this.error(num ?? lineEnd, `"${num?.text ?? ''}" after #line is not a positive integer`);
      return;
    }
    const file = tokens[1];
    if (file && !(file.kind === 'string' && file.text.startsWith('"'))) {
      this.error(file, `invalid filename "${file.text}"`);
      return;
    }
    // The line after this directive gets number N.
    const physicalNext = lineEnd.line - f.lineDelta + 1;
    f.lineDelta = Number(num.text) - physicalNext;
    if (file) f.presumedFile = file.text.slice(1, -1);
  }
}

/** Preprocesses opts.mainFile. Never throws for problems in the program: they come back as diagnostics. */
export function preprocess(opts: PreprocessOptions): PreprocessResult {
  return new Preprocessor(opts).run();
}
