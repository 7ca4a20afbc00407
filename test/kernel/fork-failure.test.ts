// A fork that fails part-way: copy_process undoes the steps that succeeded, so that nothing leaks.
// Each program forks children that block until it lets them go, until fork fails; then reaps them and
// does it again. Any descriptor table, fs_struct, signal_struct, mm or kernel stack left behind by
// the failed fork would leave less room for the second round, or a pipe writer open (a child's read
// would then block instead of seeing the end of the pipe).
import { describe, expect, it } from 'vitest';
import { compile, createMachine, formatDiagnostics, type KernelOptions } from '../../debug-adapter/engine/index';

const ROUNDS = `#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
static int round_of_forks(void) {
  int gate[2], n = 0, err;
  pipe(gate);
  for (;;) {
    pid_t p = fork();
    if (p < 0) { err = errno; break; }
    if (p == 0) { char c; close(gate[1]); _exit(read(gate[0], &c, 1) == 0 ? 0 : 1); }
    n++;
  }
  close(gate[1]);
  close(gate[0]);
  int reaped = 0, status, clean = 1;
  while (wait(&status) > 0) {
    reaped++;
    clean = clean && WIFEXITED(status) && WEXITSTATUS(status) == 0;
  }
  printf("%d children until fork failed with %s; reaped %d, %s\\n", n, strerror(err), reaped, clean ? "all saw the gate close" : "one did not");
  return n;
}
int main(void) {
  round_of_forks();
  round_of_forks();
  return 0;
}
`;

function run(options: KernelOptions): string {
  const file = '/w/rounds.c';
  const c = compile(file, { readFile: (p) => (p === file ? ROUNDS : undefined) });
  if (!c.program) throw new Error(formatDiagnostics(c.diagnostics, c.sources));
  const out: Uint8Array[] = [];
  const outcome = createMachine(c.program, { argv: ['./rounds'], stdio: 'pipe', maxSteps: 50_000_000, stdout: (b) => out.push(b.slice()), stderr: () => {} }, options).run();
  expect(outcome).toMatchObject({ kind: 'exited', status: 0 });
  return Buffer.concat(out).toString();
}

describe('a fork that fails', () => {
  it('with no kernel memory left fails with ENOMEM, and gives back all it took', () => {
    const lines = run({ kernelMemory: 2 * 1024 * 1024 }).split('\n');
    const n = Number(/^(\d+) children/.exec(lines[0]!)?.[1]);
    // Each child holds a 16 KiB kernel stack and its kernel structures: some tens fit in 2 MiB.
    expect(n).toBeGreaterThan(20);
    expect(n).toBeLessThan(128);
    const round = `${n} children until fork failed with Cannot allocate memory; reaped ${n}, all saw the gate close`;
    expect(lines).toEqual([round, round, '']);
  });

  it('with no PID left fails with EAGAIN, and gives the PIDs back', () => {
    // pid_max 400. The first round takes every PID above those boot, init, the shell and the program
    // hold; then allocation wraps, and as in Linux it wraps to 300 (RESERVED_PIDS), not to 1: the
    // second round has exactly PIDs 300 to 399, all of them given back by the first round's children.
    const lines = run({ pidMax: 400 }).split('\n');
    const n = Number(/^(\d+) children/.exec(lines[0]!)?.[1]);
    expect(n).toBeGreaterThan(300);
    const round = (k: number) => `${k} children until fork failed with Resource temporarily unavailable; reaped ${k}, all saw the gate close`;
    expect(lines).toEqual([round(n), round(100), '']);
  });
});
