// The process tree as `pstree -p` draws it, read from the task_structs in kernel memory: each task's
// children list links its children through their sibling fields, as kernel code walks it with
// list_for_each_entry(p, &parent->children, sibling).
//
//   init(1)───sh(3)───prog(4)─┬─prog(5)
//                             └─prog(6) <zombie>
//   kthreadd(2)
//
// The idle task (swapper/0, PID 0) is the root of every task but, as in pstree, is not shown: its
// children (init and kthreadd) each start a tree. Siblings are sorted by name, then PID, as pstree sorts
// them; a zombie (EXIT_ZOMBIE: exited, not yet waited for) is marked " <zombie>".
import type { AddressSpace } from '../vm/memory';
import type { StructView } from './layout';

const EXIT_ZOMBIE = 0x20;
const EXIT_DEAD = 0x10;

export interface ProcessNode {
  pid: number;
  comm: string;
  zombie: boolean;
  children: ProcessNode[];
}

/** The children of the task at `ts`, read from its children list (a list_head of sibling fields), and theirs below them. */
export function readChildren(kmem: AddressSpace, task: StructView, ts: number): ProcessNode[] {
  const siblingOffset = task.offsetOf('sibling');
  const roots: ProcessNode[] = [];
  // An explicit stack of (task, where its children go) rather than recursion: a chain of thousands of
  // nested forks is a tree thousands deep, deeper than the host's call stack.
  const pending: { ts: number; into: ProcessNode[] }[] = [{ ts, into: roots }];
  const filled: ProcessNode[][] = [];
  for (let item = pending.pop(); item; item = pending.pop()) {
    const head = item.ts + task.offsetOf('children');
    // list_head.next is the first member; a list that comes back to its head is done.
    for (let link = kmem.readPtr(head); link !== head; link = kmem.readPtr(link)) {
      const child = link - siblingOffset;
      const exitState = task.get(kmem, child, 'exit_state');
      // EXIT_DEAD: being released (a self-reaping child), no longer a process anyone can see.
      if (exitState & EXIT_DEAD) continue;
      const node: ProcessNode = { pid: task.get(kmem, child, 'pid'), comm: task.getString(kmem, child, 'comm'), zombie: exitState === EXIT_ZOMBIE, children: [] };
      item.into.push(node);
      pending.push({ ts: child, into: node.children });
    }
    filled.push(item.into);
  }
  for (const list of filled) list.sort(byNameThenPid);
  return roots;
}

function byNameThenPid(a: ProcessNode, b: ProcessNode): number {
  return a.comm < b.comm ? -1 : a.comm > b.comm ? 1 : a.pid - b.pid;
}

/**
 * Every tree under the idle task, drawn as `pstree -p` draws them, one line per leaf. A node's first
 * child goes on the node's own line, the others on lines of their own below it, indented to the node's
 * column. Drawn top down with an explicit stack, for trees deeper than the host's call stack.
 */
export function formatProcessTree(roots: readonly ProcessNode[]): string {
  const lines: string[] = [];
  let line = '';
  // `indent`: what precedes this node's column on the lines below it; `opens`: the start of a new line
  // for a node that is not its parent's first child (the first continues its parent's line).
  const pending: { node: ProcessNode; indent: string; opens?: string }[] = [];
  for (let i = roots.length - 1; i >= 0; i--) pending.push({ node: roots[i]!, indent: '', opens: '' });
  for (let item = pending.pop(); item; item = pending.pop()) {
    const { node, indent } = item;
    if (item.opens !== undefined) line = item.opens;
    const name = label(node);
    line += name;
    const kids = node.children;
    if (kids.length === 0) {
      lines.push(line);
      continue;
    }
    const pad = indent + ' '.repeat(name.length);
    if (kids.length === 1) {
      line += '───';
      pending.push({ node: kids[0]!, indent: `${pad}   ` });
      continue;
    }
    line += '─┬─';
    for (let i = kids.length - 1; i >= 0; i--) {
      const isLast = i === kids.length - 1;
      const below = `${pad} ${isLast ? ' ' : '│'} `;
      pending.push(i === 0 ? { node: kids[i]!, indent: below } : { node: kids[i]!, indent: below, opens: `${pad} ${isLast ? '└' : '├'}─` });
    }
  }
  return lines.map((l) => `${l}\n`).join('');
}

function label(node: ProcessNode): string {
  return `${node.comm}(${node.pid})${node.zombie ? ' <zombie>' : ''}`;
}
