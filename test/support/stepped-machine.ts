// A program booted on a machine the test steps itself, to look at the kernel's state while the
// program runs (memory counters, sharing, tmpfs), rather than only at what it printed in the end.
import { compile, createMachine, type Machine } from '../../debug-adapter/engine/index';

export interface SteppedMachine {
  machine: Machine;
  stdout: () => string;
}

/** Compiles `source` as /w/prog.c and boots it, its stdout a pipe the test reads. */
export function bootProgram(source: string): SteppedMachine {
  const c = compile('/w/prog.c', { readFile: (p) => (p === '/w/prog.c' ? source : undefined) });
  if (!c.program) throw new Error(JSON.stringify(c.diagnostics));
  const out: Uint8Array[] = [];
  const machine = createMachine(c.program, { argv: ['./prog'], stdio: 'pipe', stdout: (b) => out.push(b.slice()), stderr: () => {} });
  return { machine, stdout: () => Buffer.concat(out).toString() };
}

/** Runs until the program has printed a line starting with `marker`; returns that line's numbers. */
export function runUntil(m: SteppedMachine, marker: string): number[] {
  for (let i = 0; i < 100_000; i++) {
    const line = m.stdout().split('\n').find((l) => l.startsWith(marker));
    if (line) return line.slice(marker.length).trim().split(/\s+/).map(Number);
    if (m.machine.step(4096).outcome) break;
  }
  throw new Error(`the program never printed ${marker}: ${m.stdout()}`);
}
