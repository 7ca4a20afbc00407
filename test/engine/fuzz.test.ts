// Property tests with fixed seeds (a failure prints its seed and shrunk counterexample, and reruns the
// same way): broken source never makes the compiler throw, compiled programs never make the VM throw,
// and random well-defined integer expressions print what gcc's build prints.
import { readdirSync, readFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { CompileResult, RunOutcome } from '../../debug-adapter/engine/api';
import { run } from '../../debug-adapter/engine/index';
import { compileNative, hasCC, programsDir, runNative } from '../../scripts/differential-native.mjs';
import { compileC, runC } from '../support/run-c';

const repoRoot = join(programsDir, '..', '..', '..');

function cFilesIn(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.c'))
    .sort()
    .map((f) => readFileSync(join(dir, f), 'utf8'));
}
const corpus = [...cFilesIn(programsDir), ...cFilesIn(join(repoRoot, 'sample-programs'))];

// ---- (a), (b): mutations of valid programs

/** Whitespace, comments, identifiers, numbers, string and char literals, else one character. */
const TOKEN = /\s+|\/\/[^\n]*|\/\*[\s\S]*?\*\/|[A-Za-z_]\w*|\d[\w.]*|"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'|[\s\S]/g;
const tokenize = (src: string): string[] => src.match(TOKEN) ?? [];
const isSpace = (t: string) => /^\s/.test(t) || t.startsWith('//') || t.startsWith('/*');

const NUMBERS = ['0', '1', '-1', '255', '2147483647', '-2147483648', '100000000', '4294967296'];
const OPERATORS = ['+', '-', '*', '/', '%', '<', '>', '&', '|', '^', '=', '!'];
const CHARS = [...'{}()[];,*&+-/%<>=!~?:"\'#\\\n .0aZ_'];

type Mutation =
  | { kind: 'delete-token' | 'duplicate-token'; at: number }
  | { kind: 'swap-tokens'; at: number; other: number }
  | { kind: 'delete-char'; at: number }
  | { kind: 'insert-char'; at: number; ch: string }
  | { kind: 'replace-number'; at: number; value: string }
  | { kind: 'replace-operator'; at: number; op: string }
  | { kind: 'replace-identifier'; at: number; other: number };

const index = fc.nat({ max: 1_000_000 });
/** Edits that break the text anywhere: mostly programs that no longer compile. */
const structuralMutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom('delete-token' as const, 'duplicate-token' as const), at: index }),
  fc.record({ kind: fc.constant('swap-tokens' as const), at: index, other: index }),
  fc.record({ kind: fc.constant('delete-char' as const), at: index }),
  fc.record({ kind: fc.constant('insert-char' as const), at: index, ch: fc.constantFrom(...CHARS) }),
);
/** Edits that keep the shape: mostly programs that still compile but compute something else. */
const semanticMutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('replace-number' as const), at: index, value: fc.constantFrom(...NUMBERS) }),
  fc.record({ kind: fc.constant('replace-operator' as const), at: index, op: fc.constantFrom(...OPERATORS) }),
  fc.record({ kind: fc.constant('replace-identifier' as const), at: index, other: index }),
);

/** Applies `m` to `src`; positions wrap around so that every generated index means something. */
function mutate(src: string, m: Mutation): string {
  if (m.kind === 'delete-char') return src.slice(0, m.at % (src.length + 1)) + src.slice((m.at % (src.length + 1)) + 1);
  if (m.kind === 'insert-char') {
    const at = m.at % (src.length + 1);
    return src.slice(0, at) + m.ch + src.slice(at);
  }
  const tokens = tokenize(src);
  const solid = tokens.map((t, i) => i).filter((i) => !isSpace(tokens[i]!));
  const pick = (among: number[], n: number): number | undefined => (among.length === 0 ? undefined : among[n % among.length]);
  const ofKind = (test: (t: string) => boolean) => solid.filter((i) => test(tokens[i]!));
  const isIdent = (t: string) => /^[A-Za-z_]/.test(t);
  const at = (among: number[]) => pick(among, m.at);
  switch (m.kind) {
    case 'delete-token': {
      const i = at(solid);
      if (i !== undefined) tokens[i] = '';
      break;
    }
    case 'duplicate-token': {
      const i = at(solid);
      if (i !== undefined) tokens[i] = `${tokens[i]} ${tokens[i]}`;
      break;
    }
    case 'swap-tokens': {
      const i = at(solid);
      const j = pick(solid, m.other);
      if (i !== undefined && j !== undefined) [tokens[i], tokens[j]] = [tokens[j]!, tokens[i]!];
      break;
    }
    case 'replace-number': {
      const i = at(ofKind((t) => /^\d/.test(t)));
      if (i !== undefined) tokens[i] = m.value;
      break;
    }
    case 'replace-operator': {
      const i = at(ofKind((t) => OPERATORS.includes(t)));
      if (i !== undefined) tokens[i] = m.op;
      break;
    }
    case 'replace-identifier': {
      const idents = ofKind(isIdent);
      const i = at(idents);
      const j = pick(idents, m.other);
      if (i !== undefined && j !== undefined) tokens[i] = tokens[j]!;
      break;
    }
  }
  return tokens.join('');
}

