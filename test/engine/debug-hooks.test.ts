// The VM's debugger hooks (vm/debug.ts), driven the way a debug session will drive them: compile, create
// the simulated machine, and run it step by step with hooks, stopping at line breakpoints, function
// entries, steps and watched writes in the user's process.
import { describe, expect, it } from 'vitest';
import { createMachine, linkedProgram, type Machine, run } from '../../debug-adapter/engine/index';
import type { LinkedProgram } from '../../debug-adapter/engine/vm/compiler/link';
import { type DebugHooks, emptyHooks, opsOnLine, type StopReason } from '../../debug-adapter/engine/vm/debug';
import type { Thread } from '../../debug-adapter/engine/vm/thread';
import { compileC, PROG_PATH } from '../support/run-c';

const PROGRAM = `#include <stdio.h>
int counter;
int add(int a, int b) {
  int s = a + b;
  return s;
}
int main(void) {
  int total = 0;
  for (int i = 0; i < 3; i++) {
    total = add(total, i);
  }
  counter = total * 10;
  printf("total %d counter %d\\n", total, counter);
  return 0;
}
`;
const LINE = { addBody: 4, addReturn: 5, mainFirst: 8, loop: 9, loopBody: 10, counter: 12, print: 13, ret: 14 };

/** A program under the debugger: its machine, and what it has written to stdout so far. */
interface Debuggee {
  program: LinkedProgram;
  machine: Machine;
  /** The thread the last stop happened on. */
  thread: Thread;
  stdout: () => string;
}

function startDebuggee(source: string): Debuggee {
  const compiled = compileC(source);
  if (!compiled.program) throw new Error('test program did not compile');
  const out: Uint8Array[] = [];
  const machine = createMachine(compiled.program, { argv: ['./prog'], stdio: 'pipe', stdout: (b) => out.push(Uint8Array.from(b)), stderr: () => {} });
  const d: Debuggee = { program: linkedProgram(compiled.program), machine, thread: machine.currentThread(), stdout: () => Buffer.concat(out).toString('utf8') };
  return d;
}

type Stop = StopReason | { kind: 'exited'; status: number };

/** Runs until a hook stops a thread or the run ends. */
function resume(d: Debuggee, hooks: DebugHooks): Stop {
  for (;;) {
    const r = d.machine.step(100_000, hooks);
    if (r.stop) {
      d.thread = d.machine.currentThread();
      return r.stop;
    }
    if (r.outcome) {
      if (r.outcome.kind !== 'exited') throw new Error(`run ended with ${r.outcome.kind}`);
      return { kind: 'exited', status: r.outcome.status };
    }
  }
}

/** Where the thread stands: the function and source line of the op it will run next. */
function position(d: Debuggee): { fn: string; line: number; file: string } {
  const f = d.thread.frame!;
  const p = f.code.opPos[f.pc]!;
  return { fn: f.code.name, line: p.line, file: p.file };
}

function breakpointsOn(d: Debuggee, line: number): DebugHooks['breakpoints'] {
  const map: DebugHooks['breakpoints'] = new Map();
  for (const code of d.program.functions.values()) {
    const ops = opsOnLine(code, PROG_PATH, line);
    if (ops.length === 0) continue;
    const marks = new Uint8Array(code.ops.length);
    for (const pc of ops) marks[pc] = 1;
    map.set(code, marks);
  }
  return map;
}

