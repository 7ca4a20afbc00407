// A process's address space: 4 KiB pages, mapped by VMAs laid out like a Linux process, shared
// copy-on-write after fork. Every access checks its mapping, so a bad pointer becomes a simulated
// SIGSEGV (a MemoryFault the VM turns into signal 11), never a host error.
//
// The host backs memory in 1 KiB blocks. A process's page is four of them, and a copy-on-write fault
// gives the writer its own page whose blocks are copied one at a time, as each is written: a forked
// child that writes one word (glibc's fork has the kernel store the child's TID) costs the host a
// block rather than a page. The kernel's pages are single blocks, so that a task's 16 KiB kernel stack,
// of which a blocked task touches a few hundred bytes, costs the host one block. Blocks are the host's
// bookkeeping only: VMAs, faults and every figure a program or a teacher sees stay in pages.

export const PAGE_SIZE = 4096;

/** Where things live, as in a non-randomised x86-64 PIE process (what gdb shows with ASLR off). */
export const LAYOUT = {
  textStart: 0x555555554000,
  stackTop: 0x7ffffffff000,
  mmapBase: 0x7ffff7dd0000,
  /**
   * Kernel addresses. Linux puts its text at 0xffffffff81000000 and its direct map at 0xffff888000000000,
   * beyond what a JS number holds exactly; Forkscope uses look-alikes below 2^53.
   */
  kernelBase: 0x10000000000000,
  kernelText: 0x1fffff81000000,
  kernelHeap: 0x1fff8880000000,
} as const;

/** The access a mapping gives, as x86-64 gives it: a writable or executable page is readable too. */
export type Prot = 'none' | 'r' | 'rw' | 'rx' | 'rwx';

const writable = (prot: Prot): boolean => prot === 'rw' || prot === 'rwx';

/**
 * A MAP_SHARED mapping's pages (shmem's page cache): every process mapping it reaches the same Page
 * objects, so a write is seen by all and never copied. Made the first time a page is touched, in
 * whichever process touches it first. Anonymous memory's are keyed by their virtual page number, a
 * file's by their index in the file (MappedFile.pages).
 */
export type SharedPages = Map<number, Page>;

/**
 * A regular file as its mappings see it (the tmpfs file behind a VMA's vm_file). Its page cache holds
 * one share of each of its pages (Page.sharers), so a MAP_PRIVATE mapping that maps a page always finds
 * it shared and copies it on its first write; a MAP_SHARED mapping writes the page in place. A file's
 * pages keep their blocks for good (never copied block by block), so a block a TLB holds stays the
 * file's.
 */
export interface MappedFile {
  /** The page cache: the file's pages by index. */
  readonly pages: SharedPages;
  /** i_size, in bytes. */
  readonly size: number;
  /**
   * shmem_fault: page `index`, made (zeroed, and charged to tmpfs's budget) on its first touch;
   * undefined, which is SIGBUS, for a page wholly past the end of the file or when tmpfs is full.
   */
  fault(index: number): Page | undefined;
  /**
   * i_mmap: `space` has come to map the file, or maps it no more. A mapping keeps the file (its
   * vm_file reference): an unlinked file's data lives until its last open file and mapping are gone.
   */
  addMapper(space: AddressSpace): void;
  removeMapper(space: AddressSpace): void;
}

export interface Vma {
  start: number;
  end: number; // exclusive
  prot: Prot;
  /** How /proc/PID/maps would name it: the program name, [heap], [stack] or '' for anonymous memory. */
  name: string;
  /** Set for a MAP_SHARED mapping (see SharedPages); a fork's copy of the VMA points to the same pages. */
  shared?: SharedPages;
  /** A file mapping's file (vm_file), and the index in it of the page at `start` (vm_pgoff). */
  file?: MappedFile;
  pgoff?: number;
  /**
   * VM_MAYWRITE cleared: a MAP_SHARED mapping of a file not open for writing, which mprotect may never
   * make writable (EACCES).
   */
  mayWrite?: false;
}

/** The host's block size (see above). */
export const BLOCK_SIZE = 1024;
const BLOCKS_PER_PAGE = PAGE_SIZE / BLOCK_SIZE;
/** Every block of a page of its own: see Page.own. */
const ALL_BLOCKS = (1 << BLOCKS_PER_PAGE) - 1;
/** Kernel blocks are carved from buffers this large: one host allocation for many blocks. */
const BLOCK_ARENA_SIZE = 64 * 1024;
/**
 * What a read of a kernel block never written sees: the kernel's memory is always there and zero until
 * written, so such a read needs no block of its own (kzalloc'ed structs are mostly read before, or
 * never, written). Never written itself: a write fault gives the block its own memory.
 */
const KERNEL_ZERO_BLOCK = new DataView(new ArrayBuffer(BLOCK_SIZE));

/**
 * A physical page: a process's four blocks, or one of the kernel's. `sharers` counts the address spaces
 * mapping it; above 1 a write must copy it first (a copy-on-write fault).
 */
export class Page {
  sharers = 1;
  constructor(
    readonly blocks: DataView[],
    /**
     * Bit k set: block k is this page's alone, to write in place. A copy-on-write copy starts with the
     * original's blocks and none of these bits, and copies each block on its first write; the original
     * loses its bits too, since both now hold those blocks. (A block held by only one page after all is
     * copied once more than needed: a cost in host memory, never in what a program sees.)
     */
    public own: number,
  ) {}

  /** The page a copy-on-write fault gives the writer: the same bytes, each block to be copied when written. */
  copy(): Page {
    this.own = 0;
    return new Page(this.blocks.slice(), 0);
  }

  /**
   * The page a MAP_PRIVATE mapping's write fault makes of a file's page (do_cow_fault): every block
   * copied now, so that the file's page keeps its own (see MappedFile).
   */
  copyWhole(): Page {
    const copy = zeroPage();
    this.blocks.forEach((from, k) => {
      const to = copy.blocks[k]!;
      new Uint8Array(to.buffer, to.byteOffset, BLOCK_SIZE).set(new Uint8Array(from.buffer, from.byteOffset, BLOCK_SIZE));
    });
    return copy;
  }

