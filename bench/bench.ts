// `npm run bench`: how fast Forkscope runs and compiles C and creates processes, each figure shown as a ratio against a
// reference measured in the same process and the same run (plain JavaScript, JSON.parse, and native
// code from cc -O0 when available), with the project's targets marked PASS or FAIL.
//
// Runtime figures are "net": the median time of the workload minus the median time of the same program
// with the work removed (N = 0, fib(1)), so starting a process and printing are not counted.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Program, SourceFS } from '../debug-adapter/engine/api';
import { compile, formatDiagnostics, run } from '../debug-adapter/engine/index';
import { generateCProgram, generateJsonDocument } from './generate-c';
import { BOMB_PID_MAX, FORK_CYCLES, TREE_DEPTH, forkBombFigures, forkscopeForkCycleUs, forkscopeTreeMs, nativeProcessFigures } from './process-bench';

// dist/bench.js → the repository's bench/programs.
const programsDir = path.join(__dirname, '..', 'bench', 'programs');

const LOOP_N = 10_000_000;
const LOOP_RESULT = 308166;
const FIB_N = 27;
const FIB_RESULT = 196418;
const FIB_CALLS = fibCalls(FIB_N); // 635,621
/** Natively fib(27) takes about a millisecond, lost in process start-up noise; fib(35) takes ~50 ms. */
const NATIVE_FIB_N = 35;
const COMPILE_LINES = 5000;

const WARMUP_RUNS = 2;
const TIMED_RUNS = 9;

