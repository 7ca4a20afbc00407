// A process's address space: 4 KiB pages, mapped by VMAs laid out like a Linux process, shared
// copy-on-write after fork. Every access checks its mapping, so a bad pointer becomes a simulated
// SIGSEGV (a MemoryFault the VM turns into signal 11), never a host error.

export const PAGE_SIZE = 4096;
const PAGE_SHIFT_DIV = PAGE_SIZE; // addresses reach 2^47, past int32, so page numbers use division

/** Where things live, as in a non-randomised x86-64 PIE process (what gdb shows with ASLR off). */
export const LAYOUT = {
  textStart: 0x555555554000,
  stackTop: 0x7ffffffff000,
  stackMax: 8 * 1024 * 1024, // RLIMIT_STACK: 8 MiB
  mmapBase: 0x7ffff7dd0000,
  /**
   * Kernel addresses. Linux puts its text at 0xffffffff81000000 and its direct map at 0xffff888000000000,
   * beyond what a JS number holds exactly; Forkscope uses look-alikes below 2^53.
   */
  kernelBase: 0x10000000000000,
  kernelText: 0x1fffff81000000,
  kernelHeap: 0x1fff8880000000,
} as const;

export type Prot = 'r' | 'rw' | 'rx';

export interface Vma {
  start: number;
  end: number; // exclusive
  prot: Prot;
  /** How /proc/PID/maps would name it: the program name, [heap], [stack] or '' for anonymous memory. */
  name: string;
}

/** A physical page. `sharers` counts the address spaces mapping it; above 1 a write must copy it first. */
export class Page {
  sharers = 1;
  readonly view: DataView;
  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, PAGE_SIZE);
  }
}

export class MemoryFault extends Error {
  constructor(readonly addr: number, readonly access: 'read' | 'write', readonly reason: 'unmapped' | 'protection') {
    super(`${access} of ${reason} address 0x${addr.toString(16)}`);
  }
}

/** Counters a teacher wants to see for each process. */
export interface MemoryStats {
  residentPages: number;
  sharedPages: number;
  cowFaults: number;
  demandZeroFaults: number;
}

const TWO_32 = 0x100000000;
/** Entries in each of a space's TLBs (a power of two). */
const TLB_SIZE = 32;

/** A TLB: page numbers at even indices, their views at the odd ones; -1 marks an empty entry. */
type TlbEntries = (number | DataView)[];

function newTlb(): TlbEntries {
  const tlb: TlbEntries = new Array<number | DataView>(2 * TLB_SIZE).fill(-1);
  return tlb;
}

/** The entry's index for page `pn`: its low bits (& keeps them past 2^32, as ToInt32 does). */
const tlbSlot = (pn: number): number => (pn & (TLB_SIZE - 1)) * 2;
/** Larger than any process's memory can be (the simulator caps heap and stack far below it). */
const HUGE_RANGE = 0x40000000;

export class AddressSpace {
  /** Page table: page number → page. Absent means not present yet (or not mapped: the VMAs decide). */
  private readonly pages: Map<number, Page>;
  /** Sorted by start. Few entries (text, data, heap, stack, a handful of mmaps). */
  vmas: Vma[];
  brk: number;
  startBrk: number;
  cowFaults = 0;
  demandZeroFaults = 0;
  /**
   * The kernel's memory, mapped into every process above LAYOUT.kernelBase as Linux maps it: shared by
   * all, never copied on fork. Undefined for the kernel's own space and for programs run without one.
   */
  kernel: AddressSpace | undefined;
  /** Set while the debugger watches memory: called before each write with its range. */
  onWrite: ((addr: number, len: number) => void) | undefined;

  // One-entry translation caches for reads and writes: most accesses hit the page of the one before.
  private rpn = -1;
  private rview: DataView | undefined;
  private wpn = -1;
  private wview: DataView | undefined;
  // Behind them, small direct-mapped TLBs: kernel code moves between the user's stack, its own stack
  // and several task_structs, and a miss would otherwise cost a page-table lookup (and for writes a
  // VMA search and a sharing check). The write TLB holds only pages this space may write in place.
  // Each is a flat array of (page number, view) pairs, made on the first miss: a fork bomb's spaces
  // must stay small.
  private rTlb: TlbEntries | undefined;
  private wTlb: TlbEntries | undefined;
  /** load64's result: the low half unsigned, the high half signed. */
  private lo64 = 0;
  private hi64 = 0;

