// Runtime faults end the simulated process with the signal Linux would send, never with a host
// exception: SIGSEGV for bad memory and stack overflow, SIGFPE for integer division traps, SIGABRT for
// abort() and failed assertions. Also how exit statuses are truncated, and what happens to buffered
// output when a process is killed.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileNative, hasCC, runNative } from '../../scripts/differential-native.mjs';
import { PROG_PATH, runC } from '../support/run-c';

const SEGV = { kind: 'signaled', signal: 11, description: 'Segmentation fault' };
const FPE = { kind: 'signaled', signal: 8, description: 'Floating point exception' };
const ABRT = { kind: 'signaled', signal: 6, description: 'Aborted' };

/** A program that must compile cleanly; returns what running it did. */
function runClean(source: string, maxSteps?: number) {
  const r = runC(source, { maxSteps });
  if (r.outcome === undefined) throw new Error(`did not compile:\n${r.diagnostics}`);
  return r;
}

describe('SIGSEGV', () => {
  it('dereferencing NULL', () => {
    const r = runClean('int main(void) {\n  int *p = 0;\n  return *p;\n}\n');
    expect(r.outcome).toMatchObject(SEGV);
  });

  it('writing into a string literal (read-only data)', () => {
    const r = runClean('int main(void) {\n  char *s = "hello";\n  s[0] = \'H\';\n  return s[0];\n}\n');
    expect(r.outcome).toMatchObject(SEGV);
  });

  it('a wild pointer into unmapped memory', () => {
    const r = runClean('int main(void) {\n  int *w = (int *)0x12345678;\n  *w = 1;\n  return 0;\n}\n');
    expect(r.outcome).toMatchObject(SEGV);
  });

  it('an index far past the end of the heap', () => {
    const r = runClean('#include <stdlib.h>\nint main(void) {\n  char *p = malloc(16);\n  p[100000000] = 1;\n  return 0;\n}\n');
    expect(r.outcome).toMatchObject(SEGV);
  });

  // Found by the fuzz tests: a library call handed a huge length must fault like the real one does,
  // not throw out of the engine.
  it('memset and memcpy with a length of (size_t)-1', () => {
    expect(runClean('#include <string.h>\nint main(void) {\n  char b[8];\n  memset(b, 0, -1);\n  return 0;\n}\n').outcome).toMatchObject(SEGV);
    expect(runClean('#include <string.h>\nint main(int argc, char **argv) {\n  char b[8];\n  memcpy(b, argv[0], (size_t)-argc);\n  return 0;\n}\n').outcome).toMatchObject(SEGV);
  });

  it('unbounded recursion overflows the 8 MiB stack', () => {
    const r = runClean('int down(int n) {\n  return down(n + 1) + 1;\n}\nint main(void) {\n  return down(0);\n}\n');
    expect(r.outcome).toMatchObject(SEGV);
  });
});

describe('SIGFPE', () => {
  // The divisors come from argc so that no compiler could fold them.
  it.each([
    ['division', 'n / z'],
    ['modulo', 'n % z'],
    ['long division', '(long)n / (long)z'],
    ['unsigned division', '(unsigned)n / (unsigned)z'],
  ])('integer %s by zero', (_name, expr) => {
    const r = runClean(`#include <stdio.h>\nint main(int argc, char **argv) {\n  int n = 7, z = argc - 1;\n  printf("%d\\n", (int)(${expr}));\n  return 0;\n}\n`);
    expect(r.outcome).toMatchObject(FPE);
  });

  it.each([
    ['INT_MIN / -1', 'a / b'],
    ['INT_MIN % -1', 'a % b'],
  ])('%s traps as idiv does on x86-64', (_name, expr) => {
    const r = runClean(`#include <limits.h>\n#include <stdio.h>\nint main(int argc, char **argv) {\n  int a = INT_MIN, b = -argc;\n  printf("%d\\n", ${expr});\n  return 0;\n}\n`);
    expect(r.outcome).toMatchObject(FPE);
  });

  it('floating-point division by zero does not trap', () => {
    const r = runClean('#include <stdio.h>\nint main(int argc, char **argv) {\n  double z = argc - 1;\n  printf("%f\\n", 1.0 / z);\n  return 0;\n}\n');
    expect(r.stdout).toBe('inf\n');
    expect(r.outcome).toMatchObject({ kind: 'exited', status: 0 });
  });
});