// ------------------------------------------------------------------ timing

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Median wall time of `fn` in milliseconds, after warm-up runs that let the JIT settle. */
function timeMs(fn: () => void, timedRuns = TIMED_RUNS): number {
  for (let i = 0; i < WARMUP_RUNS; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < timedRuns; i++) {
    const start = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(times);
}

// ------------------------------------------------------------------ the plain-JS references

function loopJS(n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s = ((s + Math.imul(i, i)) | 0) % 1000003;
  return s;
}

function fibJS(n: number): number {
  return n < 2 ? n : fibJS(n - 1) + fibJS(n - 2);
}

/** How many calls the recursive fib(n) makes: 2·fib(n+1) − 1. */
function fibCalls(n: number): number {
  let a = 0;
  let b = 1;
  for (let i = 0; i < n + 1; i++) [a, b] = [b, a + b];
  return 2 * a - 1;
}

// ------------------------------------------------------------------ Forkscope

/** Compiles `text` as if it were the file at `mainPath`; throws with gcc-style messages on errors. */
function compileText(mainPath: string, text: string): Program {
  const fs: SourceFS = { readFile: (p) => (p === mainPath ? text : undefined) };
  const result = compile(mainPath, fs);
  if (!result.program) throw new Error(`Forkscope could not compile ${mainPath}:\n${formatDiagnostics(result.diagnostics, result.sources)}`);
  return result.program;
}

/** Runs a program to the end and returns its stdout; anything but exit status 0 is an error. */
function runForkscope(program: Program): string {
  const out: Uint8Array[] = [];
  const outcome = run(program, {
    argv: [program.mainFile],
    stdio: 'pipe',
    stdout: (b) => out.push(Uint8Array.from(b)),
    stderr: (b) => process.stderr.write(Buffer.from(b)),
  });
  if (outcome.kind !== 'exited' || outcome.status !== 0) throw new Error(`${program.mainFile} ended with ${JSON.stringify(outcome)}`);
  return Buffer.concat(out).toString();
}

/** Both sources of a benchmark; the work is replaced by text, so `work` must occur once, in the code. */
interface Variant {
  /** The benchmark as written. */
  full: string;
  /** The same program with the measured work removed, to subtract fixed costs. */
  empty: string;
}

function variants(file: string, work: string, noWork: string): Variant {
  const full = readFileSync(path.join(programsDir, file), 'utf8');
  if (full.split(work).length !== 2) throw new Error(`${file} must contain '${work}' exactly once`);
  return { full, empty: full.replace(work, noWork) };
}

/**
 * Net milliseconds of the work in a Forkscope program and of the same work in plain JS, measured in
 * interleaved rounds (JS, Forkscope, Forkscope without the work), so that a change in the machine's load
 * during the run affects both sides alike. Returns the medians and the median of the per-round ratios.
 */
function netVersusJs(file: string, v: Variant, js: () => number): { ms: number; jsMs: number; ratio: number; output: string; jsResult: number } {
  const mainPath = path.join(programsDir, file);
  const full = compileText(mainPath, v.full);
  const empty = compileText(mainPath, v.empty);
  let output = '';
  let jsResult = 0;
  const once = (fn: () => void): number => {
    const start = process.hrtime.bigint();
    fn();
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
  for (let i = 0; i < WARMUP_RUNS; i++) {
    jsResult = js();
    output = runForkscope(full);
    runForkscope(empty);
  }
  const jsTimes: number[] = [];
  const netTimes: number[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < TIMED_RUNS; i++) {
    const j = once(() => { jsResult = js(); });
    const f = once(() => { output = runForkscope(full); });
    const e = once(() => runForkscope(empty));
    jsTimes.push(j);
    netTimes.push(f - e);
    ratios.push((f - e) / j);
  }
  return { ms: median(netTimes), jsMs: median(jsTimes), ratio: median(ratios), output, jsResult };
}

// ------------------------------------------------------------------ native reference

function hasCC(): boolean {
  return spawnSync('sh', ['-c', 'command -v cc'], { stdio: 'ignore' }).status === 0;
}

/** Net milliseconds of the work in the natively compiled program (cc -O0), whole-process timing. */
function netNativeMs(dir: string, name: string, v: Variant): number {
  const timeVariant = (label: string, source: string): number => {
    const c = path.join(dir, `${name}-${label}.c`);
    const exe = path.join(dir, `${name}-${label}`);
    writeFileSync(c, source);
    const cc = spawnSync('cc', ['-O0', '-w', '-o', exe, c], { encoding: 'utf8' });
    if (cc.status !== 0) throw new Error(`cc failed on ${name}:\n${cc.stderr}`);
    return timeMs(() => {
      const r = spawnSync(exe, { stdio: 'ignore' });
      if (r.status !== 0) throw new Error(`${exe} failed`);
    }, 9);
  };
  return timeVariant('full', v.full) - timeVariant('empty', v.empty);
}

// ------------------------------------------------------------------ report

interface Row {
  workload: string;
  forkscope: string;
  reference: string;
  ratio: number;
  target: string;
  /** Undefined for a figure the issue asks to report without a target. */
  pass: boolean | undefined;
}

const fmt = (x: number, digits = 1) => x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

function printTable(rows: Row[]): void {
  const header = ['workload', 'Forkscope', 'reference', 'ratio', 'target', 'result'];
  const cells = rows.map((r) => [r.workload, r.forkscope, r.reference, `${fmt(r.ratio)}×`, r.target, r.pass === undefined ? 'report' : r.pass ? 'PASS' : 'FAIL']);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) => c.map((x, i) => x.padEnd(widths[i])).join('  ').trimEnd();
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const c of cells) console.log(line(c));
}

/**
 * The process rows: fork cycles and the process tree against the same programs natively (when there is
 * a cc), and the fork bomb's time and host memory per task against their targets.
 */
