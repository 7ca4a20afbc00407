// `forkscope run --mem`: the option, and the table the CLI prints on stderr at the end.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCliArgs, UsageError } from '../debug-adapter/cli-args';
import { formatMemoryTable } from '../debug-adapter/engine/kernel/mm-counters';

/** The bundled CLI, built for the test run by test/support/build-dist.ts. */
const forkscopeCommand = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'forkscope');

describe('--mem', () => {
  it('is a flag without a value', () => {
    expect(parseCliArgs(['run', 'a.c', '--mem'])).toMatchObject({ kind: 'run', mem: true });
    expect(parseCliArgs(['run', 'a.c'])).toMatchObject({ kind: 'run', mem: false });
    expect(() => parseCliArgs(['run', 'a.c', '--mem=1'])).toThrow(UsageError);
  });

  it('lines the columns up under their headings, as ps does, with the command last', () => {
    const row = { pid: 1234, comm: 'prog', startTime: 0, residentPages: 21, sharedPages: 1, privatePages: 20, cowFaults: 2, demandZeroFaults: 20 };
    expect(formatMemoryTable([row])).toBe('    PID    RSS  SHARED  PRIVATE  COWFLT COMMAND\n   1234     21       1       20       2 prog\n');
  });

  it('prints each process of the program on stderr, and the exit status stays the program\'s', () => {
    const dir = mkdtempSync(join(tmpdir(), 'forkscope-mem-'));
    const file = join(dir, 'cow.c');
    writeFileSync(file, `#include <sys/wait.h>
#include <unistd.h>
static char big[8 * 4096];
int main(void) {
  if (fork() == 0) {
    for (int i = 0; i < 8; i++) big[i * 4096] = 1;
    _exit(0);
  }
  wait(0);
  return 3;
}
`);
    const r = spawnSync(forkscopeCommand, ['run', file, '--mem'], { encoding: 'utf8' });
    expect(r.status).toBe(3);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines[0]).toContain('COMMAND');
    expect(lines.slice(1).map((l) => l.trim().split(/\s+/)[5])).toEqual(['cow', 'cow']);
  });
});
