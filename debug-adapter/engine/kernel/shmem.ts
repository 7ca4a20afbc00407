// The data of the machine's regular files (mm/shmem.c, the tmpfs its root is): pages allocated as they
// are written, so a hole (an lseek past the end, then a write) reads as zeros and costs nothing, and
// st_blocks counts the pages a file holds, as on tmpfs. The whole file system shares one budget of
// pages, tmpfs's size= limit: a program that writes without end gets ENOSPC, never the host's memory.
// A file's pages are the very pages its mappings map (shmem_mmap, shmem_fault): read(2) and write(2)
// see what a MAP_SHARED mapping writes, and the other way round.
import { type AddressSpace, BLOCK_SIZE, type MappedFile, type Page, zeroPage } from '../vm/memory';

const PAGE_SIZE = 4096;
const ENOSPC = 28;
const EFBIG = 27;
/** The largest file offset tmpfs takes on x86-64 (MAX_LFS_FILESIZE, 2^63 - 1), kept to a safe integer here. */
const MAX_FILE_SIZE = Number.MAX_SAFE_INTEGER;

/** tmpfs's size= limit, shared by every file of the machine. */
export interface ShmemBudget {
  pagesUsed: number;
  readonly maxPages: number;
}

/** Half of a 256 MiB machine, as tmpfs's default size is half of RAM: 32768 pages. */
export function newShmemBudget(): ShmemBudget {
  return { pagesUsed: 0, maxPages: (128 * 1024 * 1024) / PAGE_SIZE };
}

/** Bytes [off, off+len) of a file's page, as a view per block it spans. */
function forEachBlock(page: Page, off: number, len: number, each: (bytes: Uint8Array, done: number) => void): void {
  for (let done = 0; done < len; ) {
    const k = Math.floor((off + done) / BLOCK_SIZE);
    const inBlock = off + done - k * BLOCK_SIZE;
    const n = Math.min(len - done, BLOCK_SIZE - inBlock);
    const b = page.blocks[k]!;
    each(new Uint8Array(b.buffer, b.byteOffset + inBlock, n), done);
    done += n;
  }
}

export class ShmemFile implements MappedFile {
  size = 0;
  /** The page cache; each page's first share (Page.sharers) is the file's. */
  readonly pages = new Map<number, Page>();
  /** The address spaces mapping the file (i_mmap). */
  private readonly mappers = new Set<AddressSpace>();
  /** No name and no open file is left: the data goes with the last mapping. */
  private orphaned = false;

  constructor(private readonly budget: ShmemBudget) {}

  /** st_blocks: 512-byte units, eight for each page the file holds. */
  get blocks(): number {
    return this.pages.size * (PAGE_SIZE / 512);
  }

  /** Up to `count` bytes from `pos` (none at or past the end). */
  read(pos: number, count: number): Uint8Array {
    const n = Math.max(0, Math.min(count, this.size - pos));
    const out = new Uint8Array(n);
    for (let done = 0; done < n; ) {
      const at = pos + done;
      const index = Math.floor(at / PAGE_SIZE);
      const off = at - index * PAGE_SIZE;
      const len = Math.min(n - done, PAGE_SIZE - off);
      const page = this.pages.get(index);
      if (page) forEachBlock(page, off, len, (bytes, d) => out.set(bytes, done + d));
      done += len;
    }
    return out;
  }

  /** A new zeroed page at `index`, charged to the budget; undefined when tmpfs is full. */
  private allocPage(index: number): Page | undefined {
    if (this.budget.pagesUsed >= this.budget.maxPages) return undefined;
    this.budget.pagesUsed++;
    const page = zeroPage();
    this.pages.set(index, page);
    return page;
  }

  /**
   * Writes `bytes` at `pos`: how many were written, fewer when the file system fills up (-ENOSPC when
   * none could be), or -EFBIG past the largest offset.
   */
  write(pos: number, bytes: Uint8Array): number {
    if (bytes.length === 0) return 0;
    if (pos + bytes.length > MAX_FILE_SIZE) return -EFBIG;
    let done = 0;
    while (done < bytes.length) {
      const at = pos + done;
      const index = Math.floor(at / PAGE_SIZE);
      const off = at - index * PAGE_SIZE;
      const len = Math.min(bytes.length - done, PAGE_SIZE - off);
      const page = this.pages.get(index) ?? this.allocPage(index);
      if (!page) break;
      const from = done;
      forEachBlock(page, off, len, (to, d) => to.set(bytes.subarray(from + d, from + d + to.length)));
      done += len;
    }
    if (done === 0) return -ENOSPC;
    if (pos > this.size) this.zeroPastEnd(pos);
    this.size = Math.max(this.size, pos + done);
    return done;
  }

  /**
   * The file grows from its size to `to`: what a MAP_SHARED mapping wrote past the end in the end's
   * page (which read(2) never saw) must not show up as file data, so that page is zeroed from the old
   * end up to `to` or the page's end, as Linux 6.x zeroes the range an extension exposes.
   */
  private zeroPastEnd(to: number): void {
    const index = Math.floor(this.size / PAGE_SIZE);
    const off = this.size - index * PAGE_SIZE;
    const page = this.pages.get(index);
    if (page && off > 0) forEachBlock(page, off, Math.min(PAGE_SIZE, to - index * PAGE_SIZE) - off, (bytes) => bytes.fill(0));
  }

  /** shmem_fault's shmem_get_folio: the page, made on first touch, while it starts before the end. */
  fault(index: number): Page | undefined {
    if (index * PAGE_SIZE >= this.size) return undefined;
    return this.pages.get(index) ?? this.allocPage(index);
  }

  addMapper(space: AddressSpace): void {
    this.mappers.add(space);
  }

  removeMapper(space: AddressSpace): void {
    this.mappers.delete(space);
    if (this.orphaned && this.mappers.size === 0) this.truncate(0);
  }

  /**
   * truncate's new size (shmem_setattr): the mappings lose their pages past it (truncate_pagecache),
   * those pages go back to the budget, and the tail of the last one is zeroed; growing, the old end's
   * page is zeroed past the old end.
   */
  truncate(length: number): void {
    if (length > this.size) this.zeroPastEnd(PAGE_SIZE * Math.ceil(this.size / PAGE_SIZE));
    const keep = Math.ceil(length / PAGE_SIZE);
    if (length < this.size) for (const space of this.mappers) space.zapFilePages(this, keep);
    for (const [index, page] of [...this.pages]) {
      if (index >= keep) {
        this.pages.delete(index);
        page.sharers--;
        this.budget.pagesUsed--;
      }
    }
    const last = this.pages.get(Math.floor(length / PAGE_SIZE));
    if (last) forEachBlock(last, length % PAGE_SIZE, PAGE_SIZE - (length % PAGE_SIZE), (bytes) => bytes.fill(0));
    this.size = length;
  }

  /**
   * The last link and the last open file are gone (iput): the pages go back to the budget, at once or
   * as the last mapping goes (a mapping holds the file, as vma->vm_file does).
   */
  evict(): void {
    this.orphaned = true;
    if (this.mappers.size === 0) this.truncate(0);
  }
}
