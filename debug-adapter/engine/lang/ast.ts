// The syntax tree the parser builds and the compiler reads.
//
// Types in declarations are already resolved by the parser (typedef names, struct tags and enum constants
// are scoped there, as C requires to parse at all). What the parser cannot know, such as the type of an
// expression, is worked out by the compiler, which fills in `Expr.type`.
import type { SourcePos } from './token';
import type { CType, FunctionType } from './types';

interface Node {
  pos: SourcePos;
}

// ---------------------------------------------------------------- expressions

export type UnaryOp = '-' | '+' | '!' | '~' | '*' | '&' | 'pre++' | 'pre--' | 'post++' | 'post--';
export type BinaryOp =
  | '*' | '/' | '%' | '+' | '-' | '<<' | '>>'
  | '<' | '>' | '<=' | '>=' | '==' | '!='
  | '&' | '^' | '|' | '&&' | '||' | ',';
export type AssignOp = '=' | '*=' | '/=' | '%=' | '+=' | '-=' | '<<=' | '>>=' | '&=' | '^=' | '|=';

export type Expr =
  /** Integer constant; `type` comes from the suffix and value as C says (int, long, unsigned …). Character constants too. */
  | (Node & { kind: 'int'; value: bigint; type: CType })
  /** Floating constant: double, or float with an f suffix. */
  | (Node & { kind: 'float'; value: number; type: CType })
  /** String literal after concatenation of adjacent literals; bytes exclude the final NUL. */
  | (Node & { kind: 'string'; bytes: Uint8Array; type?: CType })
  | (Node & { kind: 'ident'; name: string; type?: CType })
  | (Node & { kind: 'unary'; op: UnaryOp; operand: Expr; type?: CType })
  | (Node & { kind: 'binary'; op: BinaryOp; left: Expr; right: Expr; type?: CType })
  | (Node & { kind: 'assign'; op: AssignOp; target: Expr; value: Expr; type?: CType })
  | (Node & { kind: 'cond'; test: Expr; then: Expr; else: Expr; type?: CType })
  | (Node & { kind: 'cast'; to: CType; operand: Expr; type?: CType })
  | (Node & { kind: 'sizeofType'; of: CType; type?: CType })
  | (Node & { kind: 'sizeofExpr'; operand: Expr; type?: CType })
  | (Node & { kind: 'alignofType'; of: CType; type?: CType })
  | (Node & { kind: 'offsetof'; of: CType; member: string[]; type?: CType })
  | (Node & { kind: 'call'; callee: Expr; args: Expr[]; type?: CType })
  | (Node & { kind: 'index'; base: Expr; index: Expr; type?: CType })
  | (Node & { kind: 'member'; object: Expr; name: string; arrow: boolean; type?: CType })
  /** Compound literal: (struct point){1, 2} */
  | (Node & { kind: 'compoundLiteral'; of: CType; init: Initializer; type?: CType })
  /** GNU statement expression: ({ int x = f(); x + 1; }) — its value is the last expression statement's. */
  | (Node & { kind: 'stmtExpr'; body: Block; type?: CType })
  /** va_arg(ap, type) */
  | (Node & { kind: 'vaArg'; ap: Expr; of: CType; type?: CType });

// ---------------------------------------------------------------- initializers

export type Designator = { kind: 'field'; name: string; pos: SourcePos } | { kind: 'index'; index: Expr; pos: SourcePos };

export type Initializer =
  | (Node & { kind: 'expr'; expr: Expr })
  | (Node & { kind: 'list'; items: { designators: Designator[]; init: Initializer }[] });

// ---------------------------------------------------------------- declarations

export type Storage = 'auto' | 'static' | 'extern' | 'register';

export interface VarDecl extends Node {
  kind: 'var';
  name: string;
  /** May be a FunctionType: a prototype such as `int f(int);` is a VarDecl of function type. */
  type: CType;
  storage: Storage;
  init?: Initializer;
  /** Variable-length array: the length expression to evaluate at run time (`int a[n]`). */
  vlaLength?: Expr;
}

export interface FunctionDef extends Node {
  kind: 'function';
  name: string;
  type: FunctionType;
  /** Parameter names in order; unnamed parameters are undefined. */
  paramNames: (string | undefined)[];
  /** Where each parameter was named, for diagnostics and the debugger. */
  paramPos: SourcePos[];
  isStatic: boolean;
  body: Block;
  /** Position of the closing brace: the debugger stops there before a function returns. */
  endPos: SourcePos;
}

export type TopLevel = VarDecl | FunctionDef;

export interface TranslationUnit {
  decls: TopLevel[];
}

// ---------------------------------------------------------------- statements

export interface Block extends Node {
  kind: 'block';
  items: Stmt[];
  endPos: SourcePos;
}

export type Stmt =
  | Block
  | (Node & { kind: 'expr'; expr: Expr })
  | (Node & { kind: 'empty' })
  /** One declaration statement may declare several variables: int a = 1, *b; */
  | (Node & { kind: 'decl'; decls: VarDecl[] })
  | (Node & { kind: 'if'; test: Expr; then: Stmt; else?: Stmt })
  | (Node & { kind: 'while'; test: Expr; body: Stmt })
  | (Node & { kind: 'doWhile'; body: Stmt; test: Expr })
  | (Node & { kind: 'for'; init?: Stmt; test?: Expr; update?: Expr; body: Stmt })
  | (Node & { kind: 'switch'; test: Expr; body: Stmt })
  /** `case value:` labels `body`; GNU ranges `case 1 ... 5:` set `high`. */
  | (Node & { kind: 'case'; value: Expr; high?: Expr; body: Stmt })
  | (Node & { kind: 'default'; body: Stmt })
  | (Node & { kind: 'break' })
  | (Node & { kind: 'continue' })
  | (Node & { kind: 'return'; value?: Expr })
  | (Node & { kind: 'goto'; label: string })
  | (Node & { kind: 'label'; name: string; body: Stmt });
