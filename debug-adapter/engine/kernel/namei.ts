// The simulated file system that open(2) walks, and its path lookup (fs/namei.c's link_path_walk).
// Forkscope's machine has no disk: its tree is a few directories, the character devices /dev/null and
// /dev/zero, and /proc/sys/kernel/pid_max, the sysctl that the lecture's PID rules depend on. Programs
// in /bin and in the program's folder exist for execve only (exec.ts finds them); open(2) does not see
// them. Relative paths start at the root, the only working directory a task has here.

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

export type Inode =
  | {
      kind: 'dir';
      entries: Map<string, Inode>;
      parent: Inode | undefined;
      /** procfs has no create operation: O_CREAT of a missing name there fails with ENOENT, not EROFS. */
      proc: boolean;
    }
  | { kind: 'chr'; device: 'null' | 'zero' }
  | { kind: 'sysctl'; sysctl: SysctlInt };

type Dir = Extract<Inode, { kind: 'dir' }>;

function dir(parent: Dir | undefined, proc: boolean): Dir {
  return { kind: 'dir', entries: new Map(), parent, proc };
}

function mkdir(parent: Dir, name: string, proc = parent.proc): Dir {
  const d = dir(parent, proc);
  parent.entries.set(name, d);
  return d;
}

/** The machine's file tree, its sysctls reading and writing the kernel's values. */
export function fileTree(sysctls: { pidMax: SysctlInt }): Dir {
  const root = dir(undefined, false);
  root.parent = root;
  mkdir(root, 'bin');
  const dev = mkdir(root, 'dev');
  dev.entries.set('null', { kind: 'chr', device: 'null' });
  dev.entries.set('zero', { kind: 'chr', device: 'zero' });
  const kernel = mkdir(mkdir(mkdir(root, 'proc', true), 'sys'), 'kernel');
  kernel.entries.set('pid_max', { kind: 'sysctl', sysctl: sysctls.pidMax });
  return root;
}

/** A lookup's end: the inode found, or the directory where the last name is missing (for O_CREAT). */
export type LookupResult = { inode: Inode } | { missingIn: Dir };

/**
 * Walks `path` from `root` (absolute) or `cwd`: every component but the last must be a directory
 * (ENOTDIR) that exists (ENOENT); "." and ".." work as usual, ".." at the root staying there. A path
 * ending in "/" must name a directory. Returns -errno on failure.
 */
export function pathLookup(root: Dir, cwd: Dir, path: string): LookupResult | number {
  if (path.length === 0) return -ENOENT;
  if (path.length >= PATH_MAX) return -ENAMETOOLONG;
  const names = path.split('/').filter((s) => s !== '' && s !== '.');
  if (names.some((s) => s.length > NAME_MAX)) return -ENAMETOOLONG;
  const mustBeDir = path.endsWith('/');
  let at: Inode = path.startsWith('/') ? root : cwd;
  for (let i = 0; i < names.length; i++) {
    if (at.kind !== 'dir') return -ENOTDIR;
    const name = names[i]!;
    const next: Inode | undefined = name === '..' ? at.parent : at.entries.get(name);
    if (!next) return i === names.length - 1 ? { missingIn: at } : -ENOENT;
    at = next;
  }
  if (mustBeDir && at.kind !== 'dir') return -ENOTDIR;
  return { inode: at };
}
