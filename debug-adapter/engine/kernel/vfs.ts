// The host side of the kernel's file calls (fs/read_write.c, fs/pipe.c, fs/file.c): each task's
// descriptor table (its files_struct's, see files.ts), reads and writes on the terminal and on pipes,
// pipe(), close(), dup() and dup2(). The kernel's pseudo-C decides when to sleep and whom to wake;
// this moves the bytes and keeps the tables.
import { type AddressSpace, MemoryFault } from '../vm/memory';
import { DescriptorTables, EBADF, type FdTable, newPipe, type OpenFile } from './files';
import type { StructView } from './layout';
import type { MachineIO } from './machine';

const SIGPIPE = 13;
const EFAULT = 14;
export const EAGAIN = 11;
const EPIPE = 32;

/** What the file calls need from the machine: who runs the call, in which memory, and how to wake a sleeper. */
export interface VfsHost {
  /** The task_struct of the task making the call. */
  currentTask(): number;
  /** That task's user memory, where its buffers are. */
  currentMemory(): AddressSpace;
  /** try_to_wake_up's effect, for a reader sleeping on a pipe. */
  wakeUp(task: number): void;
}

export class Vfs {
  /** The descriptor tables, by files_struct address (shared by tasks cloned with CLONE_FILES). */
  private readonly files = new DescriptorTables();
  /** How much of the run's stdin the terminal has handed out. */
  private stdinPos = 0;
  private readonly wake = (t: number): void => this.host.wakeUp(t);

  constructor(
    private readonly kmem: AddressSpace,
    private readonly task: StructView,
    private readonly io: MachineIO,
    private readonly host: VfsHost,
  ) {}

  /** The task's descriptor table: its files_struct's. */
  fdTable(task = this.host.currentTask()): FdTable {
    return this.files.of(this.task.get(this.kmem, task, 'files'));
  }

  /** dup_fd's copy (always of the current task's table). */
  filesDup(newf: number): number {
    this.files.dup(newf, this.task.get(this.kmem, this.host.currentTask(), 'files'));
    return 0;
  }

  /** The last user of the files_struct is gone: its descriptors are closed. */
  filesExit(files: number): void {
    this.files.close(files, this.wake);
  }

  /** Reads from user memory for a write; undefined when the buffer is bad (EFAULT). */
  private userBytes(addr: number, count: number): Uint8Array | undefined {
    try {
      return this.host.currentMemory().readBytes(addr, count);
    } catch (e) {
      if (e instanceof MemoryFault) return undefined;
      throw e;
    }
  }

  vfsWrite(fd: number, buf: number, count: number): number {
    const bytes = this.userBytes(buf, count);
    return bytes ? this.writeFile(this.host.currentTask(), fd, bytes) : -EFAULT;
  }

  /** write(2) on a task's descriptor: the terminal, or a pipe (EPIPE and SIGPIPE without readers). */
  writeFile(task: number, fd: number, bytes: Uint8Array): number {
    const f = this.fdTable(task).get(fd);
    if (!f) return -EBADF;
    if (f.kind === 'tty') {
      if (f.stream === 0) return -EBADF;
      (f.stream === 1 ? this.io.stdout : this.io.stderr)(bytes.slice());
      return bytes.length;
    }
    if (f.end !== 'write') return -EBADF;
    if (f.pipe.readers === 0) {
      this.task.set(this.kmem, task, 'pending', this.task.get(this.kmem, task, 'pending') | (1 << (SIGPIPE - 1)));
      return -EPIPE;
    }
    for (const b of bytes) f.pipe.data.push(b);
    for (const t of f.pipe.waiters) this.host.wakeUp(t);
    f.pipe.waiters.clear();
    return bytes.length;
  }

  vfsRead(fd: number, buf: number, count: number): number {
    const r = this.readFile(this.host.currentTask(), fd, count);
    if (typeof r === 'number') return r;
    try {
      this.host.currentMemory().writeBytes(buf, r);
    } catch (e) {
      if (e instanceof MemoryFault) return -EFAULT;
      throw e;
    }
    return r.length;
  }

  /** read(2) on a task's descriptor: bytes, or -errno (-EAGAIN: an empty pipe that still has writers). */
  readFile(task: number, fd: number, count: number): Uint8Array | number {
    const f: OpenFile | undefined = this.fdTable(task).get(fd);
    if (!f) return -EBADF;
    if (f.kind === 'tty') {
      if (f.stream !== 0) return -EBADF;
      const input = this.io.stdin ?? new Uint8Array(0);
      const out = input.subarray(this.stdinPos, this.stdinPos + count);
      this.stdinPos += out.length;
      return out.slice();
    }
    if (f.end !== 'read') return -EBADF;
    // read(fd, buf, 0) returns 0 at once, even on an empty pipe.
    if (count === 0) return new Uint8Array(0);
    if (f.pipe.data.length === 0) return f.pipe.writers > 0 ? -EAGAIN : new Uint8Array(0);
    return Uint8Array.from(f.pipe.data.splice(0, count));
  }

  pipeWaitReadable(fd: number): void {
    const f = this.fdTable().get(fd);
    if (f?.kind === 'pipe') f.pipe.waiters.add(this.host.currentTask());
  }

  doPipe(fildes: number): number {
    const table = this.fdTable();
    const { read, write } = newPipe();
    const r = table.install(read);
    if (r < 0) return r;
    const w = table.install(write);
    if (w < 0) {
      table.close(r, () => {});
      return w;
    }
    try {
      const mem = this.host.currentMemory();
      mem.write32(fildes, r);
      mem.write32(fildes + 4, w);
    } catch (e) {
      if (!(e instanceof MemoryFault)) throw e;
      table.close(r, () => {});
      table.close(w, () => {});
      return -EFAULT;
    }
    return 0;
  }

  closeFd(fd: number): number {
    return this.fdTable().close(fd, this.wake);
  }

  dupFd(fd: number): number {
    const table = this.fdTable();
    const f = table.get(fd);
    if (!f) return -EBADF;
    f.refs++;
    return table.install(f);
  }

  dup2Fd(oldfd: number, newfd: number): number {
    const table = this.fdTable();
    const f = table.get(oldfd);
    if (!f) return -EBADF;
    if (oldfd === newfd) return newfd;
    if (table.get(newfd)) table.close(newfd, this.wake);
    f.refs++;
    table.fds[newfd] = f;
    return newfd;
  }
}
