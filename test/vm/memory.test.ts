import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { AddressSpace, BLOCK_SIZE, LAYOUT, MemoryFault, PAGE_SIZE } from '../../debug-adapter/engine/vm/memory';

const BASE = 0x555555559000;

function space(): AddressSpace {
  const m = new AddressSpace();
  m.map(BASE, 4 * PAGE_SIZE, 'rw', 'data');
  m.map(BASE + 8 * PAGE_SIZE, PAGE_SIZE, 'r', 'rodata');
  return m;
}

describe('AddressSpace', () => {
  test('typed reads and writes are little-endian and sign-correct', () => {
    const m = space();
    m.write32(BASE, -2);
    expect(m.readI32(BASE)).toBe(-2);
    expect(m.readU32(BASE)).toBe(0xfffffffe);
    expect(m.readU8(BASE)).toBe(0xfe);
    expect(m.readI8(BASE)).toBe(-2);
    m.write16(BASE + 8, 0x8001);
    expect(m.readI16(BASE + 8)).toBe(-32767);
    m.writeF64(BASE + 16, 0.1);
    expect(m.readF64(BASE + 16)).toBe(0.1);
    m.writeF32(BASE + 24, 0.1);
    expect(m.readF32(BASE + 24)).toBe(Math.fround(0.1));
  });

  test('64-bit values are numbers while safe and bigints beyond', () => {
    const m = space();
    m.write64(BASE, -5);
    expect(m.readI64(BASE)).toBe(-5);
    expect(m.readU64(BASE)).toBe(0xffffffffffffffffn - 4n);
    m.write64(BASE + 8, 2n ** 62n + 1n);
    expect(m.readI64(BASE + 8)).toBe(2n ** 62n + 1n);
    m.write64(BASE + 16, 2 ** 40 + 7);
    expect(m.readU64(BASE + 16)).toBe(2 ** 40 + 7);
  });

  test('accesses that straddle a page boundary read and write both pages', () => {
    const m = space();
    const a = BASE + PAGE_SIZE - 2;
    m.write32(a, 0x11223344);
    expect(m.readI32(a)).toBe(0x11223344);
    m.writeF64(BASE + PAGE_SIZE - 4, 1234.5);
    expect(m.readF64(BASE + PAGE_SIZE - 4)).toBe(1234.5);
  });

  test('unmapped addresses and writes to read-only memory fault', () => {
    const m = space();
    expect(() => m.readI32(0)).toThrow(MemoryFault);
    expect(() => m.write8(BASE + 100 * PAGE_SIZE, 1)).toThrow(/unmapped/);
    expect(() => m.write8(BASE + 8 * PAGE_SIZE, 1)).toThrow(/protection/);
    expect(m.readU8(BASE + 8 * PAGE_SIZE)).toBe(0);
  });

  test('fork shares pages copy-on-write: the first write copies, the other side is untouched', () => {
    const parent = space();
    parent.write32(BASE, 42);
    parent.write32(BASE + PAGE_SIZE, 7);
    const child = parent.fork();
    expect(child.readI32(BASE)).toBe(42);
    expect(child.stats().sharedPages).toBe(2);
    child.write32(BASE, 99);
    expect(child.readI32(BASE)).toBe(99);
    expect(parent.readI32(BASE)).toBe(42);
    expect(child.stats().cowFaults).toBe(1);
    expect(child.stats().sharedPages).toBe(1);
    parent.write32(BASE + PAGE_SIZE, 8);
    expect(child.readI32(BASE + PAGE_SIZE)).toBe(7);
    expect(parent.stats().cowFaults).toBe(1);
  });

  test('a write right after fork in the parent does not leak into the child through a cached page', () => {
    const parent = space();
    parent.write32(BASE, 1); // leaves the page in the parent's write cache
    const child = parent.fork();
    parent.write32(BASE, 2);
    expect(child.readI32(BASE)).toBe(1);
  });

  test('a page copied on write is one fault, however many of its blocks are written, and private on both sides', () => {
    const parent = space();
    parent.write32(BASE, 1);
    const c1 = parent.fork();
    const c2 = parent.fork();
    c1.write32(BASE, 10); // c1's own page: one fault
    c1.write32(BASE + 3 * BLOCK_SIZE, 11); // the same page, another block: no fault
    c2.write32(BASE + BLOCK_SIZE, 20); // c2's own page: one fault; the parent now maps the original alone
    expect([c1.stats().cowFaults, c2.stats().cowFaults]).toEqual([1, 1]);
    expect(parent.stats().sharedPages).toBe(0);
    parent.write32(BASE + 2 * BLOCK_SIZE, 30); // as on Linux, the page left to one process is reused: no fault
    expect(parent.stats().cowFaults).toBe(0);
    expect([parent.readI32(BASE), parent.readI32(BASE + BLOCK_SIZE), parent.readI32(BASE + 2 * BLOCK_SIZE), parent.readI32(BASE + 3 * BLOCK_SIZE)]).toEqual([1, 0, 30, 0]);
    expect([c1.readI32(BASE), c1.readI32(BASE + BLOCK_SIZE), c1.readI32(BASE + 2 * BLOCK_SIZE), c1.readI32(BASE + 3 * BLOCK_SIZE)]).toEqual([10, 0, 0, 11]);
    expect([c2.readI32(BASE), c2.readI32(BASE + BLOCK_SIZE), c2.readI32(BASE + 2 * BLOCK_SIZE), c2.readI32(BASE + 3 * BLOCK_SIZE)]).toEqual([1, 20, 0, 0]);
  });

  test('forks, writes and exits in any order: the same bytes, faults and page counts as whole pages copied on write', () => {
    // The model: Linux's rule, a page shared by several processes is copied whole by the first to write it.
    type ModelPage = { bytes: Uint8Array; sharers: number };
    type Proc = { mem: AddressSpace; pages: Map<number, ModelPage>; cow: number };
    const op = fc.oneof(
      fc.record({ kind: fc.constant('fork' as const), who: fc.nat() }),
      fc.record({ kind: fc.constant('exit' as const), who: fc.nat() }),
      fc.record({ kind: fc.constant('write' as const), who: fc.nat(), off: fc.integer({ min: 0, max: 4 * PAGE_SIZE - 4 }), value: fc.integer() }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        const first = space();
        const procs: Proc[] = [{ mem: first, pages: new Map(), cow: 0 }];
        const modelPage = (p: Proc, pn: number): ModelPage => {
          let page = p.pages.get(pn);
          if (!page) p.pages.set(pn, (page = { bytes: new Uint8Array(PAGE_SIZE), sharers: 1 }));
          return page;
        };
        for (const o of ops) {
          const p = procs[o.who % procs.length]!;
          if (o.kind === 'fork') {
            for (const page of p.pages.values()) page.sharers++;
            procs.push({ mem: p.mem.fork(), pages: new Map(p.pages), cow: 0 });
          } else if (o.kind === 'exit') {
            if (procs.length === 1) continue;
            for (const page of p.pages.values()) page.sharers--;
            p.mem.release();
            procs.splice(procs.indexOf(p), 1);
          } else {
            p.mem.write32(BASE + o.off, o.value);
            // The model writes byte by byte, so a value across two pages faults on each.
            for (let i = 0; i < 4; i++) {
              const a = o.off + i;
              const pn = Math.floor(a / PAGE_SIZE);
              let page = modelPage(p, pn);
              if (page.sharers > 1) {
                page.sharers--;
                p.pages.set(pn, (page = { bytes: page.bytes.slice(), sharers: 1 }));
                p.cow++;
              }
              page.bytes[a % PAGE_SIZE] = (o.value >> (8 * i)) & 0xff;
            }
          }
        }
        for (const p of procs) {
          const stats = p.mem.stats();
          expect(stats.cowFaults).toBe(p.cow);
          expect(stats.residentPages).toBe(p.pages.size);
          expect(stats.sharedPages).toBe([...p.pages.values()].filter((page) => page.sharers > 1).length);
          for (const [pn, page] of p.pages) expect(p.mem.readBytes(BASE + pn * PAGE_SIZE, PAGE_SIZE)).toEqual(page.bytes);
        }
      }),
    );
  });

  test('setBrk grows and shrinks the heap mapping', () => {
    const m = new AddressSpace();
    m.map(BASE, 0, 'rw', '[heap]');
    m.startBrk = m.brk = BASE;
    expect(() => m.write8(BASE, 1)).toThrow(MemoryFault);
    expect(m.setBrk(BASE + 10000)).toBe(true);
    m.write8(BASE + 9999, 5);
    expect(m.readU8(BASE + 9999)).toBe(5);
    expect(m.setBrk(BASE)).toBe(true);
    expect(() => m.readU8(BASE + 9999)).toThrow(MemoryFault);
    expect(m.setBrk(BASE - 1)).toBe(false);
  });
  test('after fork, each side\'s brk and mappings are its own', () => {
    const parent = new AddressSpace();
    parent.map(BASE, 0, 'rw', '[heap]');
    parent.startBrk = parent.brk = BASE;
    expect(parent.setBrk(BASE + PAGE_SIZE)).toBe(true);
    const child = parent.fork();
    expect(child.setBrk(BASE + 3 * PAGE_SIZE)).toBe(true);
    child.write8(BASE + 2 * PAGE_SIZE, 7);
    expect(() => parent.readU8(BASE + 2 * PAGE_SIZE)).toThrow(MemoryFault);
    expect(parent.vmas.find((v) => v.name === '[heap]')!.end).toBe(BASE + PAGE_SIZE);
    parent.map(BASE + 64 * PAGE_SIZE, PAGE_SIZE, 'rw', 'anon');
    expect(parent.findVma(BASE + 64 * PAGE_SIZE)?.name).toBe('anon');
    expect(child.findVma(BASE + 64 * PAGE_SIZE)).toBeUndefined();
    expect(child.vmas.find((v) => v.name === '[heap]')!.end).toBe(BASE + 3 * PAGE_SIZE);
  });

  test('kernel memory seen from a process: reads, writes and copies in the kernel\'s 1 KiB blocks, across block edges too', () => {
    const image = new AddressSpace();
    image.map(LAYOUT.kernelHeap, 16 * BLOCK_SIZE, 'rw', '[heap]');
    image.write32(LAYOUT.kernelHeap, 0x1234);
    const kernel = image.kernelCopy();
    const proc = space();
    proc.kernel = kernel;
    expect(proc.readI32(LAYOUT.kernelHeap)).toBe(0x1234);
    // A kernel stack's top: one block touched of a 16 KiB range.
    const top = LAYOUT.kernelHeap + 16 * BLOCK_SIZE - 64;
    proc.write64(top, 2 ** 52 + 1);
    expect(kernel.readPtr(top)).toBe(2 ** 52 + 1);
    // Straddling two blocks, for each width and for bulk copies between kernel and user memory.
    const edge = LAYOUT.kernelHeap + 4 * BLOCK_SIZE - 3;
    proc.write64(edge, -5);
    expect(proc.readI64(edge)).toBe(-5);
    proc.write32(edge + 1, 0x11223344);
    expect(kernel.readU32(edge + 1)).toBe(0x11223344);
    proc.writeBytes(BASE + 10, new Uint8Array([1, 2, 3, 4, 5, 6]));
    proc.copy(edge - 1, BASE + 10, 6);
    expect([...proc.readBytes(edge - 1, 6)]).toEqual([1, 2, 3, 4, 5, 6]);
    proc.fill(edge, 0, 4);
    proc.copy(BASE + 20, edge - 1, 6);
    expect([...proc.readBytes(BASE + 20, 6)]).toEqual([1, 0, 0, 0, 0, 6]);
  });

  test('64-bit writes and reads agree byte for byte, within a page and across a page boundary', () => {
    fc.assert(
      fc.property(fc.integer({ min: PAGE_SIZE - 16, max: PAGE_SIZE + 8 }), fc.bigInt(-(2n ** 63n), 2n ** 63n - 1n), (off, big) => {
        const m = space();
        const a = BASE + off;
        const value = big >= -BigInt(Number.MAX_SAFE_INTEGER) && big <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(big) : big;
        m.write64(a, value);
        const bytes = m.readBytes(a, 8);
        const bits = BigInt.asUintN(64, big);
        for (let i = 0; i < 8; i++) expect(bytes[i]).toBe(Number((bits >> BigInt(8 * i)) & 0xffn));
        expect(BigInt(m.readI64(a))).toBe(big);
        expect(BigInt(m.readU64(a))).toBe(bits);
        // A pointer past 2^63 reads as its signed value (values.ts's Access): Number of the signed bits.
        expect(m.readPtr(a)).toBe(Number(big));
      }),
      { numRuns: 2000 },
    );
  });
});
