// The debugger's way of running a thread: the same ops as `execute`, checked before each one against
// breakpoints and stepping, and watched memory checked after. It is a separate loop so that a program
// run without a debugger pays nothing for any of this.
import type { FunctionCode, Thread } from './thread';

export interface DebugHooks {
  /** Line breakpoints: for each function, the ops to stop before (1 = stop). */
  breakpoints: Map<FunctionCode, Uint8Array>;
  /** Function breakpoints: stop before the first op of these functions. */
  functionEntry: Set<FunctionCode>;
  /** Data breakpoints: stop after an op that wrote into any of these ranges. */
  watches: { addr: number; len: number }[];
  /**
   * Stepping: stop at the next statement start whose frame depth is at most `maxDepth`
   * (step in: Infinity; step over: the current depth; step out: one less).
   */
  step?: { maxDepth: number };
}

export type StopReason =
  | { kind: 'budget' }
  | { kind: 'done' }
  | { kind: 'breakpoint'; code: FunctionCode; pc: number }
  | { kind: 'function-entry'; code: FunctionCode }
  | { kind: 'step'; code: FunctionCode; pc: number }
  | { kind: 'watch'; addr: number; len: number };

export function emptyHooks(): DebugHooks {
  return { breakpoints: new Map(), functionEntry: new Set(), watches: [] };
}

/**
 * Runs up to `budget` ops, stopping early for a hook. With `resuming`, the op the thread stands at is run
 * without checking its hooks, so that continuing from a stop moves on.
 */
export function executeDebug(t: Thread, budget: number, hooks: DebugHooks, resuming = true): { ran: number; stop: StopReason } {
  let watchHit: { addr: number; len: number } | undefined;
  const mem = t.mem;
  const watching = hooks.watches.length > 0;
  if (watching) {
    mem.onWrite = (addr, len) => {
      for (const w of hooks.watches) if (addr < w.addr + w.len && addr + len > w.addr) watchHit ??= w;
    };
  }
  let ran = 0;
  let lastCode: FunctionCode | undefined;
  try {
    while (ran < budget) {
      const f = t.frame;
      if (f === undefined) return { ran, stop: { kind: 'done' } };
      if (f.code !== lastCode) {
        // What the thread's memory maps of the kernel's follows the mode of the code it runs (see execute).
        lastCode = f.code;
        t.mem.setKernelMode(f.code.inKernel);
      }
      if (ran > 0 || !resuming) {
        const stop = checkBefore(t, f.code, f.pc, hooks);
        if (stop) return { ran, stop };
      }
      ran++;
      t.steps++;
      f.code.ops[f.pc++]!(t, f.regs);
      if (watchHit) return { ran, stop: { kind: 'watch', ...watchHit } };
    }
    return { ran, stop: t.frame === undefined ? { kind: 'done' } : { kind: 'budget' } };
  } finally {
    if (watching) mem.onWrite = undefined;
  }
}

function checkBefore(t: Thread, code: FunctionCode, pc: number, hooks: DebugHooks): StopReason | undefined {
  if (pc === 0 && hooks.functionEntry.has(code)) return { kind: 'function-entry', code };
  if (hooks.breakpoints.get(code)?.[pc]) return { kind: 'breakpoint', code, pc };
  if (hooks.step && code.stmtStart[pc] && t.depth <= hooks.step.maxDepth) return { kind: 'step', code, pc };
  return undefined;
}

/** The ops where a breakpoint on `line` of `file` stops: the first statement start on that line in each function. */
export function opsOnLine(code: FunctionCode, file: string, line: number): number[] {
  const out: number[] = [];
  for (let pc = 0; pc < code.ops.length; pc++) {
    const p = code.opPos[pc]!;
    if (code.stmtStart[pc] && p.line === line && p.file === file) out.push(pc);
  }
  return out;
}
