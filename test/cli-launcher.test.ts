// The `forkscope` command is a launcher (dist/forkscope) that starts the CLI from the startup snapshot
// the build makes (dist/forkscope.blob), or runs the plain bundle (dist/cli.js) when the snapshot was
// made by another node. Both must behave as one command: same output, same status, same messages.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(repoRoot, 'dist');
const TIMEOUT = { timeout: 60_000 };

let workDir: string;

beforeAll(() => {
  const error = inject('distBuildError');
  if (error) throw new Error(`dist/ could not be built:\n${error}`);
  workDir = mkdtempSync(join(tmpdir(), 'forkscope-launcher-'));
});

afterAll(() => {
  rmSync(workDir, { recursive: true, force: true });
});

interface Result {
  status: number | null;
  stdout: string;
  stderr: string;
}

function spawn(command: string, args: string[]): Result {
  const r = spawnSync(command, args, { cwd: repoRoot, encoding: 'utf8', timeout: 60_000 });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const launcher = (...args: string[]): Result => spawn(join(dist, 'forkscope'), args);
const plainBundle = (...args: string[]): Result => spawn(process.execPath, [join(dist, 'cli.js'), ...args]);

function program(name: string, source: string): string {
  const file = join(workDir, name);
  writeFileSync(file, source);
  return file;
}

describe('the forkscope launcher', () => {
  it('gives the same output, status and messages from the snapshot as the plain bundle', TIMEOUT, () => {
    const forks = program(
      'forks.c',
      '#include <stdio.h>\n#include <stdlib.h>\n#include <unistd.h>\n#include <sys/wait.h>\n' +
        'int main(void) { printf("before\\n"); if (fork() == 0) { printf("child\\n"); exit(7); }\n' +
        '  int st; wait(&st); printf("status %d\\n", WEXITSTATUS(st)); return 3; }\n',
    );
    const segfault = program('segv.c', 'int main(void) { int *p = 0; return *p; }\n');
    const syntaxError = program('bad.c', 'int main(void) { return 0 }\n');
    const commands = [
      ['run', forks, '--trace', '--tree'],
      ['run', segfault],
      ['run', syntaxError],
      ['run', join(repoRoot, 'sample-programs', 'kthread.c'), '--dmesg'],
      ['--help'],
      ['--version'],
      ['run'],
    ];
    for (const args of commands) expect(launcher(...args), args.join(' ')).toEqual(plainBundle(...args));
    // And what they agree on is the program's behaviour, not an early failure of both. (stdout is a
    // pipe, so "before" waits in the buffer fork copies, and the child prints it too.)
    const r = launcher('run', forks);
    expect(r).toMatchObject({ status: 3, stdout: 'before\nchild\nbefore\nstatus 7\n' });
  });

  it('passes options such as --help and "--" on to forkscope, not to node', TIMEOUT, () => {
    expect(launcher('--help').stdout).toMatch(/^Usage: forkscope run FILE/);
    const args = program('args.c', '#include <stdio.h>\nint main(int c, char **v) { for (int i = 1; i < c; i++) printf("%s\\n", v[i]); return 0; }\n');
    expect(launcher('run', args, '--', '--version', '-x').stdout).toBe('--version\n-x\n');
  });

  describe('chooses the snapshot only when this node made it', () => {
    /** A copy of the launcher beside the real snapshot and a stand-in for the plain bundle. */
    function installWithSnapshotFrom(nodeVersion: string): string {
      const dir = mkdtempSync(join(workDir, 'dist-'));
      copyFileSync(join(dist, 'forkscope'), join(dir, 'forkscope'));
      symlinkSync(join(dist, 'forkscope.blob'), join(dir, 'forkscope.blob'));
      writeFileSync(join(dir, 'forkscope.blob.node'), nodeVersion);
      writeFileSync(join(dir, 'cli.js'), 'console.log("the plain bundle ran");\n');
      return join(dir, 'forkscope');
    }
    const hello = join(repoRoot, 'sample-programs', 'hello.c');

    it('runs the snapshot made by this node (which needs no sysroot beside it: it holds the compiled one)', TIMEOUT, () => {
      const version = readFileSync(join(dist, 'forkscope.blob.node'), 'utf8');
      expect(version).toBe(spawnSync('node', ['--version'], { encoding: 'utf8' }).stdout.trim());
      const r = spawn(installWithSnapshotFrom(version), ['run', hello]);
      expect(r).toMatchObject({ status: 0, stdout: 'Hello, world!\n' });
    });

    it('runs the plain bundle when another node made the snapshot', TIMEOUT, () => {
      const r = spawn(installWithSnapshotFrom('v0.0.0'), ['run', hello]);
      expect(r).toMatchObject({ status: 0, stdout: 'the plain bundle ran\n' });
    });
  });
});
