// The chunk bookkeeping behind malloc/calloc/realloc/free of a simulated process, laid out like glibc's
// ptmalloc so a student inspecting memory sees what gdb would show: 16-byte chunk headers (prev_size,
// size | PREV_INUSE) before each user pointer, a "top" chunk at the end that grows with brk, and the
// first malloc returning heap start + 0x2a0 because glibc's per-thread cache occupies the first 0x290 bytes.
//
// Every piece of allocator state lives in the process's memory (the first chunk holds the free-list head
// and the top pointer; the C library's global __libc_malloc_arena says where that chunk is), never in
// TypeScript: fork copies the address space and with it the heap's state.
//
// The break is never moved here. The C library's malloc (sysroot/lib/malloc.c) asks coreNeeded how many
// bytes the heap lacks, moves the break itself with sbrk, as glibc's sysmalloc does through MORECORE,
// and hands the new memory over with coreAdded; only then does intMalloc or intRealloc take a chunk. So
// every brk(2) the allocator causes is a real system call, which --trace shows as strace does.
//
// The program may move the break itself too (brk, sbrk). As glibc's main arena, the allocator starts
// where the break is at its first call, and when memory it is handed does not follow its top chunk, it
// starts a new top there and fences the old one off (sysmalloc's "foreign sbrk"): memory sbrk handed
// out is never the allocator's.
//
// Policy (simpler than glibc, same shapes): one doubly-linked free list, newest first; first fit; a chunk
// larger than needed is split; a freed chunk merges with free neighbours and with top. There is no tcache
// and no trimming of top. Large requests the heap cannot serve get mappings of their own, made and
// unmade by the C library (lib/malloc.c): those chunks are never the host's.
import { PAGE_SIZE, type AddressSpace } from '../vm/memory';

/** What the allocator needs from the process: its memory, the simulator's cap on heap size, and its globals. */
export interface HeapHost {
  readonly mem: AddressSpace;
  readonly heapLimit: number;
  symbol(name: string): number | undefined;
}

/** The C library's global (sysroot/lib/libc_state.c) holding the state chunk's address, 0 before the first call. */
const ARENA_SYMBOL = '__libc_malloc_arena';

/** Heap corruption found by free or realloc; `message` is glibc's wording, printed before SIGABRT. */
export class HeapCorruption extends Error {}

const SIZE_SZ = 8;
const ALIGN = 16;
const HEADER = 2 * SIZE_SZ; // prev_size and size
const MIN_CHUNK = 32;
const PREV_INUSE = 1;
/** glibc's tcache_perthread_struct chunk: the allocator's own state lives in it here. */
const STATE_CHUNK = 0x290;
/** Extra bytes requested from brk each time top runs short, as glibc's M_TOP_PAD. */
const TOP_PAD = 0x20000;
/** Chunks up to this size would sit in glibc's tcache, whose double-free message students know. */
const TCACHE_MAX_CHUNK = 0x410;

// Fields inside the state chunk (offsets from the heap base).
const F_FREE_HEAD = 0x18;
const F_TOP = 0x20;

const alignUp = (n: number, a: number): number => Math.ceil(n / a) * a;

/** Chunk size for a request, as glibc's request2size: room for the size field, 16-aligned, at least 32. */
function chunkSizeFor(n: number): number {
  return Math.max(MIN_CHUNK, alignUp(n + SIZE_SZ, ALIGN));
}

/** A view of one process's heap: reads and writes of chunk fields in its memory. */
class Heap {
  readonly mem: AddressSpace;
  /** Where the state chunk is: 0 until the first call sets the heap up. */
  private base: number;
  private readonly arenaSlot: number;

  constructor(private readonly host: HeapHost) {
    this.mem = host.mem;
    const slot = host.symbol(ARENA_SYMBOL);
    if (slot === undefined) throw new Error(`the C library sources define no '${ARENA_SYMBOL}'`);
    this.arenaSlot = slot;
    this.base = this.word(slot);
  }

  private word(a: number): number {
    return Number(this.mem.readU64(a));
  }
  private setWord(a: number, v: number): void {
    this.mem.write64(a, v);
  }

  get firstChunk(): number {
    return this.base + STATE_CHUNK;
  }
  get top(): number {
    return this.word(this.base + F_TOP);
  }
  set top(c: number) {
    this.setWord(this.base + F_TOP, c);
  }
  get freeHead(): number {
    return this.word(this.base + F_FREE_HEAD);
  }
  set freeHead(c: number) {
    this.setWord(this.base + F_FREE_HEAD, c);
  }