  constructor(from?: AddressSpace) {
    if (from) {
      this.pages = new Map(from.pages);
      for (const p of this.pages.values()) p.sharers++;
      this.vmas = from.vmas.map((v) => ({ ...v }));
      this.brk = from.brk;
      this.startBrk = from.startBrk;
      this.kernel = from.kernel;
      // Both sides must fault on their next write now that every page is shared.
      from.wpn = -1;
      from.wview = undefined;
      from.wTlb = undefined;
    } else {
      this.pages = new Map();
      this.vmas = [];
      this.brk = this.startBrk = 0;
      this.kernel = undefined;
    }
  }

  /** fork's copy: the page table is copied, the pages are shared until one side writes. */
  fork(): AddressSpace {
    return new AddressSpace(this);
  }

  /**
   * Gives this space its own copy of every page it shares. The kernel's space, made from the compiled
   * kernel image, does this once at boot: other spaces cache its pages, which must never move.
   */
  unshareAll(): void {
    for (const [pn, p] of this.pages) {
      if (p.sharers > 1) {
        p.sharers--;
        this.pages.set(pn, new Page(p.bytes.slice()));
      }
    }
    this.invalidate();
  }

  /** exit_mm / exec: drop this space's share of every page. */
  release(): void {
    for (const p of this.pages.values()) p.sharers--;
    this.pages.clear();
    this.vmas = [];
    this.invalidate();
  }

  map(start: number, length: number, prot: Prot, name: string): Vma {
    const vma = { start, end: start + Math.ceil(length / PAGE_SIZE) * PAGE_SIZE, prot, name };
    this.vmas.push(vma);
    this.vmas.sort((a, b) => a.start - b.start);
    return vma;
  }

  findVma(addr: number): Vma | undefined {
    if (addr >= LAYOUT.kernelBase && this.kernel) return this.kernel.findVma(addr);
    for (const v of this.vmas) if (addr >= v.start && addr < v.end) return v;
    return undefined;
  }

  /** Moves the program break, as brk(2) does; returns false when it would run into another mapping. */
  setBrk(newBrk: number): boolean {
    const heap = this.vmas.find((v) => v.name === '[heap]');
    if (!heap || newBrk < this.startBrk) return false;
    const end = Math.ceil(newBrk / PAGE_SIZE) * PAGE_SIZE;
    const next = this.vmas.find((v) => v.start >= heap.end && v !== heap);
    if (next && end > next.start) return false;
    if (end < heap.end) {
      for (let pn = end / PAGE_SIZE; pn < heap.end / PAGE_SIZE; pn++) this.dropPage(pn);
    }
    heap.end = Math.max(end, heap.start);
    this.brk = newBrk;
    return true;
  }

  private dropPage(pn: number): void {
    const p = this.pages.get(pn);
    if (p) {
      p.sharers--;
      this.pages.delete(pn);
    }
    this.invalidate();
  }

  invalidate(): void {
    this.rpn = this.wpn = -1;
    this.rview = this.wview = undefined;
    this.rTlb = this.wTlb = undefined;
  }

  stats(): MemoryStats {
    let shared = 0;
    for (const p of this.pages.values()) if (p.sharers > 1) shared++;
    return { residentPages: this.pages.size, sharedPages: shared, cowFaults: this.cowFaults, demandZeroFaults: this.demandZeroFaults };
  }

  // ------------------------------------------------------------ translation

  private readPage(pn: number, addr: number): DataView {
    const v = this.translate((this.rTlb ??= newTlb()), pn, addr, false);
    this.rpn = pn;
    this.rview = v;
    return v;
  }

  private writePage(pn: number, addr: number): DataView {
    const v = this.translate((this.wTlb ??= newTlb()), pn, addr, true);
    this.wpn = pn;
    this.wview = v;
    return v;
  }

  /** The page's view through `tlb`, filling the entry on a miss. */
  private translate(tlb: TlbEntries, pn: number, addr: number, write: boolean): DataView {
    const slot = tlbSlot(pn);
    if (tlb[slot] === pn) return tlb[slot + 1] as DataView;
    const v = write ? this.writablePage(pn, addr) : this.readablePage(pn, addr);
    tlb[slot] = pn;
    tlb[slot + 1] = v;
    return v;
  }

