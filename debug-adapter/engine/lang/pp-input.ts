// The preprocessor's input: a stack of open files, each topped by the macro expansions read from it.
// Directives are recognised here, as the reader reaches a `#` that starts a line of a file.
import type { Diagnostic } from './diagnostics';
import type { TokenSource } from './pp-macro';
import type { Token } from './token';

/** An #if/#ifdef/#ifndef group that is still open. */
export interface Conditional {
  /** The directive's name token: `unterminated #if` and notes point at it. */
  directive: Token;
  /** Some group of this conditional has been taken, so the remaining ones are skipped. */
  taken: boolean;
  elseSeen: boolean;
}

export interface FileFrame {
  kind: 'file';
  /** The path the file was read from: relative #includes start from its folder. */
  path: string;
  tokens: Token[];
  pos: number;
  /** 0 for the program, 1 for a file it includes, … */
  depth: number;
  conditionals: Conditional[];
  /** The lexer's complaints, released as reading passes them, so those in skipped groups can be dropped. */
  lexDiagnostics: Diagnostic[];
  nextLexDiagnostic: number;
  /** Set by #line: what __LINE__ and positions say instead of the physical line and file. */
  lineDelta: number;
  presumedFile: string;
}

interface MacroFrame {
  kind: 'macro';
  tokens: Token[];
  pos: number;
}

export interface InputHooks {
  /** Called with the file's `pos` on a line-initial `#`; must consume the directive's line. */
  directive(frame: FileFrame): void;
  /** Called before a file token is handed out. */
  reached(frame: FileFrame, tok: Token): void;
}

export function isDirectiveStart(t: Token): boolean {
  return t.lineStart === true && t.kind === 'punct' && t.text === '#';
}

/** A token as #line presents it. */
export function presumed(frame: FileFrame, t: Token): Token {
  if (frame.lineDelta === 0 && frame.presumedFile === frame.path) return t;
  return { ...t, line: t.line + frame.lineDelta, file: frame.presumedFile };
}

export class PreprocessorInput implements TokenSource {
  readonly frames: (FileFrame | MacroFrame)[] = [];

  constructor(private readonly hooks: InputHooks) {}

  /** Returns the next token; at the end of the current file, that file's 'eof' (which is not consumed). */
  peek(): Token {
    for (;;) {
      const f = this.frames[this.frames.length - 1];
      if (f.kind === 'macro') {
        if (f.pos < f.tokens.length) return f.tokens[f.pos];
        this.frames.pop();
        continue;
      }
      const t = f.tokens[f.pos];
      if (isDirectiveStart(t)) {
        this.hooks.directive(f);
        continue;
      }
      this.hooks.reached(f, t);
      return presumed(f, t);
    }
  }

  next(): Token {
    const t = this.peek();
    if (t.kind !== 'eof') this.frames[this.frames.length - 1].pos++;
    return t;
  }

  pushFront(tokens: Token[]): void {
    this.frames.push({ kind: 'macro', tokens, pos: 0 });
  }

  topFile(): FileFrame {
    const f = this.frames[this.frames.length - 1];
    if (f.kind !== 'file') throw new Error('preprocessor: a macro expansion is still open at the end of a file');
    return f;
  }
}