  sizeField(c: number): number {
    return this.word(c + SIZE_SZ);
  }
  size(c: number): number {
    return this.sizeField(c) & ~(ALIGN - 1);
  }
  prevInUse(c: number): boolean {
    return (this.sizeField(c) & PREV_INUSE) !== 0;
  }
  setHeader(c: number, size: number, prevInUse: boolean): void {
    this.setWord(c + SIZE_SZ, size | (prevInUse ? PREV_INUSE : 0));
  }
  setPrevInUse(c: number, inUse: boolean): void {
    const f = this.sizeField(c);
    this.setWord(c + SIZE_SZ, inUse ? f | PREV_INUSE : f & ~PREV_INUSE);
  }
  prevSize(c: number): number {
    return this.word(c);
  }
  /** A free chunk's size is repeated at the start of the next chunk, so free() can find it backwards. */
  setFooter(c: number, size: number): void {
    this.setWord(c + size, size);
  }
  topSize(): number {
    return this.size(this.top);
  }
  isFree(c: number): boolean {
    return !this.prevInUse(c + this.size(c));
  }

  // Free-list links sit where the user's data was: fd at +16, bk at +24.
  private fd(c: number): number {
    return this.word(c + HEADER);
  }
  private bk(c: number): number {
    return this.word(c + HEADER + SIZE_SZ);
  }
  pushFree(c: number): void {
    const head = this.freeHead;
    this.setWord(c + HEADER, head);
    this.setWord(c + HEADER + SIZE_SZ, 0);
    if (head) this.setWord(head + HEADER + SIZE_SZ, c);
    this.freeHead = c;
  }
  unlink(c: number): void {
    const fd = this.fd(c);
    const bk = this.bk(c);
    if (bk) this.setWord(bk + HEADER, fd);
    else this.freeHead = fd;
    if (fd) this.setWord(fd + HEADER + SIZE_SZ, bk);
  }
  *freeChunks(): Generator<number> {
    for (let c = this.freeHead; c; c = this.fd(c)) yield c;
  }

  get initialised(): boolean {
    return this.base !== 0;
  }

  /** Whether top can give `nb` bytes and keep a minimal chunk after, as glibc keeps. */
  topHasRoom(nb: number): boolean {
    return this.topSize() >= nb + MIN_CHUNK;
  }

  /**
   * sysmalloc's size for MORECORE: the bytes the break must move for top to give `nb` (with M_TOP_PAD
   * to spare), counting what top has when it ends at the break, and page-aligned.
   */
  coreFor(nb: number): number {
    const brk = this.mem.brk;
    const top = this.top;
    const start = top + this.topSize() === brk ? top : alignUp(brk, ALIGN);
    return alignUp(start + nb + MIN_CHUNK + TOP_PAD, PAGE_SIZE) - brk;
  }

  /** The first call's MORECORE: room at the break for the state chunk, a minimal chunk and the pad. */
  coreForSetup(): number {
    const brk = this.mem.brk;
    return alignUp(alignUp(brk, ALIGN) + STATE_CHUNK + MIN_CHUNK + TOP_PAD, PAGE_SIZE) - brk;
  }

  /** Sets up the state chunk and top in [brk, end), the first memory the heap is given. */
  setUp(brk: number, end: number): void {
    this.base = alignUp(brk, ALIGN);
    this.setWord(this.arenaSlot, this.base);
    this.setWord(this.base, 0);
    this.setHeader(this.base, STATE_CHUNK, true);
    this.freeHead = 0;
    this.top = this.firstChunk;
    this.setHeader(this.firstChunk, end - this.firstChunk, true);
  }

  /** Top grows over [its end, end), memory the break gave just after it. */
  extendTop(end: number): void {
    const top = this.top;
    this.setHeader(top, end - top, this.prevInUse(top));
  }

  /**
   * sysmalloc after a foreign sbrk: a new top over [start, end). The old top keeps two 16-byte
   * fenceposts at its end, marked in use, so that nothing freed below merges into the program's
   * memory; the rest of it is freed (a sliver too small for a chunk stays in use).
   */
  newTop(start: number, end: number): void {
    const old = this.top;
    const oldSize = this.topSize() - 2 * HEADER;
    const oldPrevInUse = this.prevInUse(old);
    this.setHeader(old + oldSize, HEADER, oldSize > 0 || oldPrevInUse);
    this.setHeader(old + oldSize + HEADER, HEADER, true);
    this.top = start;
    this.setHeader(start, end - start, true);
    if (oldSize >= MIN_CHUNK) releaseChunk(this, old, oldSize, oldPrevInUse);
    else if (oldSize > 0) this.setHeader(old, oldSize, oldPrevInUse);
  }