  /** Block `k`, to be written in place: copied first unless the page holds it alone. */
  ownBlock(k: number): DataView {
    const v = this.blocks[k]!;
    if (this.own & (1 << k)) return v;
    const copy = new DataView(v.buffer.slice(v.byteOffset, v.byteOffset + BLOCK_SIZE));
    this.blocks[k] = copy;
    this.own |= 1 << k;
    return copy;
  }
}

/** The part [start, end) of mapping `v`: a file mapping's part starts that much further in the file. */
function vmaPart(v: Vma, start: number, end: number): Vma {
  const part = { ...v, start, end };
  if (v.pgoff !== undefined) part.pgoff = v.pgoff + (start - v.start) / PAGE_SIZE;
  return part;
}

/** A fresh process page (or a file's): one zeroed host buffer, seen as its four blocks. */
export function zeroPage(): Page {
  const buffer = new ArrayBuffer(PAGE_SIZE);
  const blocks: DataView[] = [];
  for (let off = 0; off < PAGE_SIZE; off += BLOCK_SIZE) blocks.push(new DataView(buffer, off, BLOCK_SIZE));
  return new Page(blocks, ALL_BLOCKS);
}

// Byte views of the two buffers that fill and copy touched last: the kernel's blocks share 64 KiB
// arenas, so that zeroing or copying a struct block by block finds its view here rather than making
// one per block (kzalloc and struct copies run several times on every fork).
let lastBytes: Uint8Array = new Uint8Array(0);
let otherBytes = lastBytes;

/** Whether the `n` bytes at `off` in `view` are all zero. */
function isZero(view: DataView, off: number, n: number): boolean {
  let i = 0;
  for (; i + 4 <= n; i += 4) if (view.getInt32(off + i) !== 0) return false;
  for (; i < n; i++) if (view.getUint8(off + i) !== 0) return false;
  return true;
}

/** A byte view of the whole of `buffer`. */
function bytesOf(buffer: ArrayBufferLike): Uint8Array {
  if (lastBytes.buffer === buffer) return lastBytes;
  const b = otherBytes.buffer === buffer ? otherBytes : new Uint8Array(buffer);
  otherBytes = lastBytes;
  lastBytes = b;
  return b;
}

/** Numbers for the host buffers behind shared memory (see sharedMemoryKey), 1 up, made as asked for. */
const bufferIds = new WeakMap<ArrayBufferLike, number>();
let lastBufferId = 0;
/** Larger than any host buffer's length, so that a buffer's offsets never reach the next one's keys. */
const BUFFER_KEY_SPAN = 2 ** 32;

function bufferId(buffer: ArrayBufferLike): number {
  let id = bufferIds.get(buffer);
  if (id === undefined) bufferIds.set(buffer, (id = ++lastBufferId));
  return id;
}

/**
 * Why an access faults: nothing mapped there, a mapping that forbids it, or a file mapping's page with
 * no page of the file behind it (past the file's end, or tmpfs full), which is SIGBUS rather than SIGSEGV.
 */
export type FaultReason = 'unmapped' | 'protection' | 'sigbus';

export class MemoryFault extends Error {
  constructor(readonly addr: number, readonly access: 'read' | 'write', readonly reason: FaultReason) {
    super(`${access} of ${reason} address 0x${addr.toString(16)}`);
  }
}

/**
 * The simulated machine's memory (it has no swap), in pages. A process with this many pages resident
 * that touches one more is out of memory: the kernel's OOM killer ends it. This, not the size of its
 * mappings, is what bounds the host memory a process costs, since a page exists only once touched.
 */
export const MAX_RESIDENT_PAGES = (256 * 1024 * 1024) / PAGE_SIZE;

/** A page fault that found no memory for a new page (mm/oom_kill.c's out_of_memory takes over). */
export class OutOfMemory extends Error {
  constructor(readonly addr: number) {
    super(`out of memory at 0x${addr.toString(16)}`);
  }
}

/**
 * The kernel's memory as a process sees it in each mode: all of it in kernel mode; in user mode only
 * what Linux maps for users, the read-only [vvar] data the vDSO reads (see AddressSpace.userView), so
 * that user code touching any other kernel address faults, as the page tables' user bit makes it.
 */
export interface KernelViews {
  kernelMode: AddressSpace;
  userMode: AddressSpace;
  /**
   * mm_account_fault: a fault that filled or copied a page of a process's memory is the running task's
   * (current->min_flt), whichever of the tasks sharing the memory took it.
   */
  accountFault(): void;
}

/** Counters a teacher wants to see for each process. */
export interface MemoryStats {
  residentPages: number;
  sharedPages: number;
  cowFaults: number;
  demandZeroFaults: number;
}

const TWO_32 = 0x100000000;
const BS = BLOCK_SIZE;
const KERNEL_BASE = LAYOUT.kernelBase;
/** Entries in each of a space's TLBs (a power of two), each a block. */
const TLB_SIZE = 64;

/** A TLB: block numbers at even indices, their views at the odd ones; -1 marks an empty entry. */
type TlbEntries = (number | DataView)[];

/**
 * Emptied TLBs that spaces gave back (see dropTlbs), for the next space that needs one: a fork bomb's
 * children each run a few hundred steps and sleep, and would otherwise make two TLBs each and keep
 * them while asleep. Bounded: a handful covers the spaces that run between two sleeps.
 */
const spareTlbs: TlbEntries[] = [];
const MAX_SPARE_TLBS = 16;

function newTlb(): TlbEntries {
  return spareTlbs.pop() ?? new Array<number | DataView>(2 * TLB_SIZE).fill(-1);
}

/** Gives `tlb` back, emptied (its views no longer held). */
function spareTlb(tlb: TlbEntries | undefined): void {
  if (tlb && spareTlbs.length < MAX_SPARE_TLBS) spareTlbs.push(tlb.fill(-1));
}