describe('SIGABRT', () => {
  it('abort()', () => {
    const r = runClean('#include <stdlib.h>\nint main(void) {\n  abort();\n}\n');
    expect(r.outcome).toMatchObject(ABRT);
  });

  it('a failed assert prints glibc\'s message on stderr, then aborts without flushing stdout', () => {
    const r = runClean('#include <stdio.h>\n#include <assert.h>\nint main(int argc, char **argv) {\n  int x = argc + 1;\n  printf("checking\\n");\n  assert(x == 3);\n  return 0;\n}\n');
    // glibc names the program by the last part of argv[0] ("./prog" → "prog").
    expect(r.stderr).toBe(`prog: ${PROG_PATH}:6: main: Assertion \`x == 3' failed.\n`);
    expect(r.stdout).toBe('');
    expect(r.outcome).toMatchObject(ABRT);
  });

  it('a passing assert does nothing', () => {
    const r = runClean('#include <assert.h>\nint main(void) {\n  int x = 2;\n  assert(x == 2);\n  return 5;\n}\n');
    expect(r.stderr).toBe('');
    expect(r.outcome).toMatchObject({ kind: 'exited', status: 5 });
  });
});

describe('system calls with bad arguments', () => {
  it('write() with a count of -1 fails with EFAULT instead of faulting', () => {
    const r = runClean('#include <unistd.h>\n#include <stdio.h>\n#include <errno.h>\nint main(void) {\n  long r = write(1, "hi\\n", -1);\n  printf("%ld %d\\n", r, errno);\n  return 0;\n}\n');
    expect(r.stdout).toBe('-1 14\n');
    expect(r.outcome).toMatchObject({ kind: 'exited', status: 0 });
  });
});

describe('step limit', () => {
  it('an endless loop ends with step-limit once maxSteps ops have run', () => {
    const r = runClean('int main(void) {\n  while (1);\n}\n', 100_000);
    expect(r.outcome?.kind).toBe('step-limit');
    expect(r.outcome?.steps).toBeGreaterThanOrEqual(100_000);
    expect(r.outcome?.steps).toBeLessThan(100_100);
  });
});

describe('exit status', () => {
  it.each([
    ['return 3 from main', 'return 3;', 3],
    ['exit(256) keeps the low 8 bits', 'exit(256);', 0],
    ['exit(-1)', 'exit(-1);', 255],
    ['return 258 from main', 'return 258;', 2],
  ])('%s', (_name, stmt, status) => {
    const r = runClean(`#include <stdlib.h>\nint main(void) {\n  ${stmt}\n}\n`);
    expect(r.outcome).toMatchObject({ kind: 'exited', status });
  });
});

// Killed processes lose what sits in stdio's buffers: with stdout a pipe, glibc buffers it fully and a
// signal gives no chance to flush, while stderr is unbuffered. Compared with the real thing when cc exists.
const killedAfterOutput: [string, string][] = [
  ['SIGSEGV', '#include <stdio.h>\nint main(void) {\n  printf("before the crash\\n");\n  fprintf(stderr, "to stderr\\n");\n  int *p = 0;\n  *p = 1;\n  return 0;\n}\n'],
  ['SIGFPE', '#include <stdio.h>\nint main(int argc, char **argv) {\n  printf("about to divide\\n");\n  fprintf(stderr, "err line\\n");\n  printf("%d\\n", 7 / (argc - 1));\n  return 0;\n}\n'],
  ['abort', '#include <stdio.h>\n#include <stdlib.h>\nint main(void) {\n  puts("never seen");\n  fputs("seen\\n", stderr);\n  abort();\n}\n'],
];

describe('output buffered when a signal kills the process', () => {
  it.each(killedAfterOutput)('%s: buffered stdout is lost, stderr is not', (_name, source) => {
    const r = runClean(source);
    expect(r.outcome?.kind).toBe('signaled');
    expect(r.stdout).toBe('');
    expect(r.stderr).not.toBe('');
  });

  it('exit() does flush it', () => {
    const r = runClean('#include <stdio.h>\n#include <stdlib.h>\nint main(void) {\n  printf("kept");\n  exit(4);\n}\n');
    expect(r.stdout).toBe('kept');
    expect(r.outcome).toMatchObject({ kind: 'exited', status: 4 });
  });
});

// gcc folds `1 / x` into a comparison even at -O0, so the divisions here have other numerators.
describe.runIf(hasCC())('the same programs natively (stdout and stderr piped)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'forkscope-faults-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(killedAfterOutput)('%s', async (name, source) => {
    const src = join(dir, `${name}.c`);
    const exe = join(dir, name);
    writeFileSync(src, source);
    await compileNative(src, exe);
    const native = await runNative(exe, ['./prog']);
    const r = runClean(source);
    const status = r.outcome?.kind === 'signaled' ? 128 + r.outcome.signal : r.outcome?.kind === 'exited' ? r.outcome.status : -1;
    expect({ stdout: r.stdout, stderr: r.stderr, status }).toEqual({
      stdout: native.stdout.toString('utf8'),
      stderr: native.stderr.toString('utf8'),
      status: native.status,
    });
  });
});
