// linux/list.h's struct list_head, for host code that keeps a list in kernel memory that pseudo-C walks
// (a run queue's cfs_tasks): a node is two pointers, next then prev; an empty head points to itself.
import type { AddressSpace } from '../vm/memory';

const PREV = 8;

export function initListHead(mem: AddressSpace, head: number): void {
  mem.write64(head, head);
  mem.write64(head + PREV, head);
}

/** list_add: `node` right after `head`. */
export function listAdd(mem: AddressSpace, node: number, head: number): void {
  const next = mem.readPtr(head);
  mem.write64(next + PREV, node);
  mem.write64(node, next);
  mem.write64(node + PREV, head);
  mem.write64(head, node);
}

/** list_del_init: `node` leaves its list and points to itself. */
export function listDelInit(mem: AddressSpace, node: number): void {
  const next = mem.readPtr(node);
  const prev = mem.readPtr(node + PREV);
  mem.write64(next + PREV, prev);
  mem.write64(prev, next);
  initListHead(mem, node);
}
