// Shared by the language tests (test/engine/lang-*.test.ts): each case is a small C program with the
// stdout and exit status gcc -O0 gives it on x86-64 Linux, checked natively when the case was written.
// The expectations are literals, so the tests run without a C compiler.
import { describe, expect, test } from 'vitest';
import { runC } from '../support/run-c';

export interface LangCase {
  name: string;
  /** The whole program; cases include the headers they use. */
  src: string;
  /** Exact stdout, with stdout a pipe (as the native check ran it). */
  out: string;
  /** Exit status, 0 unless given. */
  status?: number;
  /** A signal number the program is killed by, instead of an exit status. */
  signal?: number;
}

/** Far more than any case needs: reaching it means the engine loops where the program does not. */
const MAX_STEPS = 20_000_000;

/** Defines one vitest test per case: the stdout and the way the program ended must match exactly. */
export function langCases(title: string, cases: LangCase[]): void {
  describe(title, () => {
    test.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
      const r = runC(c.src, { maxSteps: MAX_STEPS });
      expect(r.outcome, r.diagnostics).toBeDefined();
      expect(r.stdout).toBe(c.out);
      if (c.signal !== undefined) expect(r.outcome).toMatchObject({ kind: 'signaled', signal: c.signal });
      else expect(r.outcome).toMatchObject({ kind: 'exited', status: c.status ?? 0 });
    });
  });
}
