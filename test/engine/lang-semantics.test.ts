// Where Forkscope deliberately differs from, or pins down what is unspecified in, a native run:
// these expectations are Forkscope's documented behaviour (docs/language.md), not gcc's output.
import { describe, expect, test } from 'vitest';
import { compile, run } from '../../debug-adapter/engine/index';
import { memoryFS, PROG_PATH, runC } from '../support/run-c';

/** Runs a program and records stdout and stderr writes in the order the engine made them. */
function writeOrder(src: string, stdio: 'tty' | 'pipe'): string[] {
  const compiled = compile(PROG_PATH, memoryFS(src));
  if (!compiled.program) throw new Error('does not compile');
  const writes: string[] = [];
  const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');
  run(compiled.program, {
    argv: ['./prog'],
    stdio,
    stdout: (b) => writes.push(`out:${text(b)}`),
    stderr: (b) => writes.push(`err:${text(b)}`),
  });
  return writes;
}

describe('Forkscope-specific semantics', () => {
  test('uninitialised locals read as zero', () => {
    const r = runC(`#include <stdio.h>
int main(void) { int i; double d; char *p; int a[3]; printf("%d %g %d %d\\n", i, d, p == 0, a[2]); return 0; }
`);
    expect(r.stdout).toBe('0 0 1 0\n');
  });

  test('long double takes 16 bytes as on x86-64 but holds a double', () => {
    const r = runC(`#include <stdio.h>
int main(void) { long double x = 1.0L / 3; printf("%zu %d\\n", sizeof x, x == 1.0 / 3); return 0; }
`);
    expect(r.stdout).toBe('16 1\n');
  });

  const interleaved = `#include <stdio.h>
int main(void) { printf("out1\\n"); fprintf(stderr, "err\\n"); printf("out2\\n"); return 0; }
`;
  test('stdout to a terminal is line-buffered', () => {
    expect(writeOrder(interleaved, 'tty')).toEqual(['out:out1\n', 'err:err\n', 'out:out2\n']);
  });

  test('stdout to a pipe is fully buffered in 4096-byte blocks; stderr is unbuffered', () => {
    expect(writeOrder(interleaved, 'pipe')).toEqual(['err:err\n', 'out:out1\nout2\n']);
    const big = writeOrder(`#include <stdio.h>
int main(void) { for (int i = 0; i < 5000; i++) putchar('x'); fputs("E", stderr); return 0; }
`, 'pipe');
    expect(big.map((w) => (w.startsWith('out:') ? `out ${w.length - 4}` : w))).toEqual(['out 4096', 'err:E', 'out 904']);
  });

  test.each([
    ['int *p = 0; *p = 1;', 11, 'Segmentation fault'],
    ['volatile int z = 0; int x = 1 / z; (void)x;', 8, 'Floating point exception'],
    ['abort();', 6, 'Aborted'],
  ])('a fault is a simulated signal: %s', (body, signal, description) => {
    const r = runC(`#include <stdlib.h>\nint main(void) { ${body} return 0; }\n`);
    expect(r.outcome).toMatchObject({ kind: 'signaled', signal, description });
  });
});
