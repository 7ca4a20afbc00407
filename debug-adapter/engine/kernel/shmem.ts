// The data of the machine's regular files (mm/shmem.c, the tmpfs its root is): pages allocated as they
// are written, so a hole (an lseek past the end, then a write) reads as zeros and costs nothing, and
// st_blocks counts the pages a file holds, as on tmpfs. The whole file system shares one budget of
// pages, tmpfs's size= limit: a program that writes without end gets ENOSPC, never the host's memory.

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

export class ShmemFile {
  size = 0;
  private readonly pages = new Map<number, Uint8Array>();

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
      if (page) out.set(page.subarray(off, off + len), done);
      done += len;
    }
    return out;
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
      let page = this.pages.get(index);
      if (!page) {
        if (this.budget.pagesUsed >= this.budget.maxPages) break;
        this.budget.pagesUsed++;
        this.pages.set(index, (page = new Uint8Array(PAGE_SIZE)));
      }
      page.set(bytes.subarray(done, done + len), off);
      done += len;
    }
    if (done === 0) return -ENOSPC;
    this.size = Math.max(this.size, pos + done);
    return done;
  }

  /** truncate's new size: pages past it go back to the budget, and the tail of the last one is zeroed. */
  truncate(length: number): void {
    for (const index of [...this.pages.keys()]) {
      if (index * PAGE_SIZE >= length) {
        this.pages.delete(index);
        this.budget.pagesUsed--;
      }
    }
    const last = this.pages.get(Math.floor(length / PAGE_SIZE));
    last?.fill(0, length % PAGE_SIZE);
    this.size = length;
  }

  /** The last link and the last open file are gone: the pages go back to the budget. */
  evict(): void {
    this.truncate(0);
  }
}
