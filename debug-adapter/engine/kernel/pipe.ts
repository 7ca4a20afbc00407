// A pipe's buffer as fs/pipe.c keeps it: a ring of at most PIPE_DEF_BUFFERS (16) page-sized buffers,
// 64 KiB in all. A write first merges into the last buffer what does not fill whole pages, if it fits
// there, then takes a fresh page for each 4096 bytes while one is free; a reader frees a buffer once
// it has read all of it. So a program sees Linux's numbers: a non-blocking writer of 1000-byte records
// fills 64000 bytes before EAGAIN, a write of up to 4096 bytes (PIPE_BUF and more) is never split, and a
// blocking writer sleeps (in the kernel's sys_write) until a reader makes room.

const PAGE_SIZE = 4096;
const PIPE_DEF_BUFFERS = 16;

interface PipeBuf {
  page: Uint8Array;
  /** The unread bytes are page[offset, offset + len). */
  offset: number;
  len: number;
}

export class PipeBuffer {
  private readonly bufs: PipeBuf[] = [];

  get empty(): boolean {
    return this.bufs.length === 0;
  }

  /** The bytes waiting to be read. */
  get length(): number {
    let total = 0;
    for (const b of this.bufs) total += b.len;
    return total;
  }

  get full(): boolean {
    return this.bufs.length >= PIPE_DEF_BUFFERS;
  }

  /**
   * How many of `total` bytes a write can take now: what merges into the last buffer, then whole
   * pages while buffers are free. 0 means the writer must wait (or get EAGAIN).
   */
  room(total: number): number {
    let n = 0;
    const chars = total % PAGE_SIZE;
    const last = this.bufs[this.bufs.length - 1];
    if (chars > 0 && last && last.offset + last.len + chars <= PAGE_SIZE) n = chars;
    return Math.min(total, n + (PIPE_DEF_BUFFERS - this.bufs.length) * PAGE_SIZE);
  }

  /** Stores `bytes`, which room() allowed, as pipe_write does: merged first, then page by page. */
  put(bytes: Uint8Array): void {
    let at = 0;
    const chars = bytes.length % PAGE_SIZE;
    const last = this.bufs[this.bufs.length - 1];
    if (chars > 0 && last && last.offset + last.len + chars <= PAGE_SIZE) {
      last.page.set(bytes.subarray(0, chars), last.offset + last.len);
      last.len += chars;
      at = chars;
    }
    while (at < bytes.length) {
      const n = Math.min(PAGE_SIZE, bytes.length - at);
      const page = new Uint8Array(PAGE_SIZE);
      page.set(bytes.subarray(at, at + n));
      this.bufs.push({ page, offset: 0, len: n });
      at += n;
    }
  }

  /** Takes up to `count` bytes from the oldest buffers, freeing each one read to its end. */
  take(count: number): Uint8Array {
    const out = new Uint8Array(Math.min(count, this.length));
    let at = 0;
    while (at < out.length) {
      const b = this.bufs[0]!;
      const n = Math.min(b.len, out.length - at);
      out.set(b.page.subarray(b.offset, b.offset + n), at);
      b.offset += n;
      b.len -= n;
      at += n;
      if (b.len === 0) this.bufs.shift();
    }
    return out;
  }
}