function processRows(): Row[] {
  const rows: Row[] = [];
  const native = hasCC() ? withTempDir((dir) => nativeProcessFigures(dir)) : undefined;
  const forkUs = forkscopeForkCycleUs();
  const treeMs = forkscopeTreeMs();
  const bomb = forkBombFigures();
  if (native) {
    rows.push({
      workload: `(d) fork + _exit + waitpid, ${FORK_CYCLES.toLocaleString('en-US')} cycles`,
      forkscope: `${fmt(forkUs, 2)} µs/cycle`,
      reference: `${fmt(native.forkCycleUs, 1)} µs/cycle (native, cc -O2)`,
      ratio: forkUs / native.forkCycleUs,
      target: '≤ 0.1× native',
      pass: forkUs * 10 <= native.forkCycleUs,
    });
    rows.push({
      workload: `(e) binary process tree, depth ${TREE_DEPTH} (${(1 << TREE_DEPTH) - 1} processes)`,
      forkscope: `${fmt(treeMs)} ms/tree`,
      reference: `${fmt(native.treeMs)} ms/tree (native, cc -O2)`,
      ratio: treeMs / native.treeMs,
      // The issue asks for this time against native, with no target.
      target: '—',
      pass: undefined,
    });
  } else {
    console.log(`native reference: no cc on this machine; fork cycle ${fmt(forkUs, 2)} µs, tree ${fmt(treeMs)} ms`);
  }
  const nativeBombMs = native ? (native.forkCycleUs * bomb.tasks) / 1000 : undefined;
  rows.push({
    workload: `(f) fork bomb to pid_max ${BOMB_PID_MAX.toLocaleString('en-US')}: ${bomb.tasks.toLocaleString('en-US')} tasks until EAGAIN`,
    forkscope: `${fmt(bomb.msToEagain)} ms (all reaped: ${fmt(bomb.totalMs)} ms)`,
    reference: nativeBombMs === undefined ? '1,000 ms (target)' : `${fmt(nativeBombMs)} ms (as many native fork cycles)`,
    ratio: bomb.msToEagain / (nativeBombMs ?? 1000),
    target: '< 1,000 ms',
    pass: bomb.msToEagain < 1000,
  });
  // Host memory counts both the JS heap (the simulator's own bookkeeping) and the page buffers: the
  // simulated memory, mostly the touched block of each task's kernel stack and its task_struct, signal
  // and sighand structs.
  const hostPerTask = bomb.heapPerTaskBytes + bomb.externalPerTaskBytes;
  rows.push({
    workload: '(g) host memory per task, at EAGAIN',
    forkscope: `${fmt(hostPerTask / 1024, 1)} KiB (heap ${fmt(bomb.heapPerTaskBytes / 1024, 2)} KiB, page buffers ${fmt(bomb.externalPerTaskBytes / 1024, 1)} KiB)`,
    reference: '8 KiB (target)',
    ratio: hostPerTask / 8192,
    target: '< 8 KiB',
    pass: hostPerTask < 8192,
  });
  return rows;
}

/**
 * (h) Starting `forkscope run hello.c` from a shell: the launcher, which starts from the startup snapshot,
 * against the plain bundle, which compiles the kernel and the C library first (interleaved rounds).
 */