  /** A free chunk of at least `nb` bytes, first fit, or 0. */
  fittingFreeChunk(nb: number): number {
    for (const c of this.freeChunks()) if (this.size(c) >= nb) return c;
    return 0;
  }
}

/** Whether a request of `n` bytes can ever be met: never beyond the simulator's heap limit. */
const possible = (host: HeapHost, n: number): boolean => n >= 0 && n <= host.heapLimit;

/**
 * The bytes the break must move before malloc(n) (p = 0) or realloc(p, n) can be served, 0 when they
 * can be now, -1 when they never can. Before the first allocation, the setup's own MORECORE comes
 * first, as glibc's first malloc grows the heap for its tcache before it looks at the request.
 */
export function coreNeeded(host: HeapHost, p: number, n: number): number {
  if (!possible(host, n)) return -1;
  const h = new Heap(host);
  const nb = chunkSizeFor(n);
  if (p !== 0) {
    // A pointer this allocator never gave out aborts before any core is asked for.
    const c = checkInUse(h, p, 'realloc');
    const size = h.size(c);
    const next = c + size;
    if (size >= nb) return 0;
    // In place into top, which glibc's _int_realloc grows as _int_malloc(nb) would.
    if (next === h.top) return h.topHasRoom(nb - size) ? 0 : h.coreFor(nb);
    if (h.isFree(next) && size + h.size(next) >= nb) return 0;
  } else if (!h.initialised) {
    return h.coreForSetup();
  }
  return h.fittingFreeChunk(nb) !== 0 || h.topHasRoom(nb) ? 0 : h.coreFor(nb);
}

/** After MORECORE: the `size` bytes from `brk` (the old break sbrk returned) join the heap. */
export function coreAdded(host: HeapHost, brk: number, size: number): void {
  const h = new Heap(host);
  const end = brk + size;
  if (!h.initialised) h.setUp(brk, end);
  else if (h.top + h.topSize() === brk) h.extendTop(end);
  else h.newTop(alignUp(brk, ALIGN), end);
}

/** _int_malloc: the user pointer, or 0 when the heap cannot serve `n` bytes without more core. */
export function intMalloc(host: HeapHost, n: number): number {
  if (!possible(host, n)) return 0;
  const h = new Heap(host);
  if (!h.initialised) return 0;
  const nb = chunkSizeFor(n);
  const free = h.fittingFreeChunk(nb);
  if (free !== 0) {
    h.unlink(free);
    useChunk(h, free, nb);
    return free + HEADER;
  }
  if (!h.topHasRoom(nb)) return 0;
  const c = h.top;
  const rest = h.topSize() - nb;
  const prevInUse = h.prevInUse(c);
  h.top = c + nb;
  h.setHeader(c + nb, rest, true);
  h.setHeader(c, nb, prevInUse);
  return c + HEADER;
}

/** Marks a chunk taken from the free list as in use, splitting off what it does not need. */
function useChunk(h: Heap, c: number, nb: number): void {
  const size = h.size(c);
  if (size - nb >= MIN_CHUNK) {
    h.setHeader(c, nb, h.prevInUse(c));
    releaseChunk(h, c + nb, size - nb, true);
  } else {
    h.setPrevInUse(c + size, true);
  }
}

/**
 * Returns the chunk [c, c+size) to the heap: merged with a free chunk after it or with top, and put on
 * the free list. `prevInUse` is the state of the chunk before (callers have merged backwards already).
 */
function releaseChunk(h: Heap, c: number, size: number, prevInUse: boolean): void {
  const next = c + size;
  if (next === h.top) {
    const topSize = h.topSize();
    h.top = c;
    h.setHeader(c, size + topSize, prevInUse);
    return;
  }
  if (h.isFree(next)) {
    h.unlink(next);
    size += h.size(next);
  }
  h.setHeader(c, size, prevInUse);
  h.setFooter(c, size);
  h.setPrevInUse(c + size, false);
  h.pushFree(c);
}

