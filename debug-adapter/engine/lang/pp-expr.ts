// Evaluates the controlling expression of #if/#elif (C11 6.10.1) in intmax_t/uintmax_t, i.e. 64 bits.
// The caller has already macro-expanded the line and replaced `defined X` and `__has_include(...)`
// by 0 or 1; identifiers that remain stand for 0. Error messages are gcc's.
import { CompileError, diagnostic, type Diagnostic } from './diagnostics';
import type { Token } from './token';

interface PPValue {
  v: bigint;
  unsigned: boolean;
}

const signed = (v: bigint): PPValue => ({ v: BigInt.asIntN(64, v), unsigned: false });
const unsigned = (v: bigint): PPValue => ({ v: BigInt.asUintN(64, v), unsigned: true });
const truth = (b: boolean): PPValue => signed(b ? 1n : 0n);

// Binary operators by precedence, loosest first (the comma binds loosest of all; gcc accepts it).
// The empty level is where ?: binds, handled by parseConditional.
const BINARY_LEVELS: readonly (readonly string[])[] = [
  [','],
  [],
  ['||'],
  ['&&'],
  ['|'],
  ['^'],
  ['&'],
  ['==', '!='],
  ['<', '>', '<=', '>='],
  ['<<', '>>'],
  ['+', '-'],
  ['*', '/', '%'],
];
const TERNARY_LEVEL = 1;
const BINARY_OPERATORS = new Set(BINARY_LEVELS.flat());

const SIMPLE_ESCAPES: Record<string, number> = {
  n: 10, t: 9, r: 13, a: 7, b: 8, f: 12, v: 11, e: 27, '\\': 92, "'": 39, '"': 34, '?': 63,
};

/** Value of a pp-number in an #if: an integer constant with optional u/l suffixes. */
function parseInteger(tok: Token): PPValue {
  const text = tok.text;
  const isHex = /^0[xX]/.test(text);
  if (isHex ? /[.pP]/.test(text) : /[.eE]/.test(text)) {
    throw new CompileError(tok, 'floating constant in preprocessor expression');
  }
  const m = /^(0[xX][0-9a-fA-F]+|0[bB][01]+|[0-9]+)(.*)$/.exec(text) ?? /^(0)(.*)$/.exec(text)!;
  const [, digits, suffix] = m;
  if (!/^(u|U)?(l|L|ll|LL)?$|^(l|L|ll|LL)(u|U)$/.test(suffix)) {
    throw new CompileError(tok, `invalid suffix "${suffix}" on integer constant`);
  }
  if (/^0[0-7]*[89]/.test(digits)) {
    throw new CompileError(tok, `invalid digit "${/[89]/.exec(digits)![0]}" in octal constant`);
  }
  const value = /^0[0-7]+$/.test(digits) ? BigInt('0o' + digits.slice(1)) : BigInt(digits);
  if (value >= 1n << 64n) throw new CompileError(tok, 'integer constant is too large for its type');
  // gcc: a constant that does not fit intmax_t "is so large that it is unsigned".
  return /[uU]/.test(suffix) || value >= 1n << 63n ? unsigned(value) : signed(value);
}