function coldStartRow(): Row {
  const hello = path.join(__dirname, '..', 'sample-programs', 'hello.c');
  const once = (command: string, args: string[]): number => {
    const start = process.hrtime.bigint();
    const r = spawnSync(command, [...args, 'run', hello], { encoding: 'utf8' });
    if (r.status !== 0 || r.stdout !== 'Hello, world!\n') throw new Error(`${command} ${args.join(' ')} run hello.c failed: ${r.stderr}`);
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
  const launcher: number[] = [];
  const plain: number[] = [];
  for (let i = 0; i < 5; i++) {
    launcher.push(once(path.join(__dirname, 'forkscope'), []));
    plain.push(once(process.execPath, [path.join(__dirname, 'cli.js')]));
  }
  const launcherMs = median(launcher);
  const plainMs = median(plain);
  return {
    workload: '(h) cold start: `forkscope run hello.c`',
    forkscope: `${fmt(launcherMs, 0)} ms (startup snapshot)`,
    reference: `${fmt(plainMs, 0)} ms (plain bundle, node dist/cli.js)`,
    ratio: launcherMs / plainMs,
    target: '—',
    pass: undefined,
  };
}

function withTempDir<T>(fn: (dir: string) => T): T {
  const dir = mkdtempSync(path.join(tmpdir(), 'forkscope-bench-'));
  try {
    return fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function main(): number {
  console.log(`Forkscope benchmark: Node ${process.version}, ${availableParallelism()} CPUs; medians of ${TIMED_RUNS} interleaved rounds after ${WARMUP_RUNS} warm-up rounds; each ratio is the median of the per-round ratios\n`);
  const problems: string[] = [];
  const checkOutput = (what: string, got: string | number, want: number) => {
    if (String(got).trim() !== String(want)) problems.push(`${what} printed ${JSON.stringify(got)}, expected ${want}`);
  };

  // (a) the loop
  const loopSrc = variants('loop.c', `int N = ${LOOP_N};`, 'int N = 0;');
  const loop = netVersusJs('loop.c', loopSrc, () => loopJS(LOOP_N));
  checkOutput('Forkscope loop.c', loop.output, LOOP_RESULT);
  checkOutput('JS loop', loop.jsResult, LOOP_RESULT);
  const loopNs = (loop.ms * 1e6) / LOOP_N;
  const loopJsNs = (loop.jsMs * 1e6) / LOOP_N;

  // (b) fib
  const fibSrc = variants('fib.c', `printf("%d\\n", fib(${FIB_N}));`, 'printf("%d\\n", fib(1));');
  const fib = netVersusJs('fib.c', fibSrc, () => fibJS(FIB_N));
  checkOutput('Forkscope fib.c', fib.output, FIB_RESULT);
  checkOutput('JS fib', fib.jsResult, FIB_RESULT);
  const fibNs = (fib.ms * 1e6) / FIB_CALLS;
  const fibJsNs = (fib.jsMs * 1e6) / FIB_CALLS;

  // (c) compiling a large program, against parsing a JSON document of the same length
  const bigSource = generateCProgram(COMPILE_LINES);
  const bigLines = bigSource.split('\n').length - 1;
  const compileMs = timeMs(() => compileText('/bench/generated.c', bigSource));
  const json = generateJsonDocument(bigLines);
  const jsonMs = timeMs(() => JSON.parse(json));

  const rows: Row[] = [
    {
      workload: `(a) loop, N = ${LOOP_N.toLocaleString('en-US')}`,
      forkscope: `${fmt(loopNs)} ns/iter`,
      reference: `${fmt(loopJsNs)} ns/iter (plain JS)`,
      ratio: loop.ratio,
      target: '≤ 5× JS',
      pass: loop.ratio <= 5,
    },
    {
      workload: `(b) fib(${FIB_N}), ${FIB_CALLS.toLocaleString('en-US')} calls`,
      forkscope: `${fmt(fibNs)} ns/call`,
      reference: `${fmt(fibJsNs)} ns/call (plain JS)`,
      ratio: fib.ratio,
      target: '≤ 15× JS',
      pass: fib.ratio <= 15,
    },
    {
      workload: `(c) compile ${bigLines.toLocaleString('en-US')} lines of C`,
      forkscope: `${fmt(compileMs)} ms`,
      reference: `${fmt(jsonMs, 2)} ms (JSON.parse, ${bigLines.toLocaleString('en-US')} lines)`,
      ratio: compileMs / jsonMs,
      target: '< 200 ms',
      pass: compileMs < 200,
    },
  ];
  rows.push(...processRows());
  rows.push(coldStartRow());
  printTable(rows);

  if (hasCC()) {
    const dir = mkdtempSync(path.join(tmpdir(), 'forkscope-bench-'));
    try {
      const loopNativeNs = (netNativeMs(dir, 'loop', loopSrc) * 1e6) / LOOP_N;
      const fibNativeSrc = { full: fibSrc.full.replace(`fib(${FIB_N}));`, `fib(${NATIVE_FIB_N}));`), empty: fibSrc.empty };
      const fibNativeNs = (netNativeMs(dir, 'fib', fibNativeSrc) * 1e6) / fibCalls(NATIVE_FIB_N);
      console.log(
        `\nnative reference (cc -O0, whole-process net time): loop ${fmt(loopNativeNs)} ns/iter ` +
          `(Forkscope ${fmt(loopNs / loopNativeNs)}×), fib ${fmt(fibNativeNs, 2)} ns/call, measured on fib(${NATIVE_FIB_N}) ` +
          `(Forkscope ${fmt(fibNs / fibNativeNs)}×)`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  } else {
    console.log('\nnative reference: no cc on this machine');
  }

  for (const p of problems) console.log(`WRONG OUTPUT: ${p}`);
  const failed = rows.filter((r) => r.pass === false).length;
  console.log(`\n${failed === 0 && problems.length === 0 ? 'all targets met' : `${failed} target(s) missed, ${problems.length} wrong output(s)`}`);
  return failed === 0 && problems.length === 0 ? 0 : 1;
}

process.exitCode = main();
