// The host side of the directory calls (fs/namei.c's mkdir, rmdir and link, fs/open.c's chdir lookups,
// fs/d_path.c's getcwd, fs/readdir.c's getdents64) over the file tree of namei.ts. The kernel's
// pseudo-C applies the umask and keeps the working directory in the task's fs_struct.
import type { FdTable } from './files';
import type { Directory, FileTree, Inode, LookupResult } from './namei';
import type { VfsHost } from './vfs';

const EPERM = 1;
const ENOENT = 2;
const EBADF = 9;
const EFAULT = 14;
const EBUSY = 16;
const EEXIST = 17;
const EXDEV = 18;
const ENOTDIR = 20;
const EINVAL = 22;
const ERANGE = 34;
const ENOTEMPTY = 39;

/** d_type's values (DT_CHR, DT_DIR, DT_REG): /proc/sys's files are regular. */
const DIRENT_TYPES: Record<Inode['kind'], number> = { chr: 2, dir: 4, reg: 8, sysctl: 8 };

/** What the directory calls need of the file calls: descriptors and the path walk. */
interface FileCalls {
  fdTable(): FdTable;
  lookupUserPath(dfd: number, pathAddr: number): LookupResult | number;
}

export class DirectoryCalls {
  constructor(
    private readonly tree: FileTree,
    private readonly files: FileCalls,
    private readonly host: Pick<VfsHost, 'currentMemory'>,
  ) {}

  /**
   * do_rmdir: removes the empty directory at `path`. The boot tree's directories are never removed: a
   * mount point is busy (EBUSY), the others hold what they were made for (ENOTEMPTY).
   */
  doRmdir(dfd: number, pathAddr: number): number {
    const found = this.files.lookupUserPath(dfd, pathAddr);
    if (typeof found === 'number') return found;
    if ('missingIn' in found) return -ENOENT;
    const { inode, name, parent } = found;
    if (inode.kind !== 'dir') return -ENOTDIR;
    // The last component's checks come first: "." is EINVAL, ".." ENOTEMPTY.
    if (name === '.') return -EINVAL;
    if (name === '..') return -ENOTEMPTY;
    if (inode.mountpoint) return -EBUSY;
    if (inode.mode === undefined || inode.entries.size > 0) return -ENOTEMPTY;
    this.tree.removeDir(parent, name);
    return 0;
  }

  /** vfs_mkdir: a directory at `path` with permission bits `mode` (the umask applied). */
  mkdir(dfd: number, pathAddr: number, mode: number): number {
    const found = this.files.lookupUserPath(dfd, pathAddr);
    if (typeof found === 'number') return found;
    if (!('missingIn' in found)) return -EEXIST;
    // procfs has no mkdir; a removed directory takes no new entries.
    if (found.missingIn.proc || found.missingIn.removed) return -ENOENT;
    this.tree.makeDir(found.missingIn, found.name, mode);
    return 0;
  }

  /**
   * do_linkat's lookups and vfs_link: a second name `newpath` for the file at `oldpath`. The new name
   * must not exist (EEXIST) and must be on the same mount (EXDEV); a directory gets no second name
   * (EPERM), nor does anything but a regular file here (procfs has no link, the devices are
   * devtmpfs's own). The file's link count goes up.
   */
  link(olddfd: number, oldAddr: number, newdfd: number, newAddr: number): number {
    const old = this.files.lookupUserPath(olddfd, oldAddr);
    if (typeof old === 'number') return old;
    if ('missingIn' in old) return -ENOENT;
    const found = this.files.lookupUserPath(newdfd, newAddr);
    if (typeof found === 'number') return found;
    if (!('missingIn' in found)) return -EEXIST;
    if (found.missingIn.removed) return -ENOENT;
    if (mountOf(old.parent) !== mountOf(found.missingIn)) return -EXDEV;
    if (old.inode.kind !== 'reg') return -EPERM;
    this.tree.addName(found.missingIn, found.name, old.inode);
    return 0;
  }

  /** chdir's lookup: the number of the directory at `path`, or -errno. */
  lookupDir(dfd: number, pathAddr: number): number {
    const found = this.files.lookupUserPath(dfd, pathAddr);
    if (typeof found === 'number') return found;
    if ('missingIn' in found) return -ENOENT;
    return found.inode.kind === 'dir' ? found.inode.ino : -ENOTDIR;
  }

  /** fchdir's: the number of the directory open at `fd`, or -EBADF, -ENOTDIR. */
  fdDir(fd: number): number {
    const f = this.files.fdTable().get(fd);
    if (!f) return -EBADF;
    return f.kind === 'inode' && f.inode.kind === 'dir' ? f.inode.ino : -ENOTDIR;
  }

  /**
   * getcwd: the path of working directory `pwd` copied to `buf` with its NUL; its length, or -ERANGE
   * when `size` is too small, -ENOENT when the directory has been removed.
   */
  getcwd(buf: number, size: number, pwd: number): number {
    const path = this.tree.pathOf(this.tree.dirByIno(pwd));
    if (path === undefined) return -ENOENT;
    const bytes = new TextEncoder().encode(`${path}\0`);
    if (size < bytes.length) return -ERANGE;
    const mem = this.host.currentMemory();
    if (mem.userAccessible(buf, bytes.length, true) < bytes.length) return -EFAULT;
    mem.writeBytes(buf, bytes);
    return bytes.length;
  }

  /**
   * getdents64: the open directory's entries from its position on, as struct linux_dirent64 (d_ino,
   * d_off, d_reclen, d_type, d_name) packed into `dirp`: the bytes written, 0 at the end, -EINVAL when
   * not even the next one fits. The position counts entries: "." and "..", then the names in the order
   * they were made, as tmpfs's directories (simple_offset) give them. A removed directory has none
   * (ENOENT, as iterate_dir says of a dead one).
   */
  getdents64(fd: number, dirp: number, count: number): number {
    const f = this.files.fdTable().get(fd);
    if (!f) return -EBADF;
    if (f.kind !== 'inode' || f.inode.kind !== 'dir') return -ENOTDIR;
    const dir = f.inode;
    if (dir.removed) return -ENOENT;
    const list: [string, Inode][] = [['.', dir], ['..', dir.parent], ...dir.entries];
    const enc = new TextEncoder();
    const out = new Uint8Array(Math.min(count, 1 << 20));
    const view = new DataView(out.buffer);
    let used = 0;
    while (f.pos < list.length) {
      const [name, inode] = list[f.pos]!;
      const bytes = enc.encode(name);
      // 19 bytes before the name, the name's NUL, and padding to 8 (ALIGN(sizeof(u64))).
      const reclen = (19 + bytes.length + 1 + 7) & ~7;
      if (used + reclen > out.length) break;
      view.setBigUint64(used, BigInt(inode.ino), true);
      view.setBigInt64(used + 8, BigInt(f.pos + 1), true);
      view.setUint16(used + 16, reclen, true);
      view.setUint8(used + 18, DIRENT_TYPES[inode.kind]);
      out.set(bytes, used + 19);
      used += reclen;
      f.pos++;
    }
    if (used === 0 && f.pos < list.length) return -EINVAL;
    const mem = this.host.currentMemory();
    if (mem.userAccessible(dirp, used, true) < used) return -EFAULT;
    mem.writeBytes(dirp, out.subarray(0, used));
    return used;
  }
}

/** The root of the mount `dir` is on: the nearest directory up the tree with a file system mounted. */
function mountOf(dir: Directory): Directory {
  let d = dir;
  while (!d.mountpoint && d.parent !== d) d = d.parent;
  return d;
}