/** The entry's index for block `bn`: its low bits (& keeps them past 2^32, as ToInt32 does). */
const tlbSlot = (bn: number): number => (bn & (TLB_SIZE - 1)) * 2;
/** Larger than any process's memory can be (the simulator caps heap and stack far below it). */
const HUGE_RANGE = 0x40000000;

export class AddressSpace {
  /**
   * Page table: page number less keyBias → page. Absent means not present yet (or not mapped: the VMAs
   * decide). The kernel's keys are counted from its heap, so that they stay small integers (V8's Smis,
   * which a Map hashes fast and stores unboxed) rather than numbers near 2^43.
   */
  private readonly pages: Map<number, Page>;
  private readonly keyBias: number;
  /** Blocks in each of this space's pages: BLOCKS_PER_PAGE for a process, 1 for the kernel (see above). */
  private readonly blocksPerPage: number;
  /** blocksPerPage * BLOCK_SIZE. */
  private readonly pageBytes: number;
  /**
   * Sorted by start. Few entries (text, data, heap, stack, a handful of mmaps). A fork shares the
   * parent's list until either side changes it (see ownVmas): most children never do.
   */
  private vmaList: Vma[];
  private vmasShared = false;
  /** Whether a mapping is PROT_NONE: then a read must check its mapping, not just find its page. */
  private noAccess = false;
  brk: number;
  startBrk: number;
  cowFaults = 0;
  demandZeroFaults = 0;
  /**
   * mm->hiwater_rss: the most pages resident at once, as known when pages last went (update_hiwater_rss
   * before an unmap); get_mm_hiwater_rss adds the pages resident now.
   */
  private hiwaterPages = 0;
  /**
   * The kernel's memory, mapped into every process above LAYOUT.kernelBase as Linux maps it: shared by
   * all, never copied on fork. In user mode, the view of it user code may read (see setKernelMode).
   * Undefined for the kernel's own space and for programs run without one.
   */
  kernel: AddressSpace | undefined;
  private kernelViews: KernelViews | undefined;
  /** Set while the debugger watches memory: called before each write with its range. */
  onWrite: ((addr: number, len: number) => void) | undefined;

  // One-entry translation caches for reads and writes, by block: most accesses hit the block of the one before.
  private rbn = -1;
  private rview: DataView | undefined;
  private wbn = -1;
  private wview: DataView | undefined;
  // Behind them, small direct-mapped TLBs: kernel code moves between the user's stack, its own stack
  // and several task_structs, and a miss would otherwise cost a page-table lookup (and for writes a
  // VMA search and a sharing check). The write TLB holds only blocks this space may write in place.
  // Each is a flat array of (block number, view) pairs, taken on the first miss and given back when the
  // space's task sleeps (see dropTlbs): a fork bomb's spaces must stay small.
  private rTlb: TlbEntries | undefined;
  private wTlb: TlbEntries | undefined;
  /** load64's result: the low half unsigned, the high half signed. */
  private lo64 = 0;
  private hi64 = 0;
  /** chunk()'s results besides the view: the offset in the block, and the bytes left in it. */
  private chunkOff = 0;
  private chunkLen = 0;
  /** The arena the next kernel block is carved from, and how much of it is used. */
  private arena: ArrayBuffer | undefined;
  private arenaUsed = 0;

  constructor(from?: AddressSpace, kernelSpace = false) {
    this.blocksPerPage = from ? from.blocksPerPage : kernelSpace ? 1 : BLOCKS_PER_PAGE;
    this.pageBytes = this.blocksPerPage * BS;
    this.keyBias = from ? from.keyBias : kernelSpace ? Math.floor(LAYOUT.kernelHeap / BS) : 0;
    if (from) {
      // forEach rather than new Map(from.pages), which would make an entry array for every page.
      const pages = new Map<number, Page>();
      from.pages.forEach((p, key) => {
        pages.set(key, p);
        p.sharers++;
      });
      this.pages = pages;
      this.vmaList = from.vmaList;
      this.vmasShared = from.vmasShared = true;
      for (const v of this.vmaList) v.file?.addMapper(this);
      this.noAccess = from.noAccess;
      this.brk = from.brk;
      this.startBrk = from.startBrk;
      // dup_mm copies the whole mm_struct, its high-water mark with it.
      this.hiwaterPages = from.hiwaterPages;
      this.kernel = from.kernel;
      this.kernelViews = from.kernelViews;
      // Both sides must fault on their next write now that every page is shared (the parent's TLB is
      // emptied rather than dropped: it writes again at once).
      from.wbn = -1;
      from.wview = undefined;
      from.wTlb?.fill(-1);
    } else {
      this.pages = new Map();
      this.vmaList = [];
      this.brk = this.startBrk = 0;
      this.kernel = undefined;
    }
  }

  /** Maps the kernel's memory into this process's space, as kernel mode sees it. */
  mapKernel(views: KernelViews): void {
    this.kernelViews = views;
    this.kernel = views.kernelMode;
  }

  /**
   * The running code's mode changed (a system call, an interrupt or a fault entered the kernel, or it
   * returned to user code): the kernel addresses this space reaches change with it. Called by the
   * interpreter as it switches between user and kernel functions.
   */
  setKernelMode(inKernel: boolean): void {
    const v = this.kernelViews;
    if (v) this.kernel = inKernel ? v.kernelMode : v.userMode;
  }

  /**
   * For the kernel's own space: a space holding only [start, end), read-only, sharing this space's
   * blocks, so that it sees every later write to them: the [vvar] data as user mode may read it.
   */
  userView(start: number, end: number): AddressSpace {
    const view = new AddressSpace(undefined, true);
    view.vmaList = [{ start, end, prot: 'r', name: '[vvar]' }];
    for (let bn = Math.floor(start / BS); bn * BS < end; bn++) {
      const key = bn - this.keyBias;
      let p = this.pages.get(key);
      if (!p) this.pages.set(key, (p = new Page([this.newKernelBlock()], 1)));
      view.pages.set(key, p);
    }
    return view;
  }

