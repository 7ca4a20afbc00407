// Turns C source text into preprocessing tokens (C11 6.4), the way gcc's lexer does: line splices
// are removed first, comments become white space, and every token remembers where it was written.
import { diagnostic, type Diagnostic } from './diagnostics';
import type { Token, TokenKind } from './token';

// Multi-character punctuators by first character, longest first, so that a greedy scan picks `<<=`
// before `<<` before `<`.
const LONG_PUNCTUATORS = new Map<string, string[]>();
for (const p of ['...', '<<=', '>>=', '->', '++', '--', '<<', '>>', '<=', '>=', '==', '!=', '&&', '||',
  '*=', '/=', '%=', '+=', '-=', '&=', '^=', '|=', '##']) {
  const list = LONG_PUNCTUATORS.get(p[0]) ?? [];
  list.push(p);
  LONG_PUNCTUATORS.set(p[0], list);
}
const SINGLE_PUNCTUATORS = new Set('[](){}.&*+-~!/%<>^|?:;=,#');

function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}

/** gcc accepts `$` and any non-ASCII character (UTF-8 identifiers) in identifiers. */
function isIdentStart(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_' || c === '$' || c.charCodeAt(0) >= 0x80;
}

function isIdentChar(c: string): boolean {
  return isIdentStart(c) || isDigit(c);
}

/** UTF-8 length of one UTF-16 code unit; each half of a surrogate pair counts 2, so the pair makes 4. */
function utf8Bytes(code: number): number {
  if (code < 0x80) return 1;
  if (code < 0x800) return 2;
  if (code >= 0xd800 && code <= 0xdfff) return 2;
  return 3;
}

/** Length of `text` in UTF-8 bytes, the unit of gcc's columns. */
export function byteLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) n += utf8Bytes(text.charCodeAt(i));
  return n;
}

/**
 * Removes backslash-newline splices (translation phase 2), keeping for each character of the result
 * the index it had in the original text, so positions can still be reported as written.
 */
function removeSplices(text: string): { src: string; origin: Int32Array | undefined } {
  if (!/\\\r?\n/.test(text)) return { src: text, origin: undefined };
  const origin = new Int32Array(text.length + 1);
  let src = '';
  let chunkStart = 0;
  let n = 0;
  const splice = /\\\r?\n/g;
  for (let m = splice.exec(text); m; m = splice.exec(text)) {
    for (let i = chunkStart; i < m.index; i++) origin[n++] = i;
    src += text.slice(chunkStart, m.index);
    chunkStart = m.index + m[0].length;
  }
  for (let i = chunkStart; i <= text.length; i++) origin[n++] = i;
  src += text.slice(chunkStart);
  return { src, origin: origin.subarray(0, n) };
}

/** Converts original-text indices to line:col. Queries must not go backwards, which keeps lexing linear. */
class PositionTracker {
  private index = 0;
  line = 1;
  col = 1;

  constructor(private readonly text: string) {}

  /** Moves to `target`; the position is then in `line` and `col`. */
  moveTo(target: number): void {
    const text = this.text;
    while (this.index < target) {
      const code = text.charCodeAt(this.index++);
      if (code === 10) {
        this.line++;
        this.col = 1;
      } else {
        this.col += utf8Bytes(code);
      }
    }
  }

  at(target: number): { line: number; col: number } {
    this.moveTo(target);
    return { line: this.line, col: this.col };
  }
}

