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

/** The children of the task at `ts`, read from its children list (a list_head of sibling fields). */
export function readChildren(kmem: AddressSpace, task: StructView, ts: number): ProcessNode[] {
  const head = ts + task.offsetOf('children');
  const siblingOffset = task.offsetOf('sibling');
  const out: ProcessNode[] = [];
  // list_head.next is the first member; a list that comes back to its head is done.
  for (let link = Number(kmem.readU64(head)); link !== head; link = Number(kmem.readU64(link))) {
    const child = link - siblingOffset;
    const exitState = task.get(kmem, child, 'exit_state');
    // EXIT_DEAD: being released (a self-reaping child), no longer a process anyone can see.
    if (exitState & EXIT_DEAD) continue;
    out.push({
      pid: task.get(kmem, child, 'pid'),
      comm: task.getString(kmem, child, 'comm'),
      zombie: exitState === EXIT_ZOMBIE,
      children: readChildren(kmem, task, child),
    });
  }
  return out.sort(byNameThenPid);
}

function byNameThenPid(a: ProcessNode, b: ProcessNode): number {
  return a.comm < b.comm ? -1 : a.comm > b.comm ? 1 : a.pid - b.pid;
}

/** Every tree under the idle task, drawn as `pstree -p` draws them, one line per leaf. */
export function formatProcessTree(roots: readonly ProcessNode[]): string {
  return roots.flatMap((root) => drawNode(root)).map((line) => `${line}\n`).join('');
}

function label(node: ProcessNode): string {
  return `${node.comm}(${node.pid})${node.zombie ? ' <zombie>' : ''}`;
}

/** The lines of a subtree: the first child goes on the node's own line, the others below it. */
function drawNode(node: ProcessNode): string[] {
  const name = label(node);
  const pad = ' '.repeat(name.length);
  const kids = node.children.map(drawNode);
  if (kids.length === 0) return [name];
  if (kids.length === 1) {
    const [first, ...rest] = kids[0]!;
    return [`${name}───${first}`, ...rest.map((l) => `${pad}   ${l}`)];
  }
  const lines: string[] = [];
  kids.forEach((kid, i) => {
    const [first, ...rest] = kid;
    const isFirst = i === 0;
    const isLast = i === kids.length - 1;
    lines.push(isFirst ? `${name}─┬─${first}` : `${pad} ${isLast ? '└' : '├'}─${first}`);
    for (const l of rest) lines.push(`${pad} ${isLast ? ' ' : '│'} ${l}`);
  });
  return lines;
}