  /** fork's copy: the page table is copied, the pages are shared until one side writes. */
  fork(): AddressSpace {
    return new AddressSpace(this);
  }

  /**
   * The kernel's space, made from the compiled kernel image at boot: a copy sharing no page, since
   * other spaces cache the kernel's pages, which must never move; held in kernel-sized blocks.
   */
  kernelCopy(): AddressSpace {
    const k = new AddressSpace(undefined, true);
    k.vmaList = this.vmaList.map((v) => ({ ...v }));
    k.brk = this.brk;
    k.startBrk = this.startBrk;
    for (const [key, p] of this.pages) {
      const firstBlock = (key + this.keyBias) * this.blocksPerPage;
      p.blocks.forEach((from, i) => {
        const block = k.newKernelBlock();
        new Uint8Array(block.buffer, block.byteOffset, BS).set(new Uint8Array(from.buffer, from.byteOffset, BS));
        k.pages.set(firstBlock + i - k.keyBias, new Page([block], 1));
      });
    }
    return k;
  }

  /** Fresh zeroed memory for a page: the process's own buffer, or a block of the kernel's arena. */
  private newPage(): Page {
    return this.blocksPerPage === 1 ? new Page([this.newKernelBlock()], 1) : zeroPage();
  }

  private newKernelBlock(): DataView {
    if (!this.arena || this.arenaUsed === BLOCK_ARENA_SIZE) {
      this.arena = new ArrayBuffer(BLOCK_ARENA_SIZE);
      this.arenaUsed = 0;
    }
    const view = new DataView(this.arena, this.arenaUsed, BS);
    this.arenaUsed += BS;
    return view;
  }

  /** exit_mm / exec: drop this space's share of every page. */
  release(): void {
    for (const p of this.pages.values()) p.sharers--;
    this.pages.clear();
    const old = this.vmaList;
    this.vmaList = [];
    this.vmasShared = false;
    this.dropTlbs();
    this.vmasChanged();
    this.filesUnmapped(old);
  }

  /** After mappings went: each file among `gone` that no mapping left here shows is this space's no more. */
  private filesUnmapped(gone: readonly Vma[]): void {
    for (const v of gone) {
      const file = v.file;
      if (file && !this.vmaList.some((w) => w.file === file)) file.removeMapper(this);
    }
  }

  /** The mappings, sorted by start. */
  get vmas(): readonly Readonly<Vma>[] {
    return this.vmaList;
  }

  /** The mappings for a change: this space's own copy once a fork has shared them. */
  private ownVmas(): Vma[] {
    if (this.vmasShared) {
      this.vmaList = this.vmaList.map((v) => ({ ...v }));
      this.vmasShared = false;
    }
    return this.vmaList;
  }

  map(start: number, length: number, prot: Prot, name: string): Readonly<Vma> {
    const vma = { start, end: start + Math.ceil(length / PAGE_SIZE) * PAGE_SIZE, prot, name };
    const vmas = this.ownVmas();
    vmas.push(vma);
    vmas.sort((a, b) => a.start - b.start);
    return vma;
  }

  /** Changes the mapping that starts at `start` (mprotect, or a mapping's end moved), as the linker does to its image. */
  updateVma(start: number, change: { prot?: Prot; end?: number }): void {
    const vma = this.ownVmas().find((v) => v.start === start);
    if (!vma) throw new Error(`no mapping starts at 0x${start.toString(16)}`);
    Object.assign(vma, change);
    this.vmasChanged();
  }

  /** After the mappings changed: no cached translation may outlive them. */
  private vmasChanged(): void {
    this.noAccess = this.vmaList.some((v) => v.prot === 'none');
    this.invalidate();
  }

  /** Whether any mapping overlaps [start, end). */
  intersects(start: number, end: number): boolean {
    return this.vmaList.some((v) => v.start < end && v.end > start);
  }

  /** mmap's anonymous memory: a new mapping over [start, start+length), which must be free. */
  mapAnonymous(start: number, length: number, prot: Prot, shared: boolean): void {
    const vma = this.map(start, length, prot, '');
    if (shared) (vma as Vma).shared = new Map();
    this.vmasChanged();
  }

  /**
   * mmap of a regular file (shmem_mmap): a new mapping over [start, start+length), which must be free,
   * showing `file` from page `pgoff` on: its own pages for a MAP_SHARED mapping, copies of them made
   * on the first write for a MAP_PRIVATE one. Its pages come at the first touch (see fileFault).
   */
  mapFile(start: number, length: number, prot: Prot, shared: boolean, file: MappedFile, pgoff: number, name: string, mayWrite: boolean): void {
    const vma = this.map(start, length, prot, name) as Vma;
    vma.file = file;
    vma.pgoff = pgoff;
    if (shared) vma.shared = file.pages;
    if (!mayWrite) vma.mayWrite = false;
    file.addMapper(this);
    this.vmasChanged();
  }

  /**
   * munmap: whatever is mapped in [start, start+length) goes, pages and all; a mapping that reaches out
   * of the range keeps the rest, split in two if need be.
   */
  unmap(start: number, length: number): void {
    const end = start + length;
    if (!this.intersects(start, end)) return;
    const gone: Vma[] = [];
    this.splitVmas(start, end, (part) => {
      this.dropPages(part.start, part.end);
      gone.push(part);
      return undefined;
    });
    this.filesUnmapped(gone);
  }

  /**
   * truncate's unmap_mapping_range (with even_cows): every page this space maps of `file` from index
   * `from` on goes, a private copy too, so that the next touch of one past the new end is SIGBUS.
   */
  zapFilePages(file: MappedFile, from: number): void {
    for (const v of this.vmaList) {
      if (v.file !== file) continue;
      const first = Math.max(v.start, v.start + (from - v.pgoff!) * PAGE_SIZE);
      if (first < v.end) this.dropPages(first, v.end);
    }
  }

