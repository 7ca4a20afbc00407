// struct stat for the files of Forkscope's machine (fs/stat.c's cp_new_stat, glibc's x86-64 layout):
// what each kind of file reports, with the values Linux gives the same kinds of file. Every file
// belongs to root; the times are 0, as the machine keeps none.
import type { AddressSpace } from '../vm/memory';
import type { Inode } from './namei';

export interface FileStatus {
  /** st_ino: the inode's number (0 for the terminal and pipes, which are not in the tree). */
  ino?: number;
  /** The file type and permission bits (S_IFCHR | 0620 …). */
  mode: number;
  /** The device a special file is: [major, minor]. */
  rdev?: readonly [number, number];
  /** The preferred I/O size, which stdio takes as its buffer size. */
  blksize: number;
  nlink: number;
  size: number;
  /** st_blocks, in 512-byte units: what a regular file's data takes (0 for the others). */
  blocks?: number;
}

const S_IFDIR = 0o040000;
const S_IFCHR = 0o020000;
const S_IFREG = 0o100000;
const S_IFIFO = 0o010000;

/** A pseudo-terminal, /dev/pts/0 (UNIX98_PTY_SLAVE_MAJOR 136): what a program's stdio sees on a terminal. */
export const TERMINAL_STATUS: FileStatus = { mode: S_IFCHR | 0o620, rdev: [136, 0], blksize: 1024, nlink: 1, size: 0 };
/** A pipe's end (pipefs). */
export const PIPE_STATUS: FileStatus = { mode: S_IFIFO | 0o600, blksize: 4096, nlink: 1, size: 0 };

export function inodeStatus(inode: Inode): FileStatus {
  return { ...kindStatus(inode), ino: inode.ino };
}

function kindStatus(inode: Inode): FileStatus {
  switch (inode.kind) {
    // procfs directories are r-x for all, of size 0 and a 1024-byte block size; the boot tree's others a disk's.
    case 'dir': {
      if (inode.proc) return { mode: S_IFDIR | 0o555, blksize: 1024, nlink: 2, size: 0 };
      if (inode.mode === undefined) return { mode: S_IFDIR | 0o755, blksize: 4096, nlink: 2, size: 4096 };
      // A directory mkdir made, on tmpfs: a link from each subdirectory's "..", and 20 bytes an entry
      // (BOGO_DIRENT_SIZE) counting "." and "..".
      let subdirs = 0;
      for (const e of inode.entries.values()) if (e.kind === 'dir') subdirs++;
      return { mode: S_IFDIR | inode.mode, blksize: 4096, nlink: 2 + subdirs, size: 20 * (inode.entries.size + 2) };
    }
    // The memory devices: major 1, /dev/null minor 3, /dev/zero minor 5.
    case 'chr': return { mode: S_IFCHR | 0o666, rdev: [1, inode.device === 'null' ? 3 : 5], blksize: 4096, nlink: 1, size: 0 };
    case 'sysctl': return { mode: S_IFREG | 0o644, blksize: 1024, nlink: 1, size: 0 };
    // tmpfs: a page-sized I/O block, and the pages the file holds.
    case 'reg': return { mode: S_IFREG | inode.mode, blksize: 4096, nlink: inode.nlink, size: inode.data.size, blocks: inode.data.blocks };
  }
}

/** glibc's makedev: the major in bits 8-19 (and 44-63), the minor in bits 0-7 (and 20-43). */
function makedev(major: number, minor: number): bigint {
  const maj = BigInt(major);
  const min = BigInt(minor);
  return ((maj & 0xfffn) << 8n) | ((maj & 0xfffff000n) << 32n) | (min & 0xffn) | ((min & 0xffffff00n) << 12n);
}

export const STAT_SIZE = 144;

/** Writes struct stat at `addr`: st_ino at 8, st_nlink at 16, st_mode 24, st_rdev 40, st_size 48, st_blksize 56, st_blocks 64 (uid and gid 0). */
export function writeStat(mem: AddressSpace, addr: number, s: FileStatus): void {
  mem.fill(addr, 0, STAT_SIZE);
  mem.write64(addr + 8, s.ino ?? 0);
  mem.write64(addr + 16, s.nlink);
  mem.write32(addr + 24, s.mode);
  if (s.rdev) mem.write64(addr + 40, makedev(s.rdev[0], s.rdev[1]));
  mem.write64(addr + 48, s.size);
  mem.write64(addr + 56, s.blksize);
  mem.write64(addr + 64, s.blocks ?? 0);
}
