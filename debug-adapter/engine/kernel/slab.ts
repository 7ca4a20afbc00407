// The kernel's memory allocator behind kmalloc, kzalloc and kfree: size classes like SLUB's kmalloc-N
// caches. A freed object goes back on its class's freelist and the next allocation of that class takes
// it first (last in, first out, as a slab's freelist works), so a fork loop keeps reusing the same
// task_struct and kernel stack. Objects come from the kernel heap (above LAYOUT.kernelHeap) and are
// never returned to it, as slab pages stay with their cache.
//
// The bookkeeping is host data rather than headers in simulated memory: the allocator's internals are
// not what Forkscope teaches, and every fork allocates and frees several objects.
import { type AddressSpace, PAGE_SIZE } from '../vm/memory';

/** The smallest class, as kmalloc-16 (x86-64's smallest useful one here). */
const MIN_CLASS = 16;

/** Above this, a size gets a cache of its own, as task_struct, signal_struct and sighand_struct do. */
const KMALLOC_POWER_OF_TWO_MAX = 512;
/** Dedicated caches round their objects to cache lines. */
const CACHE_LINE = 64;

/**
 * The class an allocation of `size` bytes comes from: kmalloc's powers of two for small sizes, and for
 * larger ones an object-sized cache (rounded to a cache line), as Linux keeps for its big structures,
 * rather than a power of two that would waste up to half of each.
 */
function sizeClass(size: number): number {
  if (size <= MIN_CLASS) return MIN_CLASS;
  if (size <= KMALLOC_POWER_OF_TWO_MAX) return 2 ** (32 - Math.clz32(size - 1));
  return Math.ceil(size / CACHE_LINE) * CACHE_LINE;
}

/** The object log's first capacity; it doubles as the heap grows. */
const INITIAL_OBJECTS = 256;

export class KernelSlab {
  /** Each class's free objects, as indices in the object log, the most recently freed last. */
  private readonly freelists = new Map<number, number[]>();
  // The object log: every object ever carved from the heap, in address order (the heap only grows),
  // with its class and whether it is allocated now. kfree finds an object by binary search, learns its
  // size, and rejects what is not allocated. Typed arrays rather than a map from address to class: a
  // fork bomb makes a quarter of a million objects, and a map that large costs more to fill and to
  // keep (hashing, rehashing as it grows, and the collector's time) than a log appended in order.
  private starts = new Float64Array(INITIAL_OBJECTS);
  private classes = new Float64Array(INITIAL_OBJECTS);
  private allocated = new Uint8Array(INITIAL_OBJECTS);
  private logLength = 0;

  /** `mem`'s heap (from its start break) is the allocator's; `limit` bounds its growth in bytes. */
  constructor(private readonly mem: AddressSpace, private readonly limit: number) {}

  /** kmalloc: uninitialised memory (what was there before), or 0 when the heap is exhausted. */
  alloc(size: number): number {
    if (!(size > 0)) return 0;
    const cls = sizeClass(size);
    let i = this.freelists.get(cls)?.pop();
    if (i === undefined) {
      const addr = this.grow(cls);
      if (addr === 0) return 0;
      i = this.logObject(addr, cls);
    }
    this.allocated[i] = 1;
    return this.starts[i]!;
  }

  /** kzalloc: zeroed memory. */
  zalloc(size: number): number {
    const addr = this.alloc(size);
    if (addr !== 0) this.mem.fill(addr, 0, size);
    return addr;
  }

  /** kfree: false when `addr` is not an allocated object (a double free, or a pointer kmalloc never returned). */
  free(addr: number): boolean {
    const i = this.indexOf(addr);
    if (i < 0 || this.allocated[i] === 0) return false;
    this.allocated[i] = 0;
    const cls = this.classes[i]!;
    let list = this.freelists.get(cls);
    if (!list) this.freelists.set(cls, (list = []));
    list.push(i);
    return true;
  }

  /** The log index of the object that starts at `addr`, or -1 when none does. */
  private indexOf(addr: number): number {
    const starts = this.starts;
    let lo = 0;
    let hi = this.logLength - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const s = starts[mid]!;
      if (s === addr) return mid;
      if (s < addr) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** Appends a new object to the log; returns its index. */
  private logObject(addr: number, cls: number): number {
    const i = this.logLength++;
    if (i === this.starts.length) {
      const starts = new Float64Array(2 * i);
      starts.set(this.starts);
      this.starts = starts;
      const classes = new Float64Array(2 * i);
      classes.set(this.classes);
      this.classes = classes;
      const allocated = new Uint8Array(2 * i);
      allocated.set(this.allocated);
      this.allocated = allocated;
    }
    this.starts[i] = addr;
    this.classes[i] = cls;
    return i;
  }

  /** A new object of class `cls` from the top of the heap: a power of two aligned to its size, others to a cache line, whole pages to a page. */
  private grow(cls: number): number {
    const align = cls % PAGE_SIZE === 0 ? PAGE_SIZE : cls <= KMALLOC_POWER_OF_TWO_MAX ? cls : CACHE_LINE;
    const addr = Math.ceil(this.mem.brk / align) * align;
    if (addr + cls - this.mem.startBrk > this.limit || !this.mem.setBrk(addr + cls)) return 0;
    return addr;
  }
}
