// Open files as host data: descriptor tables, one per files_struct (tasks cloned with CLONE_FILES share
// one), pointing at shared, counted open files, and pipe buffers. Writes never block (a pipe's buffer grows as needed); reading an empty pipe returns
// -EAGAIN to the kernel's sys_read, which sleeps until a writer or the last writer's close wakes it.

export interface Pipe {
  data: number[];
  readers: number;
  writers: number;
  /** Tasks sleeping in sys_read on this pipe. */
  waiters: Set<number>;
}

export type OpenFile =
  | { kind: 'tty'; stream: 0 | 1 | 2; refs: number }
  | { kind: 'pipe'; end: 'read' | 'write'; pipe: Pipe; refs: number };

export const EBADF = 9;
export const EMFILE = 24;
const NR_OPEN = 1024;

export class FdTable {
  constructor(readonly fds: (OpenFile | undefined)[] = []) {}

  static console(): FdTable {
    return new FdTable([0, 1, 2].map((s) => ({ kind: 'tty', stream: s as 0 | 1 | 2, refs: 1 })));
  }

  /** fork's copy: the same open files, each counted once more. */
  dup(): FdTable {
    for (const f of this.fds) if (f) f.refs++;
    return new FdTable(this.fds.slice());
  }

  get(fd: number): OpenFile | undefined {
    return this.fds[fd];
  }

  /** Installs at the lowest free descriptor, as Linux does. */
  install(f: OpenFile): number {
    let fd = 0;
    while (this.fds[fd]) fd++;
    if (fd >= NR_OPEN) return -EMFILE;
    this.fds[fd] = f;
    return fd;
  }

  /** Closes fd; `woken` receives the tasks to wake (readers of a pipe whose last writer went). */
  close(fd: number, woken: (task: number) => void): number {
    const f = this.fds[fd];
    if (!f) return -EBADF;
    this.fds[fd] = undefined;
    release(f, woken);
    return 0;
  }

  closeAll(woken: (task: number) => void): void {
    for (let fd = 0; fd < this.fds.length; fd++) if (this.fds[fd]) this.close(fd, woken);
  }
}

/**
 * The descriptor tables by the kernel address of their files_struct (linux/fdtable.h): the kernel's
 * pseudo-C decides which tasks share a table and when its last user is gone; this holds the arrays.
 */
export class DescriptorTables {
  private readonly tables = new Map<number, FdTable>();

  /**
   * The table of the files_struct at `files`. The first one looked up without having been copied is
   * init_files, boot's console; a task without one (it has run exit_files) has no descriptors.
   */
  of(files: number): FdTable {
    if (files === 0) return new FdTable();
    let t = this.tables.get(files);
    if (!t) {
      t = FdTable.console();
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
  if (--f.refs > 0 || f.kind !== 'pipe') return;
  if (f.end === 'read') f.pipe.readers--;
  else {
    f.pipe.writers--;
    if (f.pipe.writers === 0) {
      for (const t of f.pipe.waiters) woken(t);
      f.pipe.waiters.clear();
    }
  }
}

export function newPipe(): { read: OpenFile; write: OpenFile } {
  const pipe: Pipe = { data: [], readers: 1, writers: 1, waiters: new Set() };
  return { read: { kind: 'pipe', end: 'read', pipe, refs: 1 }, write: { kind: 'pipe', end: 'write', pipe, refs: 1 } };
}