  /** The page a read sees: the kernel's (its pages never move, see unshareAll, so TLBs may keep them), or this space's. */
  private readablePage(pn: number, addr: number): DataView {
    if (addr >= LAYOUT.kernelBase && this.kernel) return this.kernel.readPage(pn, addr);
    return (this.pages.get(pn) ?? this.demandZero(pn, addr, 'read')).view;
  }

  /** The page a write goes to, after the checks and faults of a first write: mapping, protection, sharing. */
  private writablePage(pn: number, addr: number): DataView {
    if (addr >= LAYOUT.kernelBase && this.kernel) return this.kernel.writePage(pn, addr);
    const vma = this.findVma(addr);
    if (!vma) throw new MemoryFault(addr, 'write', 'unmapped');
    if (vma.prot !== 'rw') throw new MemoryFault(addr, 'write', 'protection');
    let p = this.pages.get(pn);
    if (!p) p = this.demandZero(pn, addr, 'write');
    else if (p.sharers > 1) {
      // Copy-on-write fault: this space gets its own copy and the other sharers keep the original.
      p.sharers--;
      p = new Page(p.bytes.slice());
      this.pages.set(pn, p);
      this.cowFaults++;
      if (this.rpn === pn) this.rview = p.view;
      const slot = tlbSlot(pn);
      if (this.rTlb && this.rTlb[slot] === pn) this.rTlb[slot + 1] = p.view;
    }
    return p.view;
  }

  private demandZero(pn: number, addr: number, access: 'read' | 'write'): Page {
    if (!this.findVma(addr)) throw new MemoryFault(addr, access, 'unmapped');
    const p = new Page(new Uint8Array(PAGE_SIZE));
    this.pages.set(pn, p);
    this.demandZeroFaults++;
    return p;
  }

  /** The page's bytes for host code that fills memory directly (loading the program image). */
  pageForWrite(addr: number): { view: DataView; offset: number } {
    const pn = Math.floor(addr / PAGE_SHIFT_DIV);
    return { view: this.writePage(pn, addr), offset: addr - pn * PAGE_SIZE };
  }

  // ------------------------------------------------------------ typed access (little-endian)

  readU8(a: number): number {
    const pn = Math.floor(a / PAGE_SHIFT_DIV);
    const v = pn === this.rpn ? this.rview! : this.readPage(pn, a);
    return v.getUint8(a - pn * PAGE_SIZE);
  }
  readI8(a: number): number {
    return (this.readU8(a) << 24) >> 24;
  }
  readU16(a: number): number {
    const pn = Math.floor(a / PAGE_SHIFT_DIV);
    const off = a - pn * PAGE_SIZE;
    if (off > PAGE_SIZE - 2) return this.readU8(a) | (this.readU8(a + 1) << 8);
    const v = pn === this.rpn ? this.rview! : this.readPage(pn, a);
    return v.getUint16(off, true);
  }
  readI16(a: number): number {
    return (this.readU16(a) << 16) >> 16;
  }
  readI32(a: number): number {
    const pn = Math.floor(a / PAGE_SHIFT_DIV);
    const off = a - pn * PAGE_SIZE;
    if (off > PAGE_SIZE - 4) return this.readU16(a) | (this.readU16(a + 2) << 16);
    const v = pn === this.rpn ? this.rview! : this.readPage(pn, a);
    return v.getInt32(off, true);
  }
  readU32(a: number): number {
    return this.readI32(a) >>> 0;
  }
  /** 64-bit values are numbers while they are safe integers, bigints beyond (see int64.ts). */
  readI64(a: number): number | bigint {
    this.load64(a);
    const lo = this.lo64;
    const hi = this.hi64;
    if (hi >= -0x200000 && hi < 0x200000) return hi * TWO_32 + lo;
    return (BigInt(hi) << 32n) | BigInt(lo);
  }
  readU64(a: number): number | bigint {
    this.load64(a);
    const lo = this.lo64;
    const hi = this.hi64 >>> 0;
    if (hi < 0x200000) return hi * TWO_32 + lo;
    return (BigInt(hi) << 32n) | BigInt(lo);
  }
  /**
   * Reads the 64-bit word at `a` into lo64 (unsigned) and hi64 (signed), with one translation when it
   * fits in a page: pointers and longs are most of the kernel's reads.
   */
  private load64(a: number): void {
    const pn = Math.floor(a / PAGE_SHIFT_DIV);
    const off = a - pn * PAGE_SIZE;
    if (off <= PAGE_SIZE - 8) {
      const v = pn === this.rpn ? this.rview! : this.readPage(pn, a);
      this.lo64 = v.getUint32(off, true);
      this.hi64 = v.getInt32(off + 4, true);
    } else {
      this.lo64 = this.readU32(a);
      this.hi64 = this.readI32(a + 4);
    }
  }
  /**
   * A pointer: the unsigned 64-bit value as a number. Past 2^53 (never a valid address here) it is
   * rounded, exactly as Number() of the bigint would round it.
   */
  readPtr(a: number): number {
    const pn = Math.floor(a / PAGE_SHIFT_DIV);
    const off = a - pn * PAGE_SIZE;
    if (off > PAGE_SIZE - 8) return Number(this.readU64(a));
    const v = pn === this.rpn ? this.rview! : this.readPage(pn, a);
    return v.getUint32(off + 4, true) * TWO_32 + v.getUint32(off, true);
  }
  readF32(a: number): number {
    const pn = Math.floor(a / PAGE_SHIFT_DIV);
    const off = a - pn * PAGE_SIZE;
    if (off > PAGE_SIZE - 4) return this.viaScratch(a, 4).getFloat32(0, true);
    const v = pn === this.rpn ? this.rview! : this.readPage(pn, a);
    return v.getFloat32(off, true);
  }
  readF64(a: number): number {
    const pn = Math.floor(a / PAGE_SHIFT_DIV);
    const off = a - pn * PAGE_SIZE;
    if (off > PAGE_SIZE - 8) return this.viaScratch(a, 8).getFloat64(0, true);
    const v = pn === this.rpn ? this.rview! : this.readPage(pn, a);
    return v.getFloat64(off, true);
  }