describe('debugger hooks', () => {
  it('without hooks the program runs to the end with the same output as run()', () => {
    const d = startDebuggee(PROGRAM);
    expect(resume(d, emptyHooks())).toEqual({ kind: 'exited', status: 0 });
    const out: Uint8Array[] = [];
    const outcome = run(compileC(PROGRAM).program!, { argv: ['./prog'], stdio: 'pipe', stdout: (b) => out.push(Uint8Array.from(b)), stderr: () => {} });
    expect(outcome).toMatchObject({ kind: 'exited', status: 0 });
    expect(d.stdout()).toBe(Buffer.concat(out).toString('utf8'));
    expect(d.stdout()).toBe('total 3 counter 30\n');
  });

  it('a line breakpoint stops before the line runs, and again on each loop iteration', () => {
    const d = startDebuggee(PROGRAM);
    const hooks = { ...emptyHooks(), breakpoints: breakpointsOn(d, LINE.loopBody) };
    const totals: number[] = [];
    for (let i = 0; i < 3; i++) {
      const stop = resume(d, hooks);
      expect(stop.kind).toBe('breakpoint');
      expect(position(d)).toEqual({ fn: 'main', line: LINE.loopBody, file: PROG_PATH });
      expect(d.thread.frames().map((f) => f.code.name).slice(-1)).toEqual(['main']);
      totals.push(localValue(d, 'total'));
    }
    // Stopped before `total = add(total, i)` ran: total still holds the previous iteration's sum.
    expect(totals).toEqual([0, 0, 1]);
    expect(resume(d, hooks)).toEqual({ kind: 'exited', status: 0 });
    expect(d.stdout()).toBe('total 3 counter 30\n');
  });

  it('a function-entry hook stops on entry with the arguments in registers 0..n-1', () => {
    const d = startDebuggee(PROGRAM);
    const add = d.program.functions.get('add')!;
    const hooks = { ...emptyHooks(), functionEntry: new Set([add]) };
    const args: number[][] = [];
    for (let i = 0; i < 3; i++) {
      const stop = resume(d, hooks);
      expect(stop).toEqual({ kind: 'function-entry', code: add });
      expect(d.thread.frame!.code).toBe(add);
      expect(d.thread.frame!.pc).toBe(0);
      args.push(d.thread.frame!.regs.slice(0, 2).map(Number));
    }
    expect(args).toEqual([[0, 0], [0, 1], [1, 2]]);
  });

  it('step over moves statement by statement in main, over the call', () => {
    const d = startDebuggee(PROGRAM);
    expect(resume(d, { ...emptyHooks(), breakpoints: breakpointsOn(d, LINE.counter) }).kind).toBe('breakpoint');
    const depth = d.thread.depth;
    const lines = [position(d).line];
    for (let i = 0; i < 2; i++) {
      expect(resume(d, { ...emptyHooks(), step: { maxDepth: depth } }).kind).toBe('step');
      expect(position(d).fn).toBe('main');
      lines.push(position(d).line);
    }
    expect(lines).toEqual([LINE.counter, LINE.print, LINE.ret]);
  });

  it('step over a line with a call stays in the caller; step in enters the callee', () => {
    const over = startDebuggee(PROGRAM);
    resume(over, { ...emptyHooks(), breakpoints: breakpointsOn(over, LINE.loopBody) });
    const depth = over.thread.depth;
    expect(resume(over, { ...emptyHooks(), step: { maxDepth: depth } }).kind).toBe('step');
    // The next statement in main after the loop body is the loop's increment or test, on the `for` line.
    expect(position(over)).toMatchObject({ fn: 'main', line: LINE.loop });
    expect(over.thread.depth).toBe(depth);

    const into = startDebuggee(PROGRAM);
    resume(into, { ...emptyHooks(), breakpoints: breakpointsOn(into, LINE.loopBody) });
    const path: string[] = [];
    for (let i = 0; i < 3; i++) {
      expect(resume(into, { ...emptyHooks(), step: { maxDepth: Infinity } }).kind).toBe('step');
      path.push(`${position(into).fn}:${position(into).line}`);
    }
    expect(path).toEqual([`add:${LINE.addBody}`, `add:${LINE.addReturn}`, `main:${LINE.loop}`]);
    expect(into.thread.depth).toBe(depth);
  });

  it('a watch on a global stops right after the write that changed it', () => {
    const d = startDebuggee(PROGRAM);
    const counter = d.program.globals.get('counter')!;
    const hooks = { ...emptyHooks(), watches: [{ addr: counter.addr, len: 4 }] };
    const stop = resume(d, hooks);
    expect(stop).toEqual({ kind: 'watch', addr: counter.addr, len: 4 });
    expect(d.thread.mem.readI32(counter.addr)).toBe(30);
    // The op just run is the assignment's; the thread stands in main, before printf has run.
    const f = d.thread.frame!;
    expect(f.code.name).toBe('main');
    expect(f.code.opPos[f.pc - 1]!.line).toBe(LINE.counter);
    expect(d.stdout()).toBe('');
    expect(resume(d, hooks)).toEqual({ kind: 'exited', status: 0 });
  });
});

/** A local's current value, found through the function's debug info, as a variables view would. */
function localValue(d: Debuggee, name: string): number {
  const f = d.thread.frame!;
  const local = f.code.locals.find((l) => l.name === name && f.pc >= l.from && f.pc < l.to);
  if (!local) throw new Error(`no local ${name} in scope`);
  return local.reg >= 0 ? Number(f.regs[local.reg]) : d.thread.mem.readI32(f.base + local.offset);
}
