import { describe, expect, it } from 'vitest';
import { coreAdded, coreNeeded, free, HeapCorruption, intMalloc, intRealloc, usableSize, type HeapHost } from '../../debug-adapter/engine/libc/malloc';
import { AddressSpace } from '../../debug-adapter/engine/vm/memory';

const DATA = 0x555555558000;
const HEAP = 0x555555559000;
/** The C library's __libc_malloc_arena, in the data page below the heap. */
const ARENA_SLOT = DATA;

function hostOf(mem: AddressSpace, heapLimit: number): HeapHost & { mem: AddressSpace } {
  return { mem, heapLimit, symbol: (name) => (name === '__libc_malloc_arena' ? ARENA_SLOT : undefined) };
}

function newHost(heapLimit = 64 << 20): HeapHost & { mem: AddressSpace } {
  const mem = new AddressSpace();
  mem.map(DATA, 0x1000, 'rw', 'prog');
  mem.map(HEAP, 0, 'rw', '[heap]');
  mem.map(0x7ffff7dd0000, 4096, 'rw', ''); // something above the heap, as a process has
  mem.startBrk = mem.brk = HEAP;
  return hostOf(mem, heapLimit);
}

// What the C library's malloc, realloc and calloc (sysroot/lib/malloc.c) do around the host's half,
// with sbrk's part done on the address space directly: more core until the request fits, then the
// allocation. The C side itself is tested by running programs (test/libc/brk.test.ts).
function sbrk(h: HeapHost, size: number): number {
  const old = h.mem.brk;
  return old + size - h.mem.startBrk <= h.heapLimit && h.mem.setBrk(old + size) ? old : -1;
}
function sysmalloc(h: HeapHost, p: number, n: number): boolean {
  for (;;) {
    const size = coreNeeded(h, p, n);
    if (size <= 0) return size === 0;
    const brk = sbrk(h, size);
    if (brk < 0) return false;
    coreAdded(h, brk, size);
  }
}
const malloc = (h: HeapHost, n: number): number => (sysmalloc(h, 0, n) ? intMalloc(h, n) : 0);
function realloc(h: HeapHost, p: number, n: number): number {
  if (p === 0) return malloc(h, n);
  if (n === 0) {
    free(h, p);
    return 0;
  }
  return sysmalloc(h, p, n) ? intRealloc(h, p, n) : 0;
}
function calloc(h: HeapHost, nmemb: number, size: number): number {
  const total = nmemb * size;
  if (!Number.isSafeInteger(total)) return 0;
  const p = malloc(h, total);
  if (p) h.mem.fill(p, 0, total);
  return p;
}

function corruption(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof HeapCorruption) return e.message;
    throw e;
  }
  return 'no error';
}