  /** madvise's MADV_DONTNEED (zap_page_range): the pages of [start, end) go, the mappings stay. */
  zapPages(start: number, end: number): void {
    this.dropPages(start, end);
  }

  /**
   * mprotect: `prot` for every page of [start, end), splitting the mappings it covers in part:
   * 'unmapped', changing nothing, when part of the range is not mapped; 'denied' when a mapping may
   * not be made writable (see Vma.mayWrite), the mappings before it changed (as Linux's walk leaves them).
   */
  protect(start: number, end: number, prot: Prot): 'ok' | 'unmapped' | 'denied' {
    let covered = start;
    let denied: number | undefined;
    for (const v of this.vmaList) {
      if (v.end <= covered) continue;
      if (v.start > covered) break;
      if (v.mayWrite === false && writable(prot)) {
        denied = covered;
        break;
      }
      covered = v.end;
      if (covered >= end) break;
    }
    if (denied === undefined && covered < end) return 'unmapped';
    if (denied !== start) this.splitVmas(start, denied ?? end, (part) => ({ ...part, prot }));
    return denied === undefined ? 'ok' : 'denied';
  }

  /**
   * Splits the mappings at `start` and `end`, and replaces each part inside [start, end) with what
   * `inside` makes of it (nothing, to unmap it); the parts outside stay as they were.
   */
  private splitVmas(start: number, end: number, inside: (part: Vma) => Vma | undefined): void {
    const out: Vma[] = [];
    for (const v of this.ownVmas()) {
      if (v.end <= start || v.start >= end) {
        out.push(v);
        continue;
      }
      if (v.start < start) out.push({ ...v, end: start });
      const replaced = inside(vmaPart(v, Math.max(v.start, start), Math.min(v.end, end)));
      if (replaced) out.push(replaced);
      if (v.end > end) out.push(vmaPart(v, end, v.end));
    }
    this.vmaList = out;
    this.vmasChanged();
  }

  /**
   * Where a file mapping's pages with a page of the file behind them end: at the first page wholly
   * past the file's end (SIGBUS to touch); the mapping's end for any other.
   */
  private backedEnd(v: Readonly<Vma>): number {
    if (!v.file) return v.end;
    const pages = Math.ceil(v.file.size / PAGE_SIZE) - v.pgoff!;
    return Math.min(v.end, Math.max(v.start, v.start + pages * PAGE_SIZE));
  }

  findVma(addr: number): Readonly<Vma> | undefined {
    if (addr >= LAYOUT.kernelBase && this.kernel) return this.kernel.findVma(addr);
    for (const v of this.vmaList) if (addr >= v.start && addr < v.end) return v;
    return undefined;
  }

  /**
   * The memory at `addr` as every process sharing it knows it, when it lies in a MAP_SHARED mapping: a
   * number that is the same whatever address each one maps it at (the host buffer holding it and the
   * offset there); 0 in private memory or memory it may not read. Like get_user_pages, it faults the
   * page in. What a shared futex is keyed by (kernel/futex.c).
   */
  sharedMemoryKey(addr: number): number {
    if (addr >= LAYOUT.kernelBase || !this.findVma(addr)?.shared) return 0;
    const bn = Math.floor(addr / BS);
    let view: DataView;
    try {
      view = this.readBlock(bn, addr);
    } catch (e) {
      // PROT_NONE: no page to key by; the futex's own read of the word then faults as it would.
      if (e instanceof MemoryFault) return 0;
      throw e;
    }
    return bufferId(view.buffer) * BUFFER_KEY_SPAN + view.byteOffset + (addr - bn * BS);
  }

  /**
   * copy_from_user's and copy_to_user's reach in this process's memory: how many of the `len` bytes
   * from `addr` can be read (or written) before the first that would fault. 0 for a range that is not
   * all below the kernel's addresses (access_ok refuses it whole).
   */
  userAccessible(addr: number, len: number, write: boolean): number {
    if (!(addr >= 0 && addr + len <= LAYOUT.kernelBase)) return 0;
    let at = addr;
    const end = addr + len;
    for (const v of this.vmaList) {
      if (v.end <= at) continue;
      if (v.start > at || v.prot === 'none' || (write && !writable(v.prot))) break;
      // A file mapping's pages past the file's end fault (SIGBUS): the copy stops there, as on Linux.
      at = this.backedEnd(v);
      if (at >= end || at < v.end) break;
    }
    return Math.min(at, end) - addr;
  }

  /** Moves the program break, as brk(2) does; returns false when it would run into another mapping. */
  setBrk(newBrk: number): boolean {
    // Loops rather than find()s with callbacks: the kernel's slab moves its break on most allocations.
    const vmas = this.vmaList;
    let h = 0;
    while (h < vmas.length && vmas[h]!.name !== '[heap]') h++;
    const found = vmas[h];
    if (!found || newBrk < this.startBrk) return false;
    const end = Math.ceil(newBrk / PAGE_SIZE) * PAGE_SIZE;
    for (const next of vmas) {
      if (next.start >= found.end && next !== found) {
        if (end > next.start) return false;
        break;
      }
    }
    if (end < found.end) this.dropPages(end, found.end);
    const heap = this.ownVmas()[h]!;
    heap.end = Math.max(end, heap.start);
    this.brk = newBrk;
    return true;
  }

  /** The pages of [start, end), page-aligned, go from this space. */
  private dropPages(start: number, end: number): void {
    this.hiwaterPages = this.hiwaterRss();
    for (let pn = start / this.pageBytes; pn < end / this.pageBytes; pn++) {
      const p = this.pages.get(pn - this.keyBias);
      if (p) {
        p.sharers--;
        this.pages.delete(pn - this.keyBias);
      }
    }
    this.invalidate();
  }

  invalidate(): void {
    this.rbn = this.wbn = -1;
    this.rview = this.wview = undefined;
    this.rTlb?.fill(-1);
    this.wTlb?.fill(-1);
  }