/** Value of a character constant: plain char is signed on x86-64; several chars pack like gcc's multichar. */
function parseCharConstant(tok: Token): PPValue {
  const prefix = /^(u8|u|U|L)?'/.exec(tok.text)![1] ?? '';
  const body = tok.text.slice(prefix.length + 1, -1);
  const units: number[] = [];
  const bytes = new TextEncoder();
  for (let i = 0; i < body.length; ) {
    if (body[i] !== '\\') {
      const cp = body.codePointAt(i)!;
      const ch = String.fromCodePoint(cp);
      if (prefix === '' || prefix === 'u8') units.push(...bytes.encode(ch));
      else units.push(cp);
      i += ch.length;
      continue;
    }
    const e = body[i + 1];
    if (e in SIMPLE_ESCAPES) {
      units.push(SIMPLE_ESCAPES[e]);
      i += 2;
    } else if (e === 'x') {
      const hex = /^[0-9a-fA-F]+/.exec(body.slice(i + 2))?.[0] ?? '0';
      units.push(parseInt(hex, 16));
      i += 2 + hex.length;
    } else if (e >= '0' && e <= '7') {
      const oct = /^[0-7]{1,3}/.exec(body.slice(i + 1))![0];
      units.push(parseInt(oct, 8));
      i += 1 + oct.length;
    } else {
      units.push(e.charCodeAt(0));
      i += 2;
    }
  }
  if (units.length === 0) throw new CompileError(tok, 'empty character constant');
  switch (prefix) {
    case 'L':
      return signed(BigInt.asIntN(32, BigInt(units[units.length - 1])));
    case 'u':
      return signed(BigInt(units[units.length - 1] & 0xffff));
    case 'U':
      return signed(BigInt(units[units.length - 1] >>> 0));
    default: {
      if (units.length === 1) return signed(BigInt.asIntN(8, BigInt(units[0] & 0xff)));
      let v = 0n;
      for (const u of units) v = (v << 8n) | BigInt(u & 0xff);
      return signed(BigInt.asIntN(32, v));
    }
  }
}

class ExpressionParser {
  private pos = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  private get current(): Token {
    return this.tokens[this.pos];
  }

  private isPunct(text: string): boolean {
    return this.current.kind === 'punct' && this.current.text === text;
  }

  parseAll(): PPValue {
    if (this.current.kind === 'eof') throw new CompileError(this.current, '#if with no expression');
    const value = this.parseBinary(0, true);
    const t = this.current;
    if (t.kind === 'eof') return value;
    if (t.text === ')') throw new CompileError(t, "missing '(' in expression");
    if (t.text === ':') throw new CompileError(t, " ':' without preceding '?'");
    if (t.kind === 'number' || t.kind === 'ident' || t.kind === 'char' || t.text === '(') {
      throw new CompileError(t, `missing binary operator before token "${t.text}"`);
    }
    throw new CompileError(t, `token "${t.text}" is not valid in preprocessor expressions`);
  }

  /** `live` is false inside the unevaluated side of && || ?:, where division by zero is harmless. */
  private parseBinary(level: number, live: boolean): PPValue {
    if (level === BINARY_LEVELS.length) return this.parseUnary(live);
    if (level === TERNARY_LEVEL) return this.parseConditional(live);
    let left = this.parseBinary(level + 1, live);
    for (;;) {
      const op = this.current;
      if (op.kind !== 'punct' || !BINARY_LEVELS[level].includes(op.text)) return left;
      this.pos++;
      const rightLive = live && !(op.text === '&&' && left.v === 0n) && !(op.text === '||' && left.v !== 0n);
      const right = this.parseOperand(op, () => this.parseBinary(level + 1, rightLive));
      left = applyBinary(op, left, right, rightLive);
    }
  }

  private parseConditional(live: boolean): PPValue {
    const cond = this.parseBinary(TERNARY_LEVEL + 1, live);
    const question = this.current;
    if (!this.isPunct('?')) return cond;
    this.pos++;
    const whenTrue = this.parseOperand(question, () => this.parseBinary(0, live && cond.v !== 0n));
    if (!this.isPunct(':')) throw new CompileError(this.current, "'?' without following ':'");
    const colon = this.current;
    this.pos++;
    const whenFalse = this.parseOperand(colon, () => this.parseConditional(live && cond.v === 0n));
    const chosen = cond.v !== 0n ? whenTrue : whenFalse;
    return whenTrue.unsigned || whenFalse.unsigned ? unsigned(chosen.v) : chosen;
  }

  /** Parses the operand after `op`, reporting a missing one the way gcc does. */
  private parseOperand(op: Token, parse: () => PPValue): PPValue {
    if (this.current.kind === 'eof') throw new CompileError(this.current, `operator '${op.text}' has no right operand`);
    return parse();
  }

