// The simulated file system that open(2) walks, and its path lookup (fs/namei.c's link_path_walk).
// Forkscope's machine has no disk: its root is a tmpfs, as an initramfs is, holding a few directories,
// the character devices /dev/null and /dev/zero, /proc/sys/kernel/pid_max (the sysctl that the
// lecture's PID rules depend on), and the regular files programs create, kept in memory for the run
// (shmem.ts), and the directories they make. Programs in /bin and in the program's folder exist for
// execve only (exec.ts finds them); open(2) does not see them. Relative paths start at the task's working
// directory, which its fs_struct holds as a directory's number (FileTree.dirByIno).
import { ShmemFile, type ShmemBudget } from './shmem';

const ENOENT = 2;
const ENOTDIR = 20;
const ENAMETOOLONG = 36;
/** PATH_MAX counts the terminating NUL; NAME_MAX is one component's limit. */
export const PATH_MAX = 4096;
const NAME_MAX = 255;

/** An integer sysctl, read and written as text by proc_dointvec_minmax. */
export interface SysctlInt {
  get(): number;
  set(value: number): void;
  readonly min: number;
  readonly max: number;
}

export type Inode = Directory | { kind: 'chr'; ino: number; device: 'null' | 'zero' }
  | { kind: 'sysctl'; ino: number; sysctl: SysctlInt }
  | RegularFile;

/** A file a program created: its permission bits, its links (names) and open files, and its data. */
export interface RegularFile {
  kind: 'reg';
  ino: number;
  mode: number;
  nlink: number;
  /** The open files (struct file) on it: an unlinked file lives on until the last is closed. */
  opens: number;
  data: ShmemFile;
}

export interface Directory {
  kind: 'dir';
  /** Its inode number; a task's fs_struct holds its working directory's (Linux's struct path pwd). */
  ino: number;
  entries: Map<string, Inode>;
  /** The root's is itself. */
  parent: Directory;
  /** procfs has no create operation: O_CREAT of a missing name there fails with ENOENT. */
  proc: boolean;
  /** A file system is mounted here (the root, /dev, /proc): rmdir gives EBUSY. */
  mountpoint?: true;
  /**
   * The permission bits of a directory mkdir made. The boot tree's have none: they hold what they were
   * made for (/bin the programs execve finds), and rmdir never removes them.
   */
  mode?: number;
  /** rmdir removed it while it may still be a task's working directory (getcwd then fails, ENOENT). */
  removed?: true;
}

/** The machine's file tree: the boot tree, its sysctls reading and writing the kernel's values, and the directories by number. */
export class FileTree {
  readonly root: Directory;
  private readonly dirs = new Map<number, Directory>();
  private nextIno = 1;

  constructor(sysctls: { pidMax: SysctlInt }) {
    const root: Directory = { kind: 'dir', ino: this.nextIno++, entries: new Map(), parent: undefined!, proc: false, mountpoint: true };
    root.parent = root;
    this.dirs.set(root.ino, root);
    this.root = root;
    this.makeDir(root, 'bin');
    const dev = this.makeDir(root, 'dev');
    dev.mountpoint = true;
    dev.entries.set('null', { kind: 'chr', ino: this.nextIno++, device: 'null' });
    dev.entries.set('zero', { kind: 'chr', ino: this.nextIno++, device: 'zero' });
    // POSIX shared memory and named semaphores live in /dev/shm, a tmpfs of its own; /tmp is for anyone's
    // temporary files. Both are world-writable with the sticky bit, as on Linux.
    const shm = this.makeDir(dev, 'shm', 0o1777);
    shm.mountpoint = true;
    const proc = this.makeDir(root, 'proc', undefined, true);
    proc.mountpoint = true;
    this.makeDir(root, 'tmp', 0o1777);
    const kernel = this.makeDir(this.makeDir(proc, 'sys'), 'kernel');
    kernel.entries.set('pid_max', { kind: 'sysctl', ino: this.nextIno++, sysctl: sysctls.pidMax });
  }

