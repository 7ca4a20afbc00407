// Drives the `forkscope` command (dist/forkscope, built by test/support/build-dist.ts) the way a user does
// from a shell, and checks what the shell would see: output, status and messages.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import packageJson from '../package.json';

// The `forkscope` command as npm installs it (package.json's bin): the launcher, which starts the CLI
// from its startup snapshot.
const forkscopeCommand = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'forkscope');

let workDir: string;

interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `forkscope ARGS` in the work directory, with `input` on its stdin and its stdout a pipe. */
function forkscope(args: string[], input = ''): CliResult {
  const result = spawnSync(forkscopeCommand, args, {
    cwd: workDir,
    input,
    encoding: 'utf8',
    timeout: 30_000,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Writes a C program into the work directory and returns its name relative to it. */
function program(name: string, source: string): string {
  writeFileSync(join(workDir, name), source);
  return name;
}

/** Each test starts Node and compiles C a few times; under a loaded full test run that can take seconds. */
const CLI_TEST_TIMEOUT = { timeout: 30_000 };

beforeAll(() => {
  const buildError = inject('distBuildError');
  if (buildError !== null) throw new Error(`building dist/ failed:\n${buildError}`);
  workDir = mkdtempSync(join(tmpdir(), 'forkscope-cli-'));
});

afterAll(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe('forkscope run', CLI_TEST_TIMEOUT, () => {
  it('prints hello world and exits 0', () => {
    const file = program('hello.c', '#include <stdio.h>\nint main(void) {\n  printf("hello, world\\n");\n  return 0;\n}\n');
    expect(forkscope(['run', file])).toEqual({ status: 0, stdout: 'hello, world\n', stderr: '' });
  });

  it("passes the program's exit status through, from return and from exit()", () => {
    const returns = program('ret42.c', 'int main(void) { return 42; }\n');
    expect(forkscope(['run', returns]).status).toBe(42);
    const exits = program('exit3.c', '#include <stdlib.h>\nstatic void f(void) { exit(3); }\nint main(void) { f(); return 0; }\n');
    expect(forkscope(['run', exits]).status).toBe(3);
  });

  it('reports a compile error the way gcc does, naming the file as typed, and exits 1', () => {
    const file = program('bad.c', 'int main(void) {\n  return undeclared_name;\n}\n');
    const result = forkscope(['run', file]);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^bad\.c:2:10: error: .*undeclared_name/m);
    // gcc's source excerpt: the line with its number, then a caret under the column.
    expect(result.stderr).toContain('    2 |   return undeclared_name;\n');
    expect(result.stderr).toContain('      |          ^\n');
  });

  it('says "Segmentation fault" and exits 139 when the program dereferences NULL', () => {
    const file = program(
      'segv.c',
      '#include <stdio.h>\nint main(void) {\n  int *p = NULL;\n  printf("before\\n");\n  *p = 1;\n  printf("after\\n");\n  return 0;\n}\n',
    );
    const result = forkscope(['run', file]);
    expect(result.status).toBe(139);
    expect(result.stderr).toBe('Segmentation fault\n');
    // stdout is a pipe, so "before" was still in the stdio buffer when the signal killed the process.
    expect(result.stdout).toBe('');
  });

  it('says "Floating point exception" and exits 136 on integer division by zero', () => {
    const file = program('fpe.c', 'int main(int argc, char **argv) {\n  int zero = argc - 1;\n  return 10 / zero;\n}\n');
    expect(forkscope(['run', file])).toEqual({ status: 136, stdout: '', stderr: 'Floating point exception\n' });
  });

  it('ends infinite recursion with a stack overflow: SIGSEGV, 139', () => {
    const file = program('recurse.c', 'int down(int n) { return down(n + 1) + 1; }\nint main(void) { return down(0); }\n');
    const result = forkscope(['run', file]);
    expect(result.status).toBe(139);
    expect(result.stderr).toBe('Segmentation fault\n');
  });

  it('stops a runaway loop at --max-steps with exit status 124 and says why', () => {
    const file = program('spin.c', 'int main(void) {\n  while (1);\n}\n');
    const result = forkscope(['run', file, '--max-steps', '100000']);
    expect(result.status).toBe(124);
    expect(result.stderr).toBe(
      'forkscope: step limit of 100000 steps reached; the program may be in an infinite loop\n',
    );
  });

  it('buffers stdout by line for --stdio tty and fully for --stdio pipe', () => {
    const file = program(
      'order.c',
      '#include <stdio.h>\n#include <unistd.h>\nint main(void) {\n  printf("from printf\\n");\n  write(1, "from write\\n", 11);\n  return 0;\n}\n',
    );
    expect(forkscope(['run', '--stdio', 'tty', file]).stdout).toBe('from printf\nfrom write\n');
    expect(forkscope(['run', '--stdio', 'pipe', file]).stdout).toBe('from write\nfrom printf\n');
    // Our stdout is a pipe here, so that is the default.
    expect(forkscope(['run', file]).stdout).toBe('from write\nfrom printf\n');
  });

  it('passes the arguments after -- to the program, with the file as typed in argv[0]', () => {
    const file = program(
      'args.c',
      '#include <stdio.h>\nint main(int argc, char **argv) {\n  for (int i = 0; i < argc; i++) printf("[%s]\\n", argv[i]);\n  return argc;\n}\n',
    );
    const result = forkscope(['run', file, '--', 'one', 'two words', '--max-steps']);
    expect(result).toEqual({ status: 4, stdout: '[args.c]\n[one]\n[two words]\n[--max-steps]\n', stderr: '' });
  });

  it("gives redirected input to the program's stdin", () => {
    const file = program(
      'upper.c',
      '#include <stdio.h>\n#include <ctype.h>\nint main(void) {\n  int c;\n  while ((c = getchar()) != EOF) putchar(toupper(c));\n  return 0;\n}\n',
    );
    expect(forkscope(['run', file], 'abc\ndef\n').stdout).toBe('ABC\nDEF\n');
  });

  it('delivers all of a large output to a pipe before exiting', () => {
    const file = program(
      'lots.c',
      '#include <stdio.h>\nint main(void) {\n  for (int i = 0; i < 20000; i++) printf("line %d\\n", i);\n  fprintf(stderr, "done\\n");\n  return 0;\n}\n',
    );
    const result = forkscope(['run', file]);
    const lines = result.stdout.split('\n');
    expect(lines.length).toBe(20001);
    expect(lines[19999]).toBe('line 19999');
    expect(result.stderr).toBe('done\n');
  });
});

describe('forkscope usage', CLI_TEST_TIMEOUT, () => {
  it('--help prints the usage on stdout', () => {
    const result = forkscope(['--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Usage: forkscope run FILE \[options\] \[-- ARGS\.\.\.\]/);
    expect(result.stdout).toContain('--max-steps N');
  });

  it('--version prints the package version', () => {
    expect(forkscope(['--version'])).toEqual({ status: 0, stdout: `forkscope ${packageJson.version}\n`, stderr: '' });
  });

  it('exits 2 with a clear message when the file does not exist', () => {
    expect(forkscope(['run', 'nope.c'])).toEqual({
      status: 2,
      stdout: '',
      stderr: "forkscope: cannot read 'nope.c': No such file or directory\n",
    });
  });

  it('exits 2 on an unknown option, pointing at --help', () => {
    const result = forkscope(['run', 'x.c', '--turbo']);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe("forkscope: unknown option '--turbo'\nTry 'forkscope --help' for more information.\n");
  });
});