/** Compiling must end in a program or in at least one error: nothing thrown, no silent failure. */
function compileChecked(src: string): CompileResult {
  const r = compileC(src);
  if (r.program === undefined) expect(r.diagnostics.some((d) => d.severity === 'error')).toBe(true);
  return r;
}

const RUN_STEPS = 200_000;
const OUTCOME_KINDS: RunOutcome['kind'][] = ['exited', 'signaled', 'step-limit', 'deadlock', 'time-limit'];

/** Running must end in one of the three outcomes; a host exception fails the property. */
function runChecked(r: CompileResult): RunOutcome {
  const outcome = run(r.program!, { argv: ['./prog', 'a', 'bb'], stdio: 'pipe', maxSteps: RUN_STEPS, stdout: () => {}, stderr: () => {} });
  expect(OUTCOME_KINDS).toContain(outcome.kind);
  return outcome;
}

const TIMEOUT = 30_000;

describe('broken source never makes compile throw', () => {
  it('random mutations of the corpus', () => {
    let programs = 0;
    fc.assert(
      fc.property(fc.constantFrom(...corpus), fc.array(structuralMutation, { minLength: 1, maxLength: 4 }), (src, ms) => {
        const r = compileChecked(ms.reduce(mutate, src));
        if (r.program) {
          programs++;
          runChecked(r);
        }
      }),
      { seed: 0x5eed01, numRuns: 150 },
    );
    // The property is not vacuous: some mutants still compiled, and ran.
    expect(programs).toBeGreaterThan(0);
  }, TIMEOUT);

  it('random token soup, at file scope and inside main', () => {
    const pieces = [...new Set(corpus.flatMap(tokenize).filter((t) => !isSpace(t)))];
    const soup = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((ts) => ts.join(' '));
    fc.assert(
      fc.property(soup, fc.boolean(), (text, inMain) => {
        compileChecked(inMain ? `#include <stdio.h>\nint main(void) {\n${text}\n}\n` : text);
      }),
      { seed: 0x5eed02, numRuns: 150 },
    );
  }, TIMEOUT);
});

describe('compiled programs never make run throw', () => {
  it('mutants that still compile end as exited, signaled or step-limit', () => {
    const kinds = new Set<string>();
    fc.assert(
      fc.property(fc.constantFrom(...corpus), fc.array(semanticMutation, { minLength: 1, maxLength: 3 }), (src, ms) => {
        const r = compileChecked(ms.reduce(mutate, src));
        if (r.program) kinds.add(runChecked(r).kind);
      }),
      { seed: 0x5eed03, numRuns: 150 },
    );
    expect(kinds.has('exited')).toBe(true);
  }, TIMEOUT);
});

// ---- (c): random integer expressions, compared with gcc

type IntType = 'char' | 'int' | 'unsigned' | 'long' | 'unsigned long';

const BITS: Record<IntType, bigint> = { char: 8n, int: 32n, unsigned: 32n, long: 64n, 'unsigned long': 64n };
const SIGNED: Record<IntType, boolean> = { char: true, int: true, unsigned: false, long: true, 'unsigned long': false };
const FORMAT: Record<IntType, string> = { char: '%d', int: '%d', unsigned: '%u', long: '%ld', 'unsigned long': '%lu' };