  /** shmem_mknod for a regular file: `name` in `dir`, with permission bits `mode` (the umask applied). */
  createFile(dir: Directory, name: string, mode: number, budget: ShmemBudget): RegularFile {
    const file: RegularFile = { kind: 'reg', ino: this.nextIno++, mode: mode & 0o7777, nlink: 1, opens: 0, data: new ShmemFile(budget) };
    dir.entries.set(name, file);
    return file;
  }

  /** `name` in `parent`: a boot directory without `mode`, or one mkdir makes with its permission bits. */
  makeDir(parent: Directory, name: string, mode?: number, proc = parent.proc): Directory {
    const d: Directory = { kind: 'dir', ino: this.nextIno++, entries: new Map(), parent, proc };
    if (mode !== undefined) d.mode = mode & 0o7777;
    parent.entries.set(name, d);
    this.dirs.set(d.ino, d);
    return d;
  }

  /** link's: one more name for a regular file. */
  addName(dir: Directory, name: string, file: RegularFile): void {
    dir.entries.set(name, file);
    file.nlink++;
  }

  /** unlink's: a name goes from its directory; the file's data goes once it has no name and is not open. */
  removeName(dir: Directory, name: string): void {
    const inode = dir.entries.get(name);
    dir.entries.delete(name);
    if (inode?.kind === 'reg' && --inode.nlink === 0 && inode.opens === 0) inode.data.evict();
  }

  /** rmdir's removal of the empty directory `name` from `parent`. */
  removeDir(parent: Directory, name: string): void {
    const d = parent.entries.get(name);
    if (d?.kind !== 'dir') return;
    parent.entries.delete(name);
    d.removed = true;
  }

  /** The directory a working directory's number names; 0, a zeroed fs_struct's, is the root. */
  dirByIno(ino: number): Directory {
    return this.dirs.get(ino) ?? this.root;
  }

  /**
   * d_path of a regular file, for its mappings' names: the path of one of its names, or undefined
   * once it has none.
   */
  pathOfFile(file: RegularFile): string | undefined {
    for (const d of this.dirs.values()) {
      for (const [name, inode] of d.entries) {
        if (inode !== file) continue;
        const dir = this.pathOf(d);
        if (dir !== undefined) return dir === '/' ? `/${name}` : `${dir}/${name}`;
      }
    }
    return undefined;
  }

  /** d_path: the absolute path of directory `d`, or undefined once it has been removed. */
  pathOf(d: Directory): string | undefined {
    const names: string[] = [];
    for (let at = d; at !== this.root; at = at.parent) {
      if (at.removed) return undefined;
      const name = [...at.parent.entries].find(([, inode]) => inode === at)?.[0];
      if (name === undefined) return undefined;
      names.unshift(name);
    }
    return `/${names.join('/')}`;
  }
}

/** A lookup's end: the inode found, or the directory where the last name is missing (for O_CREAT). */
export type LookupResult = { inode: Inode; name: string; parent: Directory } | { missingIn: Directory; name: string };

/**
 * Walks `path` from `root` (absolute) or `cwd`: every component but the last must be a directory
 * (ENOTDIR) that exists (ENOENT); "." and ".." work as usual, ".." at the root staying there. A path
 * ending in "/" must name a directory. Returns -errno on failure.
 */
export function pathLookup(root: Directory, cwd: Directory, path: string): LookupResult | number {
  if (path.length === 0) return -ENOENT;
  if (path.length >= PATH_MAX) return -ENAMETOOLONG;
  const names = path.split('/').filter((s) => s !== '' && s !== '.');
  if (names.some((s) => s.length > NAME_MAX)) return -ENAMETOOLONG;
  const mustBeDir = path.endsWith('/');
  let at: Inode = path.startsWith('/') ? root : cwd;
  let parent: Directory = at.kind === 'dir' ? at : root;
  for (let i = 0; i < names.length; i++) {
    if (at.kind !== 'dir') return -ENOTDIR;
    const name = names[i]!;
    const next: Inode | undefined = name === '..' ? at.parent : at.entries.get(name);
    if (!next) return i === names.length - 1 ? { missingIn: at, name } : -ENOENT;
    parent = at;
    at = next;
  }
  if (mustBeDir && at.kind !== 'dir') return -ENOTDIR;
  return { inode: at, name: names[names.length - 1] ?? '.', parent };
}
