// kmalloc's allocator: objects never overlap, freed ones come back last-in first-out within their size
// class, kzalloc zeroes, and kfree refuses what it never handed out.
import { describe, expect, it } from 'vitest';
import { KernelSlab } from '../../debug-adapter/engine/kernel/slab';
import { AddressSpace, PAGE_SIZE } from '../../debug-adapter/engine/vm/memory';

const HEAP = 0x1fff8880000000;

function heap(limit = 1 << 20): { mem: AddressSpace; slab: KernelSlab } {
  const mem = new AddressSpace();
  mem.map(HEAP, 0, 'rw', '[heap]');
  mem.startBrk = mem.brk = HEAP;
  return { mem, slab: new KernelSlab(mem, limit) };
}

describe('KernelSlab', () => {
  it('hands out objects that do not overlap, of every size from kmalloc-16 to a kernel stack', () => {
    const { slab } = heap(4 << 20);
    const sizes = [1, 16, 17, 100, 512, 513, 1448, 2056, 4096, 5000, 16384];
    const objects = sizes.flatMap((size) => [0, 1, 2].map(() => ({ addr: slab.alloc(size), size })));
    expect(objects.every((o) => o.addr !== 0)).toBe(true);
    const sorted = [...objects].sort((a, b) => a.addr - b.addr);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i]!.addr).toBeGreaterThanOrEqual(sorted[i - 1]!.addr + sorted[i - 1]!.size);
    // Kernel stacks and other whole pages are page-aligned; large objects at least cache-line aligned.
    for (const o of objects) {
      if (o.size % PAGE_SIZE === 0) expect(o.addr % PAGE_SIZE).toBe(0);
      else if (o.size > 512) expect(o.addr % 64).toBe(0);
    }
  });

  it('gives the most recently freed object of a class back first', () => {
    const { slab } = heap();
    const a = slab.alloc(1448);
    const b = slab.alloc(1448);
    slab.free(a);
    slab.free(b);
    expect(slab.alloc(1440)).toBe(b);
    expect(slab.alloc(1448)).toBe(a);
  });

  it('kzalloc zeroes what kmalloc leaves as it was', () => {
    const { mem, slab } = heap();
    const a = slab.alloc(64);
    mem.fill(a, 0xab, 64);
    slab.free(a);
    const again = slab.alloc(64);
    expect(again).toBe(a);
    expect(mem.readU8(again + 10)).toBe(0xab);
    slab.free(again);
    const zeroed = slab.zalloc(64);
    expect(zeroed).toBe(a);
    expect([...mem.readBytes(zeroed, 64)].every((b) => b === 0)).toBe(true);
  });

  it('refuses a double free and a pointer it never returned', () => {
    const { slab } = heap();
    const a = slab.alloc(32);
    expect(slab.free(a)).toBe(true);
    expect(slab.free(a)).toBe(false);
    expect(slab.free(a + 8)).toBe(false);
  });

  it('returns 0 once the heap limit is reached, and for a size of 0', () => {
    const { slab } = heap(8 * PAGE_SIZE);
    expect(slab.alloc(0)).toBe(0);
    expect(slab.alloc(4 * PAGE_SIZE)).not.toBe(0);
    expect(slab.alloc(4 * PAGE_SIZE)).not.toBe(0);
    expect(slab.alloc(PAGE_SIZE)).toBe(0);
  });
});
