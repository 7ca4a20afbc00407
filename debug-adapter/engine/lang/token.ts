// Tokens shared by the lexer, the preprocessor and the parser.

/** A place in a source file. Lines and columns count from 1; columns count bytes like gcc's. */
export interface SourcePos {
  file: string;
  line: number;
  col: number;
}

export type TokenKind =
  | 'ident' // identifiers and keywords: the parser tells them apart
  | 'number' // pp-number: 42, 0x1F, 3.5e-2, 10UL, 'pp-number' rules as in C
  | 'char' // character constant, text keeps the quotes and escapes: 'a', '\n', L'x'
  | 'string' // string literal, text keeps the quotes and escapes: "hi\n"
  | 'punct' // operators and punctuators: + ++ += -> ... ( ) { } # ## etc.
  | 'eof';

export interface Token extends SourcePos {
  kind: TokenKind;
  text: string;
  /** White space stood before this token (needed for # stringification and function-like macro definitions). */
  spaceBefore?: boolean;
  /** This token is the first on its line (needed to recognise directives). */
  lineStart?: boolean;
  /** Names of macros this token came out of; the preprocessor uses it to stop recursive expansion. */
  hideset?: ReadonlySet<string>;
}
