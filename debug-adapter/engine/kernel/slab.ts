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

export class KernelSlab {
  /** Each class's free objects, the most recently freed last. */
  private readonly freelists = new Map<number, number[]>();
  /**
   * Each allocated object's class, keyed by its offset in the heap in MIN_CLASS units (every object is
   * aligned to one, and the keys stay small integers, cheap to hash): kfree learns the size from it,
   * and rejects what it never gave out.
   */
  private readonly live = new Map<number, number>();

  /** `mem`'s heap (from its start break) is the allocator's; `limit` bounds its growth in bytes. */
  constructor(private readonly mem: AddressSpace, private readonly limit: number) {}

  /** kmalloc: uninitialised memory (what was there before), or 0 when the heap is exhausted. */
  alloc(size: number): number {
    if (!(size > 0)) return 0;
    const cls = sizeClass(size);
    const addr = this.freelists.get(cls)?.pop() ?? this.grow(cls);
    if (addr !== 0) this.live.set(this.key(addr), cls);
    return addr;
  }

  /** kzalloc: zeroed memory. */
  zalloc(size: number): number {
    const addr = this.alloc(size);
    if (addr !== 0) this.mem.fill(addr, 0, size);
    return addr;
  }

  /** kfree: false when `addr` is not an allocated object (a double free, or a pointer kmalloc never returned). */
  free(addr: number): boolean {
    const key = this.key(addr);
    const cls = this.live.get(key);
    if (cls === undefined) return false;
    this.live.delete(key);
    let list = this.freelists.get(cls);
    if (!list) this.freelists.set(cls, (list = []));
    list.push(addr);
    return true;
  }

  /** The live map's key for `addr` (a fraction for an address inside an object, which is never a key). */
  private key(addr: number): number {
    return (addr - this.mem.startBrk) / MIN_CLASS;
  }

  /** A new object of class `cls` from the top of the heap: a power of two aligned to its size, others to a cache line, whole pages to a page. */
  private grow(cls: number): number {
    const align = cls % PAGE_SIZE === 0 ? PAGE_SIZE : cls <= KMALLOC_POWER_OF_TWO_MAX ? cls : CACHE_LINE;
    const addr = Math.ceil(this.mem.brk / align) * align;
    if (addr + cls - this.mem.startBrk > this.limit || !this.mem.setBrk(addr + cls)) return 0;
    return addr;
  }
}
