// The programs in sample-programs/ are what a user opens first: each is run here as the README and its
// own header comment say to run it (`forkscope run sample-programs/X.c ...`), and what it teaches must
// show in the output.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, inject, it } from 'vitest';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const forkscopeCommand = join(repoRoot, 'dist', 'forkscope');
const TIMEOUT = { timeout: 30_000 };

function forkscope(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  return forkscopeWithInput('', ...args);
}

function forkscopeWithInput(input: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(forkscopeCommand, ['run', ...args], { cwd: repoRoot, encoding: 'utf8', timeout: 30_000, input });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  const error = inject('distBuildError');
  if (error) throw new Error(`dist/ could not be built:\n${error}`);
});

describe('sample programs', () => {
  it('minishell.c: each command forked, exec\'ed and waited for; > and | set up in the child; cd in the shell', TIMEOUT, () => {
    const script = 'echo hello > greeting.txt\ncat greeting.txt\nmkdir work\nls\ncd work\npwd\necho a b c | cat\nrm nothing\nfalse\npstree -p\nexit 3\n';
    const r = forkscopeWithInput(script, 'sample-programs/minishell.c');
    expect(r.status).toBe(3);
    expect(r.stderr).toBe("rm: cannot remove 'nothing': No such file or directory\n");
    const lines = r.stdout.split('\n');
    expect(lines.slice(0, -3)).toEqual([
      '/$ echo hello > greeting.txt',
      '/$ cat greeting.txt',
      'hello',
      '/$ mkdir work',
      '/$ ls',
      'bin',
      'dev',
      'greeting.txt',
      'proc',
      'tmp',
      'work',
      '/$ cd work',
      '/work$ pwd',
      '/work',
      '/work$ echo a b c | cat',
      'a b c',
      '/work$ rm nothing',
      '[exit status 1]',
      '/work$ false',
      '[exit status 1]',
      '/work$ pstree -p',
    ]);
    // The shell is the program's process, and the command it runs its child.
    expect(lines.slice(-3, -2)[0]).toMatch(/^init\(1\)---sh\(\d+\)---minishell\(\d+\)---pstree\(\d+\)$/);
    expect(lines.slice(-2)).toEqual(['/work$ exit 3', '']);
  });

  it('fork_wait.c: the child exits with 99 and the parent collects it (the lecture example)', TIMEOUT, () => {
    const r = forkscope('sample-programs/fork_wait.c', '--stdio', 'tty');
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^I am your father!: your pid is \d+$/);
    expect(lines.slice(1)).toEqual(['Nooooooooo!', 'Child exit status: 99', '']);
  });

  it('zombie.c: the zombie keeps its PID until wait releases it', TIMEOUT, () => {
    const r = forkscope('sample-programs/zombie.c');
    expect(r.status).toBe(0);
    const pid = /^child (\d+) exited with 7, not yet waited for$/m.exec(r.stdout)?.[1];
    expect(pid).toBeDefined();
    expect(r.stdout).toContain(`kill(${pid}, 0) = 0: the zombie still holds its PID`);
    expect(r.stdout).toContain(`after wait: kill(${pid}, 0) = -1 (No such process)`);
  });

  it('process_tree.c: pstree and ps, run from the program, show its family and the kernel threads', TIMEOUT, () => {
    const r = forkscope('sample-programs/process_tree.c');
    expect(r.status).toBe(0);
    const [tree, kthreads, children] = r.stdout.split('\n\n');
    // init → the shell → the program, whose children include the one with a grandchild, and pstree itself.
    const me = /^init\(1\)---sh\(\d+\)---process_tree\((\d+)\)-\+-process_tree\(\d+\)$/m.exec(tree!)?.[1];
    expect(me).toBeDefined();
    expect(tree).toMatch(/\|-process_tree\(\d+\)---process_tree\(\d+\)\n/);
    expect(tree).toMatch(/`-pstree\(\d+\)$/);
    // Every kernel thread is kthreadd's child; migration/0 moves tasks between CPUs.
    const names = kthreads!.split('\n').slice(2).map((l) => l.trim().split(/\s+/)[3]);
    expect(names).toEqual(expect.arrayContaining(['kworker/0:0', 'ksoftirqd/0', 'migration/0']));
    const rows = children!.trim().split('\n').slice(2).map((l) => l.trim().split(/\s+/));
    expect(rows.map((row) => row[2])).toEqual([me, me, me, me]);
    expect(rows.at(-1)!.slice(7).join(' ')).toBe(`ps -f --ppid ${me}`);
  });

  it('migration.c --cpus 2: a running task pinned elsewhere is moved, each time to the CPU it was pinned to', TIMEOUT, () => {
    const r = forkscope('sample-programs/migration.c', '--cpus', '2', '--stdio', 'tty');
    expect(r.status).toBe(0);
    // Whether the parent's line comes before the child's second move depends on which of the two,
    // now both on CPU 0, runs first once the move is done: either order is Linux's.
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.filter((l) => l.startsWith('child: '))).toEqual([
      'child: starts on CPU 0',
      'child: moved from CPU 0 to CPU 1',
      'child: moved from CPU 1 to CPU 0',
    ]);
    const parent = lines.findIndex((l) => l.startsWith('parent: '));
    expect(lines[parent]).toMatch(/^parent: pinned child \d+ to CPU 0 while it ran on CPU 1$/);
    // The parent pins the child back only after its first move.
    expect(parent).toBeGreaterThan(lines.indexOf('child: moved from CPU 0 to CPU 1'));
    expect(lines).toHaveLength(4);
  });

  it('orphan.c: the child sees its parent, then init once the parent is gone', TIMEOUT, () => {
    const r = forkscope('sample-programs/orphan.c', '--tree');
    expect(r.status).toBe(0);
    const [, child, parent] = /^child (\d+): my parent is (\d+)$/m.exec(r.stdout) ?? [];
    expect(r.stdout).toContain(`parent ${parent}: exiting, leaving child ${child} behind`);
    expect(r.stdout).toContain(`child ${child}: my parent is now 1 (init)`);
    // As the program (the parent) exits, its child is still alive: adopted by init, not under the shell.
    expect(r.stderr).toMatch(new RegExp(`init\\(1\\)─┬─orphan\\(${child}\\)`));
  });

  it('threads.c: one process, a task per thread, one address space', TIMEOUT, () => {
    const r = forkscope('sample-programs/threads.c');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^process (\d+), main thread \1$/m);
    expect(r.stdout.match(/same process, its own task \(tid differs from the pid\)/g)).toHaveLength(3);
    expect(r.stdout).toContain('counter = 30: the threads share one address space');
  });

  it('copy_on_write.c --mem: the child copies only the pages it writes', TIMEOUT, () => {
    const r = forkscope('sample-programs/copy_on_write.c', '--mem');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("parent: data[0] is still 'p'");
    const rows = r.stderr.trim().split('\n').slice(1).map((l) => l.trim().split(/\s+/));
    expect(rows).toHaveLength(2);
    const [, child] = rows;
    const [, , shared, priv, cow] = child!.map(Number);
    // 32 pages written (plus the stack's) are the child's own; the 32 only read stay shared.
    expect(cow).toBeGreaterThanOrEqual(32);
    expect(cow).toBeLessThanOrEqual(36);
    expect(priv).toBeGreaterThanOrEqual(32);
    expect(shared).toBeGreaterThanOrEqual(32);
  });
});