  private parseUnary(live: boolean): PPValue {
    const t = this.current;
    if (t.kind === 'punct' && ['+', '-', '~', '!'].includes(t.text)) {
      this.pos++;
      const operand = this.parseOperand(t, () => this.parseUnary(live));
      const make = operand.unsigned ? unsigned : signed;
      if (t.text === '+') return operand;
      if (t.text === '-') return make(-operand.v);
      if (t.text === '~') return make(~operand.v);
      return truth(operand.v === 0n);
    }
    return this.parsePrimary(live);
  }

  private parsePrimary(live: boolean): PPValue {
    const t = this.current;
    switch (t.kind) {
      case 'number':
        this.pos++;
        return parseInteger(t);
      case 'char':
        this.pos++;
        return parseCharConstant(t);
      case 'ident':
        this.pos++;
        return signed(0n);
      case 'eof':
        throw new CompileError(t, '#if with no expression');
      case 'punct':
        if (t.text === '(') {
          this.pos++;
          if (this.isPunct(')')) throw new CompileError(this.current, "missing expression between '(' and ')'");
          const inner = this.parseBinary(0, live);
          if (!this.isPunct(')')) throw new CompileError(t, "missing ')' in expression");
          this.pos++;
          return inner;
        }
        if (BINARY_OPERATORS.has(t.text)) throw new CompileError(t, `operator '${t.text}' has no left operand`);
        break;
      default:
        break;
    }
    throw new CompileError(t, `token "${t.text}" is not valid in preprocessor expressions`);
  }
}

function applyBinary(op: Token, a: PPValue, b: PPValue, live: boolean): PPValue {
  const anyUnsigned = a.unsigned || b.unsigned;
  const make = anyUnsigned ? unsigned : signed;
  // Usual arithmetic conversions: a signed operand meets an unsigned one as its 64-bit pattern.
  const x = anyUnsigned ? BigInt.asUintN(64, a.v) : a.v;
  const y = anyUnsigned ? BigInt.asUintN(64, b.v) : b.v;
  switch (op.text) {
    case ',': return b;
    case '||': return truth(a.v !== 0n || b.v !== 0n);
    case '&&': return truth(a.v !== 0n && b.v !== 0n);
    case '|': return make(x | y);
    case '^': return make(x ^ y);
    case '&': return make(x & y);
    case '==': return truth(x === y);
    case '!=': return truth(x !== y);
    case '<': return truth(x < y);
    case '>': return truth(x > y);
    case '<=': return truth(x <= y);
    case '>=': return truth(x >= y);
    case '+': return make(x + y);
    case '-': return make(x - y);
    case '*': return make(x * y);
    case '/':
    case '%':
      if (y === 0n) {
        if (live) throw new CompileError(op, 'division by zero in #if');
        return make(0n);
      }
      return make(op.text === '/' ? x / y : x % y);
    case '<<':
    case '>>':
      return shift(op.text, a, b.unsigned ? BigInt.asUintN(64, b.v) : b.v);
  }
  throw new CompileError(op, `token "${op.text}" is not valid in preprocessor expressions`);
}

/** The result keeps the left operand's type; a negative count shifts the other way, as in cpp. */
function shift(op: string, a: PPValue, count: bigint): PPValue {
  const left = count < 0n ? op === '>>' : op === '<<';
  const n = count < 0n ? -count : count;
  const make = a.unsigned ? unsigned : signed;
  if (left) return make(n >= 64n ? 0n : a.v << n);
  if (n >= 64n) return make(a.v < 0n ? -1n : 0n);
  return make(a.v >> n);
}

/**
 * Evaluates an #if expression. `tokens` must end with an 'eof' token placed at the end of the line,
 * where gcc reports a missing operand. Errors are added to `diagnostics` and make the condition false.
 */
export function evaluateCondition(tokens: readonly Token[], diagnostics: Diagnostic[]): boolean {
  try {
    return new ExpressionParser(tokens).parseAll().v !== 0n;
  } catch (e) {
    if (!(e instanceof CompileError)) throw e;
    diagnostics.push(diagnostic('error', e.pos, e.message));
    return false;
  }
}
