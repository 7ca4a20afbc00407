// The clock is virtual: sleeping takes no real time, and a run whose processes sleep forever ends at
// the limit on virtual time instead of hanging.
import { expect, it } from 'vitest';
import { compile, run } from '../../debug-adapter/engine/index';
import { memoryFS, PROG_PATH } from '../support/run-c';

function outcomeOf(src: string, maxVirtualSeconds?: number) {
  const c = compile(PROG_PATH, memoryFS(src));
  if (!c.program) throw new Error('did not compile');
  const out: Uint8Array[] = [];
  const outcome = run(c.program, { argv: ['./prog'], stdio: 'pipe', maxVirtualSeconds, stdout: (b) => out.push(b.slice()), stderr: () => {} });
  return { outcome, stdout: Buffer.concat(out).toString() };
}

it('a process that sleeps forever ends the run at the limit on virtual time', () => {
  const r = outcomeOf('#include <stdio.h>\n#include <unistd.h>\nint main(void) { for (int i = 0; ; i++) { printf("%d\\n", i); fflush(stdout); sleep(10); } }\n', 120);
  expect(r.outcome).toMatchObject({ kind: 'time-limit', seconds: 120 });
  // It printed at 0, 10, ... 110 virtual seconds; its next wake-up, just past 120, is beyond the limit.
  expect(r.stdout.trim().split('\n')).toHaveLength(12);
});