  /**
   * The space's task sleeps (or its memory goes): its TLBs go back to the spares, for whichever space
   * runs next. By the time the task wakes they would be cold anyway; the first misses refill them.
   */
  dropTlbs(): void {
    spareTlb(this.rTlb);
    spareTlb(this.wTlb);
    this.rTlb = this.wTlb = undefined;
  }

  /** get_mm_hiwater_rss: the most pages this memory has had resident at once. */
  hiwaterRss(): number {
    return Math.max(this.hiwaterPages, this.pages.size);
  }

  /** A process's page counts (the kernel's space has no such figures). */
  stats(): MemoryStats {
    let shared = 0;
    for (const p of this.pages.values()) if (p.sharers > 1) shared++;
    // A file's page is shared with another space only when two spaces map it: the file's own share
    // (its page cache's) is no address space's.
    for (const v of this.vmaList) {
      if (!v.file) continue;
      for (let a = v.start; a < v.end; a += PAGE_SIZE) {
        const p = this.pages.get(a / this.pageBytes - this.keyBias);
        if (p && p.sharers === 2 && v.file.pages.get(v.pgoff! + (a - v.start) / PAGE_SIZE) === p) shared--;
      }
    }
    return { residentPages: this.pages.size, sharedPages: shared, cowFaults: this.cowFaults, demandZeroFaults: this.demandZeroFaults };
  }

  // ------------------------------------------------------------ translation
  //
  // Kernel addresses in a process's space are the kernel's memory, in the kernel's blocks: every access
  // to one is handed to the kernel's space whole (its caches are then shared by every process), before
  // any offset is computed in this space's blocks.

  private readBlock(bn: number, addr: number): DataView {
    const v = this.translate((this.rTlb ??= newTlb()), bn, addr, false);
    this.rbn = bn;
    this.rview = v;
    return v;
  }

  private writeBlock(bn: number, addr: number): DataView {
    const v = this.translate((this.wTlb ??= newTlb()), bn, addr, true);
    this.wbn = bn;
    this.wview = v;
    return v;
  }

  /** Block `bn`'s view through `tlb`, filling the entry on a miss. */
  private translate(tlb: TlbEntries, bn: number, addr: number, write: boolean): DataView {
    const slot = tlbSlot(bn);
    if (tlb[slot] === bn) return tlb[slot + 1] as DataView;
    const v = write ? this.writableBlock(bn, addr) : this.readableBlock(bn, addr);
    tlb[slot] = bn;
    tlb[slot + 1] = v;
    return v;
  }

  private readableBlock(bn: number, addr: number): DataView {
    if (this.noAccess && this.findVma(addr)?.prot === 'none') throw new MemoryFault(addr, 'read', 'protection');
    const pn = Math.floor(bn / this.blocksPerPage);
    const k = bn - pn * this.blocksPerPage;
    const p = this.pages.get(pn - this.keyBias);
    if (p) return p.blocks[k]!;
    if (this.blocksPerPage !== 1) return this.demandZero(pn, addr, 'read').blocks[k]!;
    if (!this.findVma(addr)) throw new MemoryFault(addr, 'read', 'unmapped');
    return KERNEL_ZERO_BLOCK;
  }

  /** The block a write goes to, after the checks and faults of a first write: mapping, protection, sharing. */
  private writableBlock(bn: number, addr: number): DataView {
    const vma = this.checkWritable(addr);
    const pn = Math.floor(bn / this.blocksPerPage);
    const k = bn - pn * this.blocksPerPage;
    let p = this.pages.get(pn - this.keyBias);
    if (p && p.sharers === 1 && p.own & (1 << k)) return p.blocks[k]!;
    const fresh = !p;
    if (!p) p = this.demandZero(pn, addr, 'write');
    if (vma.shared) {
      if (!fresh) return p.blocks[k]!;
    } else if (p.sharers > 1) {
      // Copy-on-write fault: this space gets its own page and the other sharers keep the original (a
      // file's page whole: see MappedFile).
      p.sharers--;
      p = vma.file && vma.file.pages.get(this.fileIndex(vma, pn)) === p ? p.copyWhole() : p.copy();
      this.pages.set(pn - this.keyBias, p);
      this.cowFaults++;
      // A private file mapping's first write to a page is one fault (do_cow_fault), counted as it mapped the file's page.
      if (!fresh) this.kernelViews?.accountFault();
    }
    const v = p.ownBlock(k);
    // The read caches may hold the block's old view: the shared original, or the kernel's zero block.
    if (this.rbn === bn) this.rview = v;
    const slot = tlbSlot(bn);
    if (this.rTlb && this.rTlb[slot] === bn) this.rTlb[slot + 1] = v;
    return v;
  }

  /** A write's checks: faults unless `addr` is mapped writable. */
  private checkWritable(addr: number): Readonly<Vma> {
    const vma = this.findVma(addr);
    if (!vma) throw new MemoryFault(addr, 'write', 'unmapped');
    if (!writable(vma.prot)) throw new MemoryFault(addr, 'write', 'protection');
    return vma;
  }

  /**
   * Whether `addr` is in a kernel block never written, which writing zeros may leave as it is (it reads
   * as zeros already) once a write's checks pass; if so, chunkLen is the bytes from `addr` to its end.
   * Process memory is always touched instead: its demand-zero faults and resident pages are figures a
   * program sees.
   */
  private inUnwrittenKernelBlock(addr: number): boolean {
    const s = addr >= KERNEL_BASE && this.kernel !== undefined ? this.kernel : this;
    if (s.blocksPerPage !== 1) return false;
    const bn = Math.floor(addr / BS);
    if (s.pages.has(bn - s.keyBias)) return false;
    s.checkWritable(addr);
    this.chunkLen = BS - (addr - bn * BS);
    return true;
  }

