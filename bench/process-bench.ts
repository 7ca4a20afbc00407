// The process benchmarks of `npm run bench`: fork+exit+wait cycles and a binary process tree against
// the same C programs run natively (bench/programs, from the project's performance anchors), and a fork
// bomb filling pid_max, timed and weighed in host memory per task.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import type { Program } from '../debug-adapter/engine/api';
import { compile, createMachine, formatDiagnostics } from '../debug-adapter/engine/index';

const programsDir = path.join(__dirname, '..', 'bench', 'programs');

export const FORK_CYCLES = 20_000;
export const TREE_DEPTH = 10;
export const BOMB_PID_MAX = 32_768;

/**
 * The anchor programs time themselves with clock_gettime; in Forkscope that clock is virtual, so the
 * host times the run instead and the programs' own clock reads are left out.
 */
const OWN_CLOCK = 'clock_gettime(CLOCK_MONOTONIC,&t);';

function compileFile(file: string): Program {
  const mainPath = path.join(programsDir, file);
  const text = readFileSync(mainPath, 'utf8').replace(OWN_CLOCK, 't.tv_sec = 0; t.tv_nsec = 0;');
  const result = compile(mainPath, { readFile: (p) => (p === mainPath ? text : undefined) });
  if (!result.program) throw new Error(`Forkscope could not compile ${file}:\n${formatDiagnostics(result.diagnostics, result.sources)}`);
  return result.program;
}

/** Milliseconds to run `program` with `args` to the end; it must exit with status 0. */
function runMs(program: Program, args: string[]): number {
  const start = process.hrtime.bigint();
  const outcome = createMachine(program, { argv: [program.mainFile, ...args], stdio: 'pipe', stdout: () => {}, stderr: (b) => process.stderr.write(Buffer.from(b)) }).run();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (outcome.kind !== 'exited' || outcome.status !== 0) throw new Error(`${program.mainFile} ${args.join(' ')} ended with ${JSON.stringify(outcome)}`);
  return ms;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Median net milliseconds of the work: the run with `work` arguments less the run with `none`. */
function netMs(program: Program, work: string[], none: string[], rounds: number): number {
  runMs(program, work); // warm-up: the JIT and the compiled /sbin/init and /bin/sh
  const net: number[] = [];
  for (let i = 0; i < rounds; i++) net.push(runMs(program, work) - runMs(program, none));
  return median(net);
}

/** µs per fork+_exit+waitpid cycle in Forkscope (fork_loop.c). */
export function forkscopeForkCycleUs(): number {
  const program = compileFile('fork_loop.c');
  return (netMs(program, [String(FORK_CYCLES)], ['0'], 5) * 1000) / FORK_CYCLES;
}

/** ms per binary tree of TREE_DEPTH levels in Forkscope (tree.c). */
export function forkscopeTreeMs(): number {
  const program = compileFile('tree.c');
  // tree.c with depth 1 forks nothing: the fixed cost of starting the machine and the program.
  return netMs(program, [String(TREE_DEPTH), '1'], ['1', '1'], 5);
}

/** The programs' own measurements natively (cc -O2, as the anchors): they time their loop themselves. */
export function nativeProcessFigures(dir: string): { forkCycleUs: number; treeMs: number } {
  const build = (name: string): string => {
    const exe = path.join(dir, name);
    const cc = spawnSync('cc', ['-O2', '-w', '-o', exe, path.join(programsDir, `${name}.c`)], { encoding: 'utf8' });
    if (cc.status !== 0) throw new Error(`cc failed on ${name}:\n${cc.stderr}`);
    return exe;
  };
  const runs = (exe: string, args: string[], pattern: RegExp, n: number): number => {
    const xs: number[] = [];
    for (let i = 0; i < n; i++) {
      const r = spawnSync(exe, args, { encoding: 'utf8' });
      const m = pattern.exec(r.stdout);
      if (r.status !== 0 || !m) throw new Error(`${exe} failed: ${r.stdout}${r.stderr}`);
      xs.push(Number(m[1]));
    }
    return median(xs);
  };
  const forkLoop = build('fork_loop');
  const tree = build('tree');
  return {
    forkCycleUs: runs(forkLoop, [String(FORK_CYCLES)], /([0-9.]+) us\/cycle/, 3),
    treeMs: runs(tree, [String(TREE_DEPTH), '3'], /([0-9.]+) s\/tree/, 3) * 1000,
  };
}

/** A full collection now, so that a heap measurement counts live objects only. */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

/**
 * fork_bomb.c with pid_max 32768: milliseconds until fork fails with EAGAIN, and the host heap each
 * live task takes at that moment (heapUsed growth over the tasks, measured when the program prints).
 */
export function forkBombFigures(): { tasks: number; msToEagain: number; totalMs: number; heapPerTaskBytes: number; externalPerTaskBytes: number } {
  const program = compileFile('fork_bomb.c');
  let tasks = 0;
  let msToEagain = 0;
  let heapPerTaskBytes = 0;
  let externalPerTaskBytes = 0;
  collectGarbage();
  const before = process.memoryUsage();
  const start = process.hrtime.bigint();
  const machine = createMachine(
    program,
    {
      argv: [program.mainFile],
      stdio: 'pipe',
      // The program prints its child count when fork first fails: every child is alive and blocked.
      stdout: (bytes) => {
        msToEagain = Number(process.hrtime.bigint() - start) / 1e6;
        tasks = Number(Buffer.from(bytes).toString().trim());
        collectGarbage();
        const now = process.memoryUsage();
        heapPerTaskBytes = (now.heapUsed - before.heapUsed) / tasks;
        // `external` already includes `arrayBuffers` (the page buffers): adding both would count them twice.
        externalPerTaskBytes = (now.external - before.external) / tasks;
      },
      stderr: (b) => process.stderr.write(Buffer.from(b)),
    },
    { pidMax: BOMB_PID_MAX },
  );
  const outcome = machine.run();
  const totalMs = Number(process.hrtime.bigint() - start) / 1e6;
  if (outcome.kind !== 'exited' || outcome.status !== 0 || tasks === 0) throw new Error(`fork_bomb.c ended with ${JSON.stringify(outcome)}`);
  return { tasks, msToEagain, totalMs, heapPerTaskBytes, externalPerTaskBytes };
}