const minOf = (t: IntType) => (SIGNED[t] ? -(1n << (BITS[t] - 1n)) : 0n);
const maxOf = (t: IntType) => (SIGNED[t] ? (1n << (BITS[t] - 1n)) - 1n : (1n << BITS[t]) - 1n);
const fits = (v: bigint, t: IntType) => v >= minOf(t) && v <= maxOf(t);
/** Conversion to `t`: modulo 2^bits (for signed targets implementation-defined, and gcc wraps). */
const convert = (v: bigint, t: IntType) => (SIGNED[t] ? BigInt.asIntN(Number(BITS[t]), v) : BigInt.asUintN(Number(BITS[t]), v));
const promote = (t: IntType): IntType => (t === 'char' ? 'int' : t);
/** The usual arithmetic conversions, for x86-64 sizes (long holds every unsigned int). */
function common(a: IntType, b: IntType): IntType {
  const [x, y] = [promote(a), promote(b)];
  if (x === 'unsigned long' || y === 'unsigned long') return 'unsigned long';
  if (x === 'long' || y === 'long') return 'long';
  if (x === 'unsigned' || y === 'unsigned') return 'unsigned';
  return 'int';
}

/** A C expression with its static type and the value it has (in range of that type). */
interface Typed {
  code: string;
  type: IntType;
  value: bigint;
}

type Recipe =
  | { kind: 'var'; n: number }
  | { kind: 'lit'; value: number; suffix: '' | 'u' | 'L' }
  | { kind: 'unary'; op: '-' | '~' | '!'; a: Recipe }
  | { kind: 'binary'; op: string; a: Recipe; b: Recipe }
  | { kind: 'cast'; to: IntType; a: Recipe }
  | { kind: 'cond'; c: Recipe; a: Recipe; b: Recipe };

const BINARY = ['+', '-', '*', '/', '%', '&', '|', '^', '<<', '>>', '<', '>', '<=', '>=', '==', '!=', '&&', '||'];
const TYPES: IntType[] = ['char', 'int', 'unsigned', 'long', 'unsigned long'];
const VAR_TYPES: IntType[] = ['int', 'unsigned', 'long', 'char'];
const VARS_PER_TYPE = 2;

const recipe: fc.Arbitrary<Recipe> = fc.letrec<{ node: Recipe }>((tie) => ({
  node: fc.oneof(
    { maxDepth: 4, depthIdentifier: 'expr' },
    fc.oneof(
      fc.record({ kind: fc.constant('var' as const), n: fc.nat({ max: VAR_TYPES.length * VARS_PER_TYPE - 1 }) }),
      fc.record({ kind: fc.constant('lit' as const), value: fc.oneof(fc.integer({ min: 0, max: 40 }), fc.nat({ max: 100000 })), suffix: fc.constantFrom('' as const, 'u' as const, 'L' as const) }),
    ),
    fc.record({ kind: fc.constant('binary' as const), op: fc.constantFrom(...BINARY), a: tie('node'), b: tie('node') }),
    fc.record({ kind: fc.constant('unary' as const), op: fc.constantFrom('-' as const, '~' as const, '!' as const), a: tie('node') }),
    fc.record({ kind: fc.constant('cast' as const), to: fc.constantFrom(...TYPES), a: tie('node') }),
    fc.record({ kind: fc.constant('cond' as const), c: tie('node'), a: tie('node'), b: tie('node') }),
  ),
})).node;

const varName = (n: number) => `${VAR_TYPES[Math.floor(n / VARS_PER_TYPE)]!.replace(' ', '')[0]}${n % VARS_PER_TYPE}`;
const varType = (n: number) => VAR_TYPES[Math.floor(n / VARS_PER_TYPE)]!;

/** A literal for `v` of type `t`, spelled so that it has that type (the most negative value has no literal). */
function literal(v: bigint, t: IntType): string {
  const suffix = t === 'unsigned' ? 'u' : t === 'long' ? 'L' : t === 'unsigned long' ? 'UL' : '';
  if (v === minOf(t) && SIGNED[t]) return `(${v + 1n}${suffix} - 1)`;
  return v < 0n ? `(${v}${suffix})` : `${v}${suffix}`;
}

/**
 * Builds the expression bottom-up, computing C's result exactly. A node whose evaluation would be
 * undefined (signed overflow, division by zero, a shift by the width or more, shifting a negative
 * value) is replaced by its left operand, so every expression printed is well defined.
 */
