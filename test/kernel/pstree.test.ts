// The process tree as `pstree -p` draws it: connectors, sibling order, zombies, and trees far deeper than
// the host's call stack (a chain of thousands of nested forks).
import { describe, expect, it } from 'vitest';
import { compile, createMachine, formatDiagnostics } from '../../debug-adapter/engine/index';
import { formatProcessTree, type ProcessNode } from '../../debug-adapter/engine/kernel/pstree';
import { memoryFS, PROG_PATH } from '../support/run-c';

const node = (comm: string, pid: number, children: ProcessNode[] = [], zombie = false): ProcessNode => ({ comm, pid, zombie, children });

/** A chain of `depth` processes, each the only child of the one before. */
function chain(depth: number): ProcessNode {
  let n = node('p', depth);
  for (let pid = depth - 1; pid >= 1; pid--) n = node('p', pid, [n]);
  return n;
}

describe('formatProcessTree', () => {
  it("draws pstree's connectors: ─── for an only child, ─┬─ ├─ └─ for siblings, │ to continue a branch", () => {
    const tree = node('init', 1, [
      node('a', 5, [node('x', 7), node('y', 8)]),
      node('b', 6, [node('z', 9, [], true)]),
      node('c', 10),
    ]);
    expect(formatProcessTree([tree, node('kthreadd', 2)])).toBe(
      [
        'init(1)─┬─a(5)─┬─x(7)',
        '        │      └─y(8)',
        '        ├─b(6)───z(9) <zombie>',
        '        └─c(10)',
        'kthreadd(2)',
        '',
      ].join('\n'),
    );
  });

  it('draws a chain 100,000 deep on one line, without recursion', () => {
    const text = formatProcessTree([chain(100_000)]);
    expect(text.split('\n')).toHaveLength(2);
    expect(text.startsWith('p(1)───p(2)───p(3)')).toBe(true);
    expect(text.endsWith('───p(99999)───p(100000)\n')).toBe(true);
  });

  it('indents the siblings under a deep chain to their parent\'s column', () => {
    const deep = chain(3000);
    let last = deep;
    while (last.children.length > 0) last = last.children[0]!;
    last.children.push(node('q', 1), node('r', 2));
    const lines = formatProcessTree([deep]).split('\n');
    expect(lines[1]).toBe(`${' '.repeat(lines[0]!.indexOf('─┬─'))} └─r(2)`);
  });
});

describe('the tree of a running machine', () => {
  it('reads a chain of 5,000 nested forks from the task_structs', () => {
    const depth = 5000;
    const source = `#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>
int main(void) {
  for (int i = 0; i < ${depth}; i++) {
    pid_t p = fork();
    if (p < 0) return 1;
    if (p > 0) { waitpid(p, NULL, 0); return 0; }
  }
  write(1, "bottom\\n", 7);
  return 0;
}
`;
    const c = compile(PROG_PATH, memoryFS(source));
    if (!c.program) throw new Error(formatDiagnostics(c.diagnostics, c.sources));
    let tree: string | undefined;
    const machine = createMachine(c.program, {
      argv: ['./prog'],
      stdio: 'pipe',
      // The deepest process is running: every ancestor waits for its child, the whole chain is alive.
      stdout: () => (tree ??= machine.processTree()),
      stderr: () => {},
    });
    expect(machine.run()).toMatchObject({ kind: 'exited', status: 0 });
    const first = tree!.split('\n')[0]!;
    expect(first).toMatch(/^init\(1\)───sh\(\d+\)───prog\(\d+\)───prog/);
    expect(first.match(/prog\(\d+\)/g)).toHaveLength(depth + 1);
  }, 120_000);
});