export function lex(text: string, file: string): { tokens: Token[]; diagnostics: Diagnostic[] } {
  const { src, origin } = removeSplices(text);
  const positions = new PositionTracker(text);
  const posOf = (i: number) => ({ file, ...positions.at(origin ? origin[i] : i) });
  const tokens: Token[] = [];
  const diagnostics: Diagnostic[] = [];
  const n = src.length;
  let i = 0;
  let lineStart = true;
  let spaceBefore = false;

  const push = (kind: TokenKind, start: number, end: number) => {
    positions.moveTo(origin ? origin[start] : start);
    // Every token gets every field, in one order: one object shape keeps the later phases fast.
    tokens.push({
      kind, text: src.slice(start, end), file, line: positions.line, col: positions.col,
      spaceBefore, lineStart, hideset: undefined,
    });
    lineStart = false;
    spaceBefore = false;
  };

  /** Scans a quoted literal from its opening quote; returns the index after it, or -1 at end of line. */
  const scanQuoted = (open: number, quote: string): number => {
    let j = open + 1;
    while (j < n) {
      const c = src[j];
      if (c === quote) return j + 1;
      if (c === '\n') return -1;
      j += c === '\\' && j + 1 < n && src[j + 1] !== '\n' ? 2 : 1;
    }
    return -1;
  };

  while (i < n) {
    const c = src[i];
    if (c === '\n') {
      lineStart = true;
      spaceBefore = false;
      i++;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r' || c === '\f' || c === '\v') {
      spaceBefore = true;
      i++;
      continue;
    }
    if (c === '/' && src[i + 1] === '/') {
      while (i < n && src[i] !== '\n') i++;
      spaceBefore = true;
      continue;
    }
    if (c === '/' && src[i + 1] === '*') {
      const end = src.indexOf('*/', i + 2);
      if (end < 0) {
        diagnostics.push(diagnostic('error', posOf(i), 'unterminated comment'));
        i = n;
        break;
      }
      i = end + 2;
      spaceBefore = true;
      continue;
    }

    const start = i;
    // Encoding prefixes L, u, U, u8 belong to the literal that follows them.
    let quoteAt = -1;
    if (c === 'L' || c === 'U' || c === 'u') {
      const after = c === 'u' && src[i + 1] === '8' ? i + 2 : i + 1;
      if (src[after] === '"' || src[after] === "'") quoteAt = after;
    } else if (c === '"' || c === "'") {
      quoteAt = i;
    }
    if (quoteAt >= 0) {
      const quote = src[quoteAt];
      const end = scanQuoted(quoteAt, quote);
      const kind = quote === '"' ? 'string' : 'char';
      if (end < 0) {
        // gcc reports at the opening quote and keeps the rest of the line as one token.
        diagnostics.push(diagnostic('error', posOf(quoteAt), `missing terminating ${quote} character`));
        let lineEnd = src.indexOf('\n', quoteAt);
        if (lineEnd < 0) lineEnd = n;
        push(kind, start, lineEnd);
        i = lineEnd;
      } else {
        push(kind, start, end);
        i = end;
      }
      continue;
    }

    if (isDigit(c) || (c === '.' && isDigit(src[i + 1] ?? ''))) {
      // pp-number: digits, letters, dots, and a sign right after e/E/p/P (C11 6.4.8).
      let j = i + 1;
      while (j < n) {
        const d = src[j];
        if ((d === '+' || d === '-') && 'eEpP'.includes(src[j - 1])) j++;
        else if (isIdentChar(d) || d === '.') j++;
        else break;
      }
      push('number', start, j);
      i = j;
      continue;
    }
    if (isIdentStart(c)) {
      let j = i + 1;
      while (j < n && isIdentChar(src[j])) j++;
      push('ident', start, j);
      i = j;
      continue;
    }
    const punct = LONG_PUNCTUATORS.get(c)?.find((p) => src.startsWith(p, i)) ?? (SINGLE_PUNCTUATORS.has(c) ? c : undefined);
    if (punct !== undefined) {
      push('punct', start, i + punct.length);
      i += punct.length;
      continue;
    }
    diagnostics.push(diagnostic('error', posOf(i), `stray '${c}' in program`));
    spaceBefore = true;
    i++;
  }

  // gcc places end-of-file problems at the end of the last line, not on the line after it.
  const endIndex = text.endsWith('\n') ? text.length - 1 : text.length;
  positions.moveTo(endIndex);
  tokens.push({
    kind: 'eof', text: '', file, line: positions.line, col: positions.col,
    spaceBefore, lineStart: true, hideset: undefined,
  });
  return { tokens, diagnostics };
}
