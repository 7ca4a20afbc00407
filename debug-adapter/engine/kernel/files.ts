// Open files as host data: descriptor tables, one per files_struct (tasks cloned with CLONE_FILES share
// one), pointing at shared, counted open files (struct file), and pipes. Reading an empty pipe, or
// writing a full one, returns -EAGAIN to the kernel's sys_read or sys_write, which sleeps until the
// other side (or its last close) wakes it, unless the file is O_NONBLOCK.
import type { Inode } from './namei';
import { PipeBuffer } from './pipe';

export interface Pipe {
  buffer: PipeBuffer;
  readers: number;
  writers: number;
  /** Tasks sleeping in sys_read on this pipe. */
  waiters: Set<number>;
  /** Tasks sleeping in sys_write until it has room. */
  writeWaiters: Set<number>;
}

/** What every open file has, as struct file does: how many descriptors share it and its f_flags. */
interface FileCommon {
  refs: number;
  /** The access mode (O_RDONLY, O_WRONLY, O_RDWR) and status flags (O_APPEND, O_NONBLOCK …), as F_GETFL returns them. */
  flags: number;
}

export type OpenFile = FileCommon &
  (
    | { kind: 'tty'; stream: 0 | 1 | 2 }
    | { kind: 'pipe'; end: 'read' | 'write'; pipe: Pipe }
    /** A file of the simulated file system (namei.ts) opened by open(2); `pos` is its f_pos. */
    | { kind: 'inode'; inode: Inode; pos: number }
  );

export const EBADF = 9;
export const EMFILE = 24;

export const O_ACCMODE = 0o3;
export const O_RDONLY = 0;
export const O_WRONLY = 1;
export const O_RDWR = 2;
export const O_NONBLOCK = 0o4000;
/** Set by open(2) on every file on a 64-bit kernel (force_o_largefile), and so shown by F_GETFL. */
export const O_LARGEFILE = 0o100000;

export class FdTable {
  constructor(
    readonly fds: (OpenFile | undefined)[] = [],
    /**
     * The descriptors marked close-on-exec (FD_CLOEXEC): a property of the descriptor, not of the open
     * file. Made with the first mark: most tables never have one, and a fork bomb's thousands of
     * children each have a table.
     */
    private closeOnExec: Set<number> | undefined = undefined,
  ) {}

  /**
   * Boot's console: descriptors 0, 1 and 2 on the terminal, each open read-write as on a real one; with
   * stdio to pipes, stdin is a read end and stdout and stderr write ends.
   */
  static console(stdio: 'tty' | 'pipe'): FdTable {
    return new FdTable(
      [0, 1, 2].map((s) => ({
        kind: 'tty',
        stream: s as 0 | 1 | 2,
        refs: 1,
        flags: stdio === 'tty' ? O_RDWR | O_LARGEFILE : s === 0 ? O_RDONLY : O_WRONLY,
      })),
    );
  }

  /** fork's copy: the same open files, each counted once more, and the same close-on-exec marks. */
  dup(): FdTable {
    for (const f of this.fds) if (f) f.refs++;
    return new FdTable(this.fds.slice(), this.closeOnExec?.size ? new Set(this.closeOnExec) : undefined);
  }

  isCloseOnExec(fd: number): boolean {
    return this.closeOnExec?.has(fd) ?? false;
  }

  get(fd: number): OpenFile | undefined {
    return this.fds[fd];
  }

  /**
   * Installs at the lowest free descriptor from `minFd` on, as Linux does (alloc_fd): none at `end`
   * (RLIMIT_NOFILE) or above.
   */
  install(f: OpenFile, end: number, minFd = 0, closeOnExec = false): number {
    let fd = minFd;
    while (this.fds[fd]) fd++;
    if (fd >= end) return -EMFILE;
    this.set(fd, f, closeOnExec);
    return fd;
  }

  /** Puts `f` at `fd` (which must be free), close-on-exec or not. */
  set(fd: number, f: OpenFile, closeOnExec: boolean): void {
    this.fds[fd] = f;
    if (closeOnExec) (this.closeOnExec ??= new Set()).add(fd);
    else this.closeOnExec?.delete(fd);
  }

  /** Closes fd; `woken` receives the tasks to wake (readers of a pipe whose last writer went). */
  close(fd: number, woken: (task: number) => void): number {
    const f = this.fds[fd];
    if (!f) return -EBADF;
    this.fds[fd] = undefined;
    this.closeOnExec?.delete(fd);
    release(f, woken);
    return 0;
  }

  closeAll(woken: (task: number) => void): void {
    for (let fd = 0; fd < this.fds.length; fd++) if (this.fds[fd]) this.close(fd, woken);
  }

  /** do_close_on_exec: execve closes the descriptors marked FD_CLOEXEC. */
  closeMarked(woken: (task: number) => void): void {
    if (this.closeOnExec) for (const fd of [...this.closeOnExec]) this.close(fd, woken);
  }
}

/**
 * The descriptor tables by the kernel address of their files_struct (linux/fdtable.h): the kernel's
 * pseudo-C decides which tasks share a table and when its last user is gone; this holds the arrays.
 */
export class DescriptorTables {
  private readonly tables = new Map<number, FdTable>();

  constructor(private readonly stdio: 'tty' | 'pipe') {}

  /**
   * The table of the files_struct at `files`. The first one looked up without having been copied is
   * init_files, boot's console; a task without one (it has run exit_files) has no descriptors.
   */
  of(files: number): FdTable {
    if (files === 0) return new FdTable();
    let t = this.tables.get(files);
    if (!t) {
      t = FdTable.console(this.stdio);
      this.tables.set(files, t);
    }
    return t;
  }

  /** dup_fd: `newf`'s table is a copy of `oldf`'s. */
  dup(newf: number, oldf: number): void {
    this.tables.set(newf, this.of(oldf).dup());
  }

  /** close_files as the last user of `files` leaves: every descriptor closed, the table forgotten. */
  close(files: number, woken: (task: number) => void): void {
    this.tables.get(files)?.closeAll(woken);
    this.tables.delete(files);
  }
}

function release(f: OpenFile, woken: (task: number) => void): void {
  if (--f.refs > 0) return;
  if (f.kind === 'inode') {
    // The last open file of an unlinked regular file: its data goes (iput of an inode with no links).
    const inode = f.inode;
    if (inode.kind === 'reg' && --inode.opens === 0 && inode.nlink === 0) inode.data.evict();
    return;
  }
  if (f.kind !== 'pipe') return;
  if (f.end === 'read') {
    // A writer waiting for room learns there is no reader left (EPIPE).
    if (--f.pipe.readers === 0) wakeAll(f.pipe.writeWaiters, woken);
  } else {
    f.pipe.writers--;
    if (f.pipe.writers === 0) wakeAll(f.pipe.waiters, woken);
  }
}

/** Wakes every task waiting in `waiters`, which empties. */
export function wakeAll(waiters: Set<number>, woken: (task: number) => void): void {
  for (const t of waiters) woken(t);
  waiters.clear();
}

/** pipe2's two files; `statusFlags` (O_NONBLOCK) applies to both ends. */
export function newPipe(statusFlags = 0): { read: OpenFile; write: OpenFile } {
  const pipe: Pipe = { buffer: new PipeBuffer(), readers: 1, writers: 1, waiters: new Set(), writeWaiters: new Set() };
  return {
    read: { kind: 'pipe', end: 'read', pipe, refs: 1, flags: O_RDONLY | statusFlags },
    write: { kind: 'pipe', end: 'write', pipe, refs: 1, flags: O_WRONLY | statusFlags },
  };
}