  write8(a: number, x: number): void {
    if (this.onWrite) this.onWrite(a, 1);
    const pn = Math.floor(a / PAGE_SHIFT_DIV);
    const v = pn === this.wpn ? this.wview! : this.writePage(pn, a);
    v.setUint8(a - pn * PAGE_SIZE, x);
  }
  write16(a: number, x: number): void {
    const pn = Math.floor(a / PAGE_SHIFT_DIV);
    const off = a - pn * PAGE_SIZE;
    if (off > PAGE_SIZE - 2) { this.write8(a, x); this.write8(a + 1, x >> 8); return; }
    if (this.onWrite) this.onWrite(a, 2);
    const v = pn === this.wpn ? this.wview! : this.writePage(pn, a);
    v.setUint16(off, x, true);
  }
  write32(a: number, x: number): void {
    const pn = Math.floor(a / PAGE_SHIFT_DIV);
    const off = a - pn * PAGE_SIZE;
    if (off > PAGE_SIZE - 4) { this.write16(a, x); this.write16(a + 2, x >> 16); return; }
    if (this.onWrite) this.onWrite(a, 4);
    const v = pn === this.wpn ? this.wview! : this.writePage(pn, a);
    v.setInt32(off, x, true);
  }
  write64(a: number, x: number | bigint): void {
    const pn = Math.floor(a / PAGE_SHIFT_DIV);
    const off = a - pn * PAGE_SIZE;
    if (typeof x === 'number' && off <= PAGE_SIZE - 8) {
      if (this.onWrite) this.onWrite(a, 8);
      const v = pn === this.wpn ? this.wview! : this.writePage(pn, a);
      v.setInt32(off, x >>> 0, true);
      v.setInt32(off + 4, Math.floor(x / TWO_32), true);
      return;
    }
    if (typeof x === 'number') {
      const lo = x >>> 0; // x mod 2^32 (exact for any integer-valued number); setInt32 wraps it to the same bits
      this.write32(a, lo);
      this.write32(a + 4, Math.floor(x / TWO_32));
    } else {
      this.write32(a, Number(BigInt.asIntN(32, x)));
      this.write32(a + 4, Number(BigInt.asIntN(32, x >> 32n)));
    }
  }
  writeF32(a: number, x: number): void {
    const s = new DataView(new ArrayBuffer(4));
    s.setFloat32(0, x, true);
    this.write32(a, s.getInt32(0, true));
  }
  writeF64(a: number, x: number): void {
    const s = new DataView(new ArrayBuffer(8));
    s.setFloat64(0, x, true);
    this.write32(a, s.getInt32(0, true));
    this.write32(a + 4, s.getInt32(4, true));
  }

  private viaScratch(a: number, len: number): DataView {
    return new DataView(this.readBytes(a, len).buffer);
  }