  /** The index in a file mapping's file of this space's page `pn`. */
  private fileIndex(vma: Readonly<Vma>, pn: number): number {
    return vma.pgoff! + pn - vma.start / PAGE_SIZE;
  }

  /** Page `pn`'s first touch. */
  private demandZero(pn: number, addr: number, access: 'read' | 'write'): Page {
    const vma = this.findVma(addr);
    if (!vma) throw new MemoryFault(addr, access, 'unmapped');
    if (vma.file) return this.fileFault(vma.file, this.fileIndex(vma, pn), pn, addr, access);
    // A shared mapping's page may exist already, made by another process that maps it.
    let p = vma.shared?.get(pn);
    if (p) p.sharers++;
    else {
      if (this.blocksPerPage !== 1 && this.pages.size >= MAX_RESIDENT_PAGES) throw new OutOfMemory(addr);
      p = this.newPage();
      vma.shared?.set(pn, p);
      this.demandZeroFaults++;
    }
    this.pages.set(pn - this.keyBias, p);
    this.kernelViews?.accountFault();
    return p;
  }

  /**
   * A file mapping's page `pn` (the file's page `index`) touched first: the file's page, made if need
   * be; a page past the file's end, or one tmpfs has no room for, is SIGBUS.
   */
  private fileFault(file: MappedFile, index: number, pn: number, addr: number, access: 'read' | 'write'): Page {
    if (this.pages.size >= MAX_RESIDENT_PAGES) throw new OutOfMemory(addr);
    const p = file.fault(index);
    if (!p) throw new MemoryFault(addr, access, 'sigbus');
    p.sharers++;
    this.pages.set(pn - this.keyBias, p);
    this.kernelViews?.accountFault();
    return p;
  }

  /**
   * For bulk copies: the block holding `addr` in its owning space, the offset of `addr` in it, and the
   * bytes from there to the block's end (as `chunkOff` and `chunkLen`, to allocate nothing).
   */
  private chunk(addr: number, write: boolean): DataView {
    const s = addr >= KERNEL_BASE && this.kernel !== undefined ? this.kernel : this;
    const bn = Math.floor(addr / BS);
    this.chunkOff = addr - bn * BS;
    this.chunkLen = BS - this.chunkOff;
    if (write) return bn === s.wbn ? s.wview! : s.writeBlock(bn, addr);
    return bn === s.rbn ? s.rview! : s.readBlock(bn, addr);
  }

  // ------------------------------------------------------------ typed access (little-endian)
  //
  // Each access picks the space that holds its address first (s: this one, or the kernel's for a
  // kernel address) and then works in s's blocks and caches: a choice of object rather than a call,
  // so that the kernel's accesses from a process cost no more than its own.

  readU8(a: number): number {
    const s = a >= KERNEL_BASE && this.kernel !== undefined ? this.kernel : this;
    const bn = Math.floor(a / BS);
    const v = bn === s.rbn ? s.rview! : s.readBlock(bn, a);
    return v.getUint8(a - bn * BS);
  }
  readI8(a: number): number {
    return (this.readU8(a) << 24) >> 24;
  }
  readU16(a: number): number {
    const s = a >= KERNEL_BASE && this.kernel !== undefined ? this.kernel : this;
    const bn = Math.floor(a / BS);
    const off = a - bn * BS;
    if (off > BS - 2) return s.readU8(a) | (s.readU8(a + 1) << 8);
    const v = bn === s.rbn ? s.rview! : s.readBlock(bn, a);
    return v.getUint16(off, true);
  }
  readI16(a: number): number {
    return (this.readU16(a) << 16) >> 16;
  }
  readI32(a: number): number {
    const s = a >= KERNEL_BASE && this.kernel !== undefined ? this.kernel : this;
    const bn = Math.floor(a / BS);
    const off = a - bn * BS;
    if (off > BS - 4) return s.readU16(a) | (s.readU16(a + 2) << 16);
    const v = bn === s.rbn ? s.rview! : s.readBlock(bn, a);
    return v.getInt32(off, true);
  }
  readU32(a: number): number {
    return this.readI32(a) >>> 0;
  }
  /** 64-bit values are numbers while they are safe integers, bigints beyond (see int64.ts). */
  readI64(a: number): number | bigint {
    const s = a >= KERNEL_BASE && this.kernel !== undefined ? this.kernel : this;
    s.load64(a);
    const lo = s.lo64;
    const hi = s.hi64;
    if (hi >= -0x200000 && hi < 0x200000) return hi * TWO_32 + lo;
    return (BigInt(hi) << 32n) | BigInt(lo);
  }
  readU64(a: number): number | bigint {
    const s = a >= KERNEL_BASE && this.kernel !== undefined ? this.kernel : this;
    s.load64(a);
    const lo = s.lo64;
    const hi = s.hi64 >>> 0;
    if (hi < 0x200000) return hi * TWO_32 + lo;
    return (BigInt(hi) << 32n) | BigInt(lo);
  }
  /**
   * Reads the 64-bit word at `a`, an address of this space's own, into lo64 (unsigned) and hi64
   * (signed), with one translation when it fits in a block: pointers and longs are most of the kernel's reads.
   */
  private load64(a: number): void {
    const bn = Math.floor(a / BS);
    const off = a - bn * BS;
    if (off <= BS - 8) {
      const v = bn === this.rbn ? this.rview! : this.readBlock(bn, a);
      this.lo64 = v.getUint32(off, true);
      this.hi64 = v.getInt32(off + 4, true);
    } else {
      this.lo64 = this.readU32(a);
      this.hi64 = this.readI32(a + 4);
    }
  }
  /**
   * A pointer, as the compiler holds pointers (values.ts's Access): the 64-bit value as a number,
   * negative from 2^63 on, so that (void *)-1 reads back as -1. Far from 0 and from 2^64 (never a
   * valid address here) it is rounded, exactly as Number() of the bigint would round it.
   */
  readPtr(a: number): number {
    const s = a >= KERNEL_BASE && this.kernel !== undefined ? this.kernel : this;
    const bn = Math.floor(a / BS);
    const off = a - bn * BS;
    if (off > BS - 8) return Number(s.readI64(a));
    const v = bn === s.rbn ? s.rview! : s.readBlock(bn, a);
    return v.getInt32(off + 4, true) * TWO_32 + v.getUint32(off, true);
  }
  readF32(a: number): number {
    const s = a >= KERNEL_BASE && this.kernel !== undefined ? this.kernel : this;
    const bn = Math.floor(a / BS);
    const off = a - bn * BS;
    if (off > BS - 4) return s.viaScratch(a, 4).getFloat32(0, true);
    const v = bn === s.rbn ? s.rview! : s.readBlock(bn, a);
    return v.getFloat32(off, true);
  }
  readF64(a: number): number {
    const s = a >= KERNEL_BASE && this.kernel !== undefined ? this.kernel : this;
    const bn = Math.floor(a / BS);
    const off = a - bn * BS;
    if (off > BS - 8) return s.viaScratch(a, 8).getFloat64(0, true);
    const v = bn === s.rbn ? s.rview! : s.readBlock(bn, a);
    return v.getFloat64(off, true);
  }

