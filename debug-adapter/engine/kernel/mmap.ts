// The page tables' side of mmap(2), munmap(2) and mprotect(2) (mm/mmap.c and mm/mprotect.c keep the
// system calls' checks in pseudo-C): where a new mapping goes, and the VMAs it adds, splits or removes.
import { type AddressSpace, LAYOUT, PAGE_SIZE, type Prot } from '../vm/memory';
import { O_ACCMODE, O_RDONLY, type OpenFile } from './files';
import type { FileTree } from './namei';

const EINVAL = 22;
const ENOMEM = 12;
const EACCES = 13;
/** x86-64's TASK_SIZE_MAX: the end of user addresses. */
export const TASK_SIZE = 0x7ffffffff000;
/** vm.mmap_min_addr's default: the lowest address a mapping may have, so that NULL stays unmapped. */
const MMAP_MIN_ADDR = 65536;

const PROT_READ = 0x1;
const PROT_WRITE = 0x2;
const PROT_EXEC = 0x4;

/** The access a protection gives on x86-64, where a writable or executable page is readable too. */
export function protFromBits(prot: number): Prot {
  const w = (prot & PROT_WRITE) !== 0;
  const x = (prot & PROT_EXEC) !== 0;
  if (w && x) return 'rwx';
  if (w) return 'rw';
  if (x) return 'rx';
  return (prot & PROT_READ) !== 0 ? 'r' : 'none';
}

/**
 * get_unmapped_area for a mapping of `len` bytes (a multiple of the page size): MAP_FIXED's address as
 * it is (-EINVAL unless page-aligned); a hint, page-aligned, when the range there is free; else the
 * highest free range below mmap_base (arch_get_unmapped_area_topdown). -ENOMEM when nothing fits.
 */
export function getUnmappedArea(mem: AddressSpace, addr: number, len: number, fixed: boolean): number {
  if (len > TASK_SIZE - MMAP_MIN_ADDR) return -ENOMEM;
  if (fixed) {
    if (addr > TASK_SIZE - len) return -ENOMEM;
    return addr % PAGE_SIZE === 0 ? addr : -EINVAL;
  }
  if (addr !== 0) {
    const hint = Math.ceil(addr / PAGE_SIZE) * PAGE_SIZE;
    if (hint <= TASK_SIZE - len && hint >= MMAP_MIN_ADDR && !mem.intersects(hint, hint + len)) return hint;
  }
  let top: number = LAYOUT.mmapBase;
  for (const v of [...mem.vmas].reverse()) {
    if (v.start >= top) continue;
    if (v.end <= top && top - v.end >= len) break;
    top = v.start;
  }
  return top - len >= MMAP_MIN_ADDR ? top - len : -ENOMEM;
}

/**
 * mmap_region: at [addr, addr+len) with `prot`, a regular file's pages from page `pgoff` on
 * (shmem_mmap), or anonymous memory (also for /dev/zero, whose mapping is that), shared with the
 * process's future children (and a file's other mappings) or private to it; whatever was mapped there
 * is unmapped first (MAP_FIXED). A private
 * writable mapping is charged (accountable_mapping): -ENOMEM when it is larger than `limit`, the
 * machine's memory, as Linux's default overcommit heuristic (OVERCOMMIT_GUESS) refuses only a request
 * larger than all the memory there is. Pages cost memory only once touched, and the OOM killer ends a
 * process that touches more than there is.
 */
export function mmapRegion(mem: AddressSpace, file: OpenFile | undefined, addr: number, len: number, prot: number, shared: boolean, pgoff: number, limit: number, tree: FileTree): number {
  mem.unmap(addr, len);
  if (!shared && (prot & PROT_WRITE) !== 0 && len > limit) return -ENOMEM;
  if (file?.kind === 'inode' && file.inode.kind === 'reg') {
    // do_mmap clears VM_MAYWRITE of a shared mapping of a file not open for writing.
    const mayWrite = !shared || (file.flags & O_ACCMODE) !== O_RDONLY;
    mem.mapFile(addr, len, protFromBits(prot), shared, file.inode.data, pgoff, tree.pathOfFile(file.inode) ?? '', mayWrite);
  } else mem.mapAnonymous(addr, len, protFromBits(prot), shared);
  return addr;
}

/**
 * mprotect_fixup over [start, end): -ENOMEM, and no change, when part of the range is not mapped;
 * -EACCES at a MAP_SHARED file mapping asked to become writable when its file is not open for writing.
 */
export function mprotectFixup(mem: AddressSpace, start: number, end: number, prot: number): number {
  const r = mem.protect(start, end, protFromBits(prot));
  return r === 'ok' ? 0 : r === 'unmapped' ? -ENOMEM : -EACCES;
}

/**
 * madvise's walk over the VMAs of [start, end): with `dontneed` each mapped part loses its pages
 * (zap_page_range; a shared mapping keeps them in its shared memory). -ENOMEM when part of the range
 * is not mapped (the mapped parts are advised all the same), else 0.
 */
export function madviseVmas(mem: AddressSpace, start: number, end: number, dontneed: boolean): number {
  let covered = start;
  let hole = false;
  for (const v of mem.vmas) {
    if (v.end <= start || v.start >= end) continue;
    if (v.start > covered) hole = true;
    if (dontneed) mem.zapPages(Math.max(v.start, start), Math.min(v.end, end));
    covered = v.end;
  }
  return hole || covered < end ? -ENOMEM : 0;
}

/** MAX_LFS_FILESIZE on x86-64: 2^63 - 1. */
const MAX_LFS_FILESIZE = (1n << 63n) - 1n;
const ULONG_MAX = (1n << 64n) - 1n;

/**
 * file_mmap_size_max: the largest offset `file` may be mapped to: MAX_LFS_FILESIZE for a regular file
 * (/proc's sysctl files are regular too), ULONG_MAX for a device, a directory, a pipe or the terminal
 * (none of which here has FMODE_UNSIGNED_OFFSET).
 */
export function fileMmapSizeMax(file: OpenFile | undefined): bigint {
  const regular = file?.kind === 'inode' && (file.inode.kind === 'reg' || file.inode.kind === 'sysctl');
  return regular ? MAX_LFS_FILESIZE : ULONG_MAX;
}

/**
 * Whether an open file has an mmap operation: a regular file (tmpfs's shmem_mmap) and /dev/zero,
 * whose mapping is anonymous memory; not /dev/null, /proc's files, directories, pipes or the terminal.
 */
export function fileCanMmap(file: OpenFile | undefined): boolean {
  if (file?.kind !== 'inode') return false;
  const inode = file.inode;
  return inode.kind === 'reg' || (inode.kind === 'chr' && inode.device === 'zero');
}