describe('malloc', () => {
  it('returns heap start + 0x2a0 first, like glibc, and 16-aligned chunks after it', () => {
    const h = newHost();
    const a = malloc(h, 10);
    const b = malloc(h, 24);
    const c = malloc(h, 25);
    expect(a).toBe(HEAP + 0x2a0);
    expect(b).toBe(a + 0x20);
    expect(c).toBe(b + 0x20);
    expect(malloc(h, 1)).toBe(c + 0x30);
    // glibc's chunk header: size | PREV_INUSE just before the user pointer.
    expect(Number(h.mem.readU64(c - 8))).toBe(0x31);
    expect(h.mem.brk).toBe(HEAP + 0x21000);
  });

  it('gives unique pointers for malloc(0) and ignores free(NULL)', () => {
    const h = newHost();
    const a = malloc(h, 0);
    const b = malloc(h, 0);
    expect(a).not.toBe(0);
    expect(b).not.toBe(a);
    expect(usableSize(h, a)).toBe(24);
    expect(() => free(h, 0)).not.toThrow();
  });

  it('reuses a freed chunk of the same size and splits a larger one', () => {
    const h = newHost();
    const a = malloc(h, 100);
    malloc(h, 8); // keeps a away from top
    free(h, a);
    expect(malloc(h, 100)).toBe(a);
    free(h, a);
    const small = malloc(h, 16);
    expect(small).toBe(a);
    expect(malloc(h, 40)).toBe(a + 0x20); // the rest of the split chunk
  });

  it('coalesces neighbouring free chunks, in both directions', () => {
    const h = newHost();
    const a = malloc(h, 24);
    const b = malloc(h, 24);
    const c = malloc(h, 24);
    malloc(h, 24); // guard before top
    free(h, a);
    free(h, c);
    free(h, b); // merges with a before it and c after it
    expect(malloc(h, 0x50)).toBe(a); // 0x60 bytes: only the merged chunk is that large
  });

  it('gives memory back to top when the last chunk is freed', () => {
    const h = newHost();
    const a = malloc(h, 1000);
    const b = malloc(h, 1000);
    free(h, b);
    free(h, a);
    expect(malloc(h, 3000)).toBe(a);
  });

  it('grows the heap with brk and respects the heap limit', () => {
    const h = newHost(1 << 20);
    const big = malloc(h, 600_000);
    expect(big).toBe(HEAP + 0x2a0);
    expect(h.mem.brk).toBeGreaterThan(HEAP + 600_000);
    h.mem.write8(big + 599_999, 7);
    expect(malloc(h, 600_000)).toBe(0);
    expect(malloc(h, 1000)).not.toBe(0);
  });

  it('reports double free and invalid pointers with glibc\'s messages', () => {
    const h = newHost();
    const a = malloc(h, 16);
    const b = malloc(h, 16);
    malloc(h, 16);
    free(h, a);
    expect(corruption(() => free(h, a))).toBe('free(): double free detected in tcache 2');
    free(h, b); // merges into a's chunk
    expect(corruption(() => free(h, b))).toBe('free(): double free detected in tcache 2');
    expect(corruption(() => free(h, b + 8))).toBe('free(): invalid pointer');
    expect(corruption(() => free(h, 0x7ffff7dd0010))).toBe('free(): invalid pointer');
    expect(corruption(() => realloc(h, b + 16, 10))).toBe('realloc(): invalid pointer');
    const big = malloc(h, 5000);
    free(h, big); // merged into top
    expect(corruption(() => free(h, big))).toBe('double free or corruption (top)');
  });

  it('realloc keeps the data, growing in place into top or moving when blocked', () => {
    const h = newHost();
    const a = malloc(h, 16);
    h.mem.writeBytes(a, Uint8Array.from([1, 2, 3, 4]));
    const grown = realloc(h, a, 4000);
    expect(grown).toBe(a);
    const guard = malloc(h, 16);
    const moved = realloc(h, grown, 9000);
    expect(moved).toBeGreaterThan(guard);
    expect(Array.from(h.mem.readBytes(moved, 4))).toEqual([1, 2, 3, 4]);
    expect(malloc(h, 3000)).toBe(a); // the old place was freed
    expect(realloc(h, 0, 10)).not.toBe(0);
    expect(realloc(h, moved, 0)).toBe(0);
  });

  it('calloc zeroes memory that was used before and refuses overflowing sizes', () => {
    const h = newHost();
    const a = malloc(h, 64);
    malloc(h, 8);
    h.mem.fill(a, 0xaa, 64);
    free(h, a);
    const z = calloc(h, 8, 8);
    expect(z).toBe(a);
    expect(h.mem.readBytes(z, 64).every((b) => b === 0)).toBe(true);
    expect(calloc(h, 2 ** 40, 2 ** 40)).toBe(0);
  });

  it('keeps all of its state in the address space, so a fork copies it', () => {
    const parent = newHost();
    const a = malloc(parent, 32);
    const b = malloc(parent, 32);
    malloc(parent, 32);
    free(parent, a);
    const child: HeapHost = hostOf(parent.mem.fork(), parent.heapLimit);
    // Both see a's chunk free and b live; what one does next is invisible to the other.
    expect(malloc(child, 32)).toBe(a);
    expect(corruption(() => free(parent, a))).toBe('free(): double free detected in tcache 2');
    free(child, b);
    expect(malloc(parent, 32)).toBe(a);
    expect(corruption(() => free(child, b))).toBe('free(): double free detected in tcache 2');
    expect(() => free(parent, b)).not.toThrow();
  });

  it('never hands out overlapping memory under a random workload', () => {
    const h = newHost();
    let seed = 12345;
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const live = new Map<number, { size: number; tag: number }>();
    for (let step = 0; step < 3000; step++) {
      const op = rand(10);
      const ptrs = [...live.keys()];
      if (op < 5 || ptrs.length === 0) {
        const size = rand(4) === 0 ? rand(5000) : rand(200);
        const p = malloc(h, size);
        expect(p % 16).toBe(0);
        h.mem.fill(p, step & 0xff, size);
        live.set(p, { size, tag: step & 0xff });
      } else if (op < 8) {
        const p = ptrs[rand(ptrs.length)]!;
        const { size, tag } = live.get(p)!;
        expect(h.mem.readBytes(p, size).every((x) => x === tag)).toBe(true);
        free(h, p);
        live.delete(p);
      } else {
        const p = ptrs[rand(ptrs.length)]!;
        const { size, tag } = live.get(p)!;
        const n = rand(3000);
        const q = realloc(h, p, n);
        live.delete(p);
        if (n === 0) continue;
        expect(h.mem.readBytes(q, Math.min(size, n)).every((x) => x === tag)).toBe(true);
        h.mem.fill(q, tag, n);
        live.set(q, { size: n, tag });
      }
      if (step % 500 === 0) {
        const spans = [...live.entries()].map(([p, { size }]) => [p, p + size] as const).sort((x, y) => x[0] - y[0]);
        for (let k = 1; k < spans.length; k++) expect(spans[k]![0]).toBeGreaterThanOrEqual(spans[k - 1]![1]);
      }
    }
  });
});