  // Writes report to this space's watcher (the debugger's, for the thread running in it) whichever
  // space holds the address.
  write8(a: number, x: number): void {
    if (this.onWrite) this.onWrite(a, 1);
    const s = a >= KERNEL_BASE && this.kernel !== undefined ? this.kernel : this;
    const bn = Math.floor(a / BS);
    const v = bn === s.wbn ? s.wview! : s.writeBlock(bn, a);
    v.setUint8(a - bn * BS, x);
  }
  write16(a: number, x: number): void {
    const s = a >= KERNEL_BASE && this.kernel !== undefined ? this.kernel : this;
    const bn = Math.floor(a / BS);
    const off = a - bn * BS;
    if (off > BS - 2) { this.write8(a, x); this.write8(a + 1, x >> 8); return; }
    if (this.onWrite) this.onWrite(a, 2);
    const v = bn === s.wbn ? s.wview! : s.writeBlock(bn, a);
    v.setUint16(off, x, true);
  }
  write32(a: number, x: number): void {
    const s = a >= KERNEL_BASE && this.kernel !== undefined ? this.kernel : this;
    const bn = Math.floor(a / BS);
    const off = a - bn * BS;
    if (off > BS - 4) { this.write16(a, x); this.write16(a + 2, x >> 16); return; }
    if (this.onWrite) this.onWrite(a, 4);
    const v = bn === s.wbn ? s.wview! : s.writeBlock(bn, a);
    v.setInt32(off, x, true);
  }
  write64(a: number, x: number | bigint): void {
    const s = a >= KERNEL_BASE && this.kernel !== undefined ? this.kernel : this;
    const bn = Math.floor(a / BS);
    const off = a - bn * BS;
    if (typeof x === 'number' && off <= BS - 8) {
      if (this.onWrite) this.onWrite(a, 8);
      const v = bn === s.wbn ? s.wview! : s.writeBlock(bn, a);
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
      if (access === 'write' && !writable(vma.prot)) throw new MemoryFault(addr, access, 'protection');
      addr = vma.end;
    }
    throw new MemoryFault(a, access, 'unmapped');
  }

  readBytes(a: number, len: number): Uint8Array {
    this.checkHugeRange(a, len, 'read');
    const out = new Uint8Array(len);
    let i = 0;
    while (i < len) {
      const v = this.chunk(a + i, false);
      const n = Math.min(len - i, this.chunkLen);
      out.set(new Uint8Array(v.buffer, v.byteOffset + this.chunkOff, n), i);
      i += n;
    }
    return out;
  }

  writeBytes(a: number, bytes: Uint8Array): void {
    if (this.onWrite && bytes.length) this.onWrite(a, bytes.length);
    let i = 0;
    while (i < bytes.length) {
      const v = this.chunk(a + i, true);
      const n = Math.min(bytes.length - i, this.chunkLen);
      new Uint8Array(v.buffer, v.byteOffset + this.chunkOff, n).set(bytes.subarray(i, i + n));
      i += n;
    }
  }

  /**
   * memcpy within this space: block to block, with no buffer in between (struct assignment copies whole
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
      const from = this.chunk(src + i, false);
      const soff = this.chunkOff;
      const slen = this.chunkLen;
      // Zeros copied to a kernel block never written leave it as it is: a fork copies its parent's
      // sighand_struct, mostly default (zero) dispositions, into a fresh one.
      if (this.inUnwrittenKernelBlock(dst + i)) {
        const n = Math.min(len - i, slen, this.chunkLen);
        if (from === KERNEL_ZERO_BLOCK || isZero(from, soff, n)) {
          i += n;
          continue;
        }
      }
      const to = this.chunk(dst + i, true);
      const n = Math.min(len - i, slen, this.chunkLen);
      const fromBytes = bytesOf(from.buffer);
      const toBytes = bytesOf(to.buffer);
      const s = from.byteOffset + soff;
      const d = to.byteOffset + this.chunkOff;
      if (toBytes === fromBytes) toBytes.copyWithin(d, s, s + n);
      else toBytes.set(fromBytes.subarray(s, s + n), d);
      i += n;
    }
  }

  fill(a: number, byte: number, len: number): void {
    this.checkHugeRange(a, len, 'write');
    if (len <= 0) return;
    if (this.onWrite) this.onWrite(a, len);
    // Block by block in place: calloc and the kernel's kzalloc zero memory on every fork.
    let i = 0;
    while (i < len) {
      if (byte === 0 && this.inUnwrittenKernelBlock(a + i)) {
        i += Math.min(len - i, this.chunkLen);
        continue;
      }
      const v = this.chunk(a + i, true);
      const n = Math.min(len - i, this.chunkLen);
      const start = v.byteOffset + this.chunkOff;
      bytesOf(v.buffer).fill(byte, start, start + n);
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