function build(r: Recipe, vars: bigint[]): Typed {
  switch (r.kind) {
    case 'var':
      return { code: varName(r.n), type: varType(r.n), value: vars[r.n]! };
    case 'lit': {
      const type: IntType = r.suffix === 'u' ? 'unsigned' : r.suffix === 'L' ? 'long' : 'int';
      return { code: `${r.value}${r.suffix}`, type, value: BigInt(r.value) };
    }
    case 'cast': {
      const a = build(r.a, vars);
      return { code: `((${r.to})${a.code})`, type: r.to, value: convert(a.value, r.to) };
    }
    case 'unary': {
      const a = build(r.a, vars);
      const t = promote(a.type);
      if (r.op === '!') return { code: `(!${a.code})`, type: 'int', value: a.value === 0n ? 1n : 0n };
      const exact = r.op === '-' ? -a.value : ~a.value;
      if (SIGNED[t] && !fits(exact, t)) return a;
      return { code: `(${r.op}${a.code})`, type: t, value: convert(exact, t) };
    }
    case 'cond': {
      const [c, a, b] = [build(r.c, vars), build(r.a, vars), build(r.b, vars)];
      const t = common(a.type, b.type);
      return { code: `(${c.code} ? ${a.code} : ${b.code})`, type: t, value: convert(c.value !== 0n ? a.value : b.value, t) };
    }
    case 'binary':
      return binary(r.op, build(r.a, vars), build(r.b, vars)) ?? build(r.a, vars);
  }
}

function binary(op: string, a: Typed, b: Typed): Typed | undefined {
  const code = `(${a.code} ${op} ${b.code})`;
  const truth = (v: boolean): Typed => ({ code, type: 'int', value: v ? 1n : 0n });
  if (op === '&&') return truth(a.value !== 0n && b.value !== 0n);
  if (op === '||') return truth(a.value !== 0n || b.value !== 0n);
  if (op === '<<' || op === '>>') {
    const t = promote(a.type);
    if (b.value < 0n || b.value >= BITS[t] || a.value < 0n) return undefined;
    const exact = op === '<<' ? a.value << b.value : a.value >> b.value;
    if (SIGNED[t] && !fits(exact, t)) return undefined;
    return { code, type: t, value: convert(exact, t) };
  }
  const t = common(a.type, b.type);
  const [x, y] = [convert(a.value, t), convert(b.value, t)];
  switch (op) {
    case '<': return truth(x < y);
    case '>': return truth(x > y);
    case '<=': return truth(x <= y);
    case '>=': return truth(x >= y);
    case '==': return truth(x === y);
    case '!=': return truth(x !== y);
  }
  if ((op === '/' || op === '%') && (y === 0n || (SIGNED[t] && !fits(x / y, t)))) return undefined;
  const exact = op === '+' ? x + y : op === '-' ? x - y : op === '*' ? x * y : op === '/' ? x / y : op === '%' ? x % y : op === '&' ? x & y : op === '|' ? x | y : x ^ y;
  if (SIGNED[t] && !fits(exact, t)) return undefined;
  return { code, type: t, value: convert(exact, t) };
}

const varValues = fc.tuple(
  ...VAR_TYPES.flatMap((t) => Array.from({ length: VARS_PER_TYPE }, () => fc.bigInt({ min: minOf(t), max: maxOf(t) }))),
);

function expressionProgram(vars: bigint[], recipes: Recipe[]): string {
  const decls = vars.map((v, n) => `  ${varType(n)} ${varName(n)} = ${literal(v, varType(n))};`);
  const prints = recipes.map((r) => {
    const e = build(r, vars);
    return `  printf("${FORMAT[promote(e.type)]}\\n", ${e.code});`;
  });
  return `#include <stdio.h>\nint main(void) {\n${decls.join('\n')}\n${prints.join('\n')}\n  return 0;\n}\n`;
}

describe.runIf(hasCC())('random integer expressions print what gcc -O0 prints', () => {
  const dir = mkdtempSync(join(tmpdir(), 'forkscope-fuzz-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let n = 0;

  it('int, unsigned, long and char arithmetic, conversions, shifts and comparisons', async () => {
    await fc.assert(
      fc.asyncProperty(varValues, fc.array(recipe, { minLength: 1, maxLength: 8 }), async (vars, recipes) => {
        const source = expressionProgram(vars, recipes);
        const src = join(dir, `e${n}.c`);
        const exe = join(dir, `e${n++}`);
        writeFileSync(src, source);
        await compileNative(src, exe);
        const native = await runNative(exe, ['./prog']);
        const r = runC(source);
        expect(r.outcome, r.diagnostics).toMatchObject({ kind: 'exited', status: 0 });
        expect(r.stdout).toBe(native.stdout.toString('utf8'));
      }),
      { seed: 0x5eed04, numRuns: 100 },
    );
  }, TIMEOUT);
});