/**
 * Checks that p is a chunk this allocator handed out and has not freed; throws glibc's message otherwise.
 * `who` names the function in the message ("free", "realloc").
 */
function checkInUse(h: Heap, p: number, who: 'free' | 'realloc'): number {
  const c = p - HEADER;
  // Made only when thrown: an Error captures a stack trace, too costly for every free.
  const invalid = (): HeapCorruption => new HeapCorruption(`${who}(): invalid pointer`);
  if (p % ALIGN !== 0 || !h.initialised || c < h.firstChunk || p >= h.mem.brk) throw invalid();
  const top = h.top;
  if (c >= top) {
    // Past the start of top: memory that was a chunk until it was freed and merged into top.
    throw who === 'free' ? doubleFree(h, c, 'top') : invalid();
  }
  const size = h.size(c);
  if (size < MIN_CHUNK || c + size > top) throw invalid();
  if (h.isFree(c) || mergedBackwards(h, c)) throw who === 'free' ? doubleFree(h, c, '!prev') : invalid();
  return c;
}

/**
 * A freed chunk that merged into the free chunk before it keeps its stale header; the free chunk it
 * points back to no longer ends where it begins.
 */
function mergedBackwards(h: Heap, c: number): boolean {
  if (h.prevInUse(c)) return false;
  const prev = c - h.prevSize(c);
  return prev < h.firstChunk || prev + h.size(prev) !== c;
}

function doubleFree(h: Heap, c: number, where: 'top' | '!prev'): HeapCorruption {
  const size = h.size(c);
  // glibc keeps small freed chunks in its tcache and recognises a second free there; larger ones are
  // caught by the checks of _int_free, with their own wording.
  if (size >= MIN_CHUNK && size <= TCACHE_MAX_CHUNK) return new HeapCorruption('free(): double free detected in tcache 2');
  return new HeapCorruption(`double free or corruption (${where})`);
}

/** free: a no-op for NULL; throws HeapCorruption for a pointer that is not a live allocation. */
export function free(host: HeapHost, p: number): void {
  if (p === 0) return;
  const h = new Heap(host);
  let c = checkInUse(h, p, 'free');
  let size = h.size(c);
  let prevInUse = h.prevInUse(c);
  if (!prevInUse) {
    const prev = c - h.prevSize(c);
    h.unlink(prev);
    size += h.size(prev);
    prevInUse = h.prevInUse(prev);
    c = prev;
  }
  releaseChunk(h, c, size, prevInUse);
}

/**
 * _int_realloc of a live p (not NULL) to n > 0 bytes: in place when it shrinks, when top or a free
 * chunk after it has room, else moved; 0 (p still allocated) when the heap lacks the core for it.
 */
export function intRealloc(host: HeapHost, p: number, n: number): number {
  if (!possible(host, n)) return 0;
  const h = new Heap(host);
  const c = checkInUse(h, p, 'realloc');
  const nb = chunkSizeFor(n);
  const size = h.size(c);
  if (size >= nb) {
    shrinkInPlace(h, c, nb);
    return p;
  }
  const next = c + size;
  if (next === h.top && h.topHasRoom(nb - size)) {
    const rest = h.topSize() - (nb - size);
    h.top = c + nb;
    h.setHeader(c + nb, rest, true);
    h.setHeader(c, nb, h.prevInUse(c));
    return p;
  }
  if (next !== h.top && h.isFree(next) && size + h.size(next) >= nb) {
    h.unlink(next);
    const merged = size + h.size(next);
    h.setHeader(c, merged, h.prevInUse(c));
    h.setPrevInUse(c + merged, true);
    shrinkInPlace(h, c, nb);
    return p;
  }
  const q = intMalloc(host, n);
  if (!q) return 0;
  host.mem.writeBytes(q, host.mem.readBytes(p, size - SIZE_SZ));
  free(host, p);
  return q;
}

function shrinkInPlace(h: Heap, c: number, nb: number): void {
  const size = h.size(c);
  if (size - nb < MIN_CHUNK) return;
  h.setHeader(c, nb, h.prevInUse(c));
  releaseChunk(h, c + nb, size - nb, true);
}

/** malloc_usable_size: the bytes the caller may use, which can exceed what it asked for. */
export function usableSize(host: HeapHost, p: number): number {
  if (p === 0) return 0;
  const h = new Heap(host);
  return h.size(checkInUse(h, p, 'free')) - SIZE_SZ;
}