  // ------------------------------------------------------------ bulk access for the C library and loaders

  /**
   * A range too large to be backed by memory (a negative length passed as size_t, say) must run into
   * unmapped memory somewhere: find where, and fault there, before trying to allocate a host buffer.
   */
  private checkHugeRange(a: number, len: number, access: 'read' | 'write'): void {
    if (len <= HUGE_RANGE) return;
    let addr = a;
    while (addr < a + len) {
      const vma = this.findVma(addr);
      if (!vma) throw new MemoryFault(addr, access, 'unmapped');
      if (access === 'write' && vma.prot !== 'rw') throw new MemoryFault(addr, access, 'protection');
      addr = vma.end;
    }
    throw new MemoryFault(a, access, 'unmapped');
  }

  readBytes(a: number, len: number): Uint8Array {
    this.checkHugeRange(a, len, 'read');
    const out = new Uint8Array(len);
    let i = 0;
    while (i < len) {
      const addr = a + i;
      const pn = Math.floor(addr / PAGE_SHIFT_DIV);
      const off = addr - pn * PAGE_SIZE;
      const n = Math.min(len - i, PAGE_SIZE - off);
      const v = pn === this.rpn ? this.rview! : this.readPage(pn, addr);
      out.set(new Uint8Array(v.buffer, v.byteOffset + off, n), i);
      i += n;
    }
    return out;
  }

  writeBytes(a: number, bytes: Uint8Array): void {
    if (this.onWrite && bytes.length) this.onWrite(a, bytes.length);
    let i = 0;
    while (i < bytes.length) {
      const addr = a + i;
      const pn = Math.floor(addr / PAGE_SHIFT_DIV);
      const off = addr - pn * PAGE_SIZE;
      const n = Math.min(bytes.length - i, PAGE_SIZE - off);
      const v = pn === this.wpn ? this.wview! : this.writePage(pn, addr);
      new Uint8Array(v.buffer, v.byteOffset + off, n).set(bytes.subarray(i, i + n));
      i += n;
    }
  }

  /**
   * memcpy within this space: page to page, with no buffer in between (struct assignment copies whole
   * task_structs on every fork). Overlapping or huge ranges go through a buffer, as memmove would.
   */
  copy(dst: number, src: number, len: number): void {
    if (len <= 0) return;
    if (Math.abs(dst - src) < len || len > HUGE_RANGE) {
      this.writeBytes(dst, this.readBytes(src, len));
      return;
    }
    if (this.onWrite) this.onWrite(dst, len);
    let i = 0;
    while (i < len) {
      const s = src + i;
      const d = dst + i;
      const spn = Math.floor(s / PAGE_SHIFT_DIV);
      const dpn = Math.floor(d / PAGE_SHIFT_DIV);
      const soff = s - spn * PAGE_SIZE;
      const doff = d - dpn * PAGE_SIZE;
      const n = Math.min(len - i, PAGE_SIZE - soff, PAGE_SIZE - doff);
      const from = spn === this.rpn ? this.rview! : this.readPage(spn, s);
      const to = dpn === this.wpn ? this.wview! : this.writePage(dpn, d);
      new Uint8Array(to.buffer, to.byteOffset + doff, n).set(new Uint8Array(from.buffer, from.byteOffset + soff, n));
      i += n;
    }
  }

  fill(a: number, byte: number, len: number): void {
    this.checkHugeRange(a, len, 'write');
    if (len <= 0) return;
    if (this.onWrite) this.onWrite(a, len);
    // Page by page in place: calloc and the kernel's kzalloc zero memory on every fork.
    let i = 0;
    while (i < len) {
      const addr = a + i;
      const pn = Math.floor(addr / PAGE_SHIFT_DIV);
      const off = addr - pn * PAGE_SIZE;
      const n = Math.min(len - i, PAGE_SIZE - off);
      const v = pn === this.wpn ? this.wview! : this.writePage(pn, addr);
      new Uint8Array(v.buffer, v.byteOffset + off, n).fill(byte);
      i += n;
    }
  }

  /** Length of the NUL-terminated string at `a`, reading at most `max` bytes (faults like strlen would). */
  strlen(a: number, max = Infinity): number {
    let n = 0;
    while (n < max && this.readU8(a + n) !== 0) n++;
    return n;
  }

  readCString(a: number, max = Infinity): Uint8Array {
    return this.readBytes(a, this.strlen(a, max));
  }
}
