// The host side of the kernel's file calls (fs/open.c, fs/namei.c, fs/read_write.c, fs/pipe.c,
// fs/fcntl.c, fs/file.c, fs/ioctl.c): each task's descriptor table (its files_struct's, see files.ts),
// opening, creating and unlinking the files of the simulated file system (namei.ts), reads, writes and
// seeks on them, on the terminal and on pipes, and the descriptor operations. The directory calls are
// vfs-dirs.ts's. The kernel's pseudo-C decides when to sleep and whom to wake, and checks the flags;
// this moves the bytes and keeps the tables.
import { type AddressSpace, LAYOUT, MemoryFault } from '../vm/memory';
import { DescriptorTables, EBADF, type FdTable, newPipe, O_ACCMODE, O_LARGEFILE, O_NONBLOCK, O_RDONLY, O_WRONLY, type OpenFile, wakeAll } from './files';
import type { StructView } from './layout';
import type { MachineIO } from './machine';
import { type Directory, type FileTree, type Inode, pathLookup, PATH_MAX } from './namei';
import { newShmemBudget } from './shmem';
import { sysctlRead, sysctlWrite } from './sysctl';
import { type FileStatus, inodeStatus, PIPE_STATUS, STAT_SIZE, TERMINAL_STATUS, writeStat } from './stat';
import { TERMINAL_TERMIOS } from './termios';
import { DirectoryCalls } from './vfs-dirs';
import { RLIMIT_FSIZE, RLIMIT_NOFILE } from './rlimit';

const ENOENT = 2;
const ENXIO = 6;
const ENOEXEC = 8;
const EACCES = 13;
const SIGPIPE = 13;
const EFAULT = 14;
export const EAGAIN = 11;
const EEXIST = 17;
const ENOTDIR = 20;
const EISDIR = 21;
const EINVAL = 22;
const ENOTTY = 25;
const ESPIPE = 29;
const EPIPE = 32;
const ENAMETOOLONG = 36;
const EFBIG = 27;
const SIGXFSZ = 25;

const TCGETS = 0x5401;
const FIONREAD = 0x541b;

const AT_EMPTY_PATH = 0x1000;
const O_CREAT = 0o100;
const O_EXCL = 0o200;
const O_NOCTTY = 0o400;
const O_TRUNC = 0o1000;
const O_APPEND = 0o2000;
const O_DIRECTORY = 0o200000;
const O_CLOEXEC = 0o2000000;
/** The open flags that only act at open time: do_dentry_open drops them from f_flags (and O_CLOEXEC goes to the descriptor). */
const OPEN_ONLY_FLAGS = O_CREAT | O_EXCL | O_NOCTTY | O_TRUNC | O_CLOEXEC;
const AT_FDCWD = -100;
const SEEK_SET = 0;
const SEEK_CUR = 1;
const SEEK_END = 2;
const SEEK_DATA = 3;
const SEEK_HOLE = 4;

/** What the file calls need from the machine: who runs the call, in which memory, and how to wake a sleeper. */
export interface VfsHost {
  /** The task_struct of the task making the call. */
  currentTask(): number;
  /** That task's user memory, where its buffers are. */
  currentMemory(): AddressSpace;
  /** try_to_wake_up's effect, for a reader sleeping on a pipe. */
  wakeUp(task: number): void;
  /** The current task's working directory, as its fs_struct holds it (0: the root). */
  workingDirectory(): number;
  /** The current task's soft limit on `resource` (Infinity for none): see rlimit.ts. */
  rlimit(resource: number): number;
}

export class Vfs {
  /** The descriptor tables, by files_struct address (shared by tasks cloned with CLONE_FILES). */
  private readonly files: DescriptorTables;
  /** How much of the run's stdin the terminal has handed out. */
  private stdinPos = 0;
  private readonly wake = (t: number): void => this.host.wakeUp(t);
  /** The tmpfs's size limit, shared by its files. */
  private readonly shmem = newShmemBudget();

  /** mkdir, rmdir, chdir's lookups, getcwd and getdents64. */
  readonly dirs: DirectoryCalls;

  constructor(
    private readonly kmem: AddressSpace,
    private readonly task: StructView,
    private readonly io: MachineIO,
    private readonly host: VfsHost,
    /** The file tree: mmap names a file mapping by its path in it. */
    readonly tree: FileTree,
  ) {
    this.files = new DescriptorTables(io.stdio);
    this.dirs = new DirectoryCalls(tree, this, host);
  }

  private get root(): Directory {
    return this.tree.root;
  }

  /** The current task's working directory. */
  private cwd(): Directory {
    return this.tree.dirByIno(this.host.workingDirectory());
  }

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

  /**
   * What a write takes from user memory, as copy_from_user takes it: up to the first byte it may not
   * read (a short write), or undefined when that is the first (EFAULT).
   */
  private userBytes(addr: number, count: number): Uint8Array | undefined {
    const mem = this.host.currentMemory();
    const n = mem.userAccessible(addr, count, false);
    if (n === 0 && count > 0) return undefined;
    return mem.readBytes(addr, n);
  }

  /**
   * write(2) on the current task's descriptor: the terminal, a file, or a pipe: as much as it has room
   * for, -EAGAIN when it has none (sys_write then waits, or fails for O_NONBLOCK), EPIPE and SIGPIPE
   * without readers.
   */
  vfsWrite(fd: number, buf: number, count: number): number {
    const task = this.host.currentTask();
    const f = this.fdTable(task).get(fd);
    if (!f) return -EBADF;
    if (f.kind === 'pipe') {
      if (f.end !== 'write') return -EBADF;
      if (f.pipe.readers === 0) {
        this.sendSig(task, SIGPIPE);
        return -EPIPE;
      }
      const n = f.pipe.buffer.room(count);
      if (n === 0) return count === 0 ? 0 : -EAGAIN;
      // pipe_write fails (EFAULT) when it cannot copy what it takes whole: it writes no part of it.
      const bytes = this.userBytes(buf, n);
      if (!bytes || bytes.length < n) return -EFAULT;
      f.pipe.buffer.put(bytes);
      wakeAll(f.pipe.waiters, this.wake);
      return n;
    }
    if (f.kind === 'tty' ? f.stream === 0 : (f.flags & O_ACCMODE) === O_RDONLY) return -EBADF;
    const bytes = this.userBytes(buf, count);
    if (!bytes) return -EFAULT;
    if (f.kind === 'inode') return this.writeInode(task, f, bytes);
    (f.stream === 1 ? this.io.stdout : this.io.stderr)(bytes);
    return bytes.length;
  }

  /**
   * read(2) into user memory: no more than copy_to_user can place, so that a buffer running into
   * unmapped memory gets a short read, and one that starts there EFAULT, with nothing consumed.
   */
  vfsRead(fd: number, buf: number, count: number): number {
    const mem = this.host.currentMemory();
    const room = mem.userAccessible(buf, count, true);
    // pipe_read, unlike a file's read, fails (EFAULT) when it cannot copy what it takes whole, and
    // takes nothing.
    const f = this.fdTable().get(fd);
    if (f?.kind === 'pipe' && f.end === 'read' && room < Math.min(count, f.pipe.buffer.length)) return -EFAULT;
    const r = this.readFile(this.host.currentTask(), fd, room);
    // A bad descriptor or one not open for reading says so first (vfs_read's order).
    if (room === 0 && count > 0 && typeof r !== 'number') return -EFAULT;
    if (typeof r === 'number') return r;
    mem.writeBytes(buf, r);
    return r.length;
  }

  /** read(2) on a task's descriptor: bytes, or -errno (-EAGAIN: an empty pipe that still has writers). */
  readFile(task: number, fd: number, count: number): Uint8Array | number {
    const f: OpenFile | undefined = this.fdTable(task).get(fd);
    if (!f) return -EBADF;
    if (f.kind === 'inode') return (f.flags & O_ACCMODE) === O_WRONLY ? -EBADF : this.readInode(f, count);
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
    if (f.pipe.buffer.empty) return f.pipe.writers > 0 ? -EAGAIN : new Uint8Array(0);
    const wasFull = f.pipe.buffer.full;
    const bytes = f.pipe.buffer.take(count);
    // A writer waiting for room may go on once a buffer is free.
    if (wasFull && !f.pipe.buffer.full) wakeAll(f.pipe.writeWaiters, this.wake);
    return bytes;
  }

  private readInode(f: Extract<OpenFile, { kind: 'inode' }>, count: number): Uint8Array | number {
    const inode = f.inode;
    switch (inode.kind) {
      case 'dir': return -EISDIR;
      case 'reg': {
        const out = inode.data.read(f.pos, count);
        f.pos += out.length;
        return out;
      }
      case 'chr': return inode.device === 'zero' ? new Uint8Array(count) : new Uint8Array(0);
      case 'sysctl': {
        const out = sysctlRead(inode.sysctl, f.pos, count);
        f.pos += out.length;
        return out;
      }
    }
  }

  /** send_sig to a task: a signal of its own, which the kernel acts on as the call returns. */
  private sendSig(task: number, sig: number): void {
    this.task.set(this.kmem, task, 'pending', this.task.get(this.kmem, task, 'pending') | (1 << (sig - 1)));
  }

  private writeInode(task: number, f: Extract<OpenFile, { kind: 'inode' }>, bytes: Uint8Array): number {
    const inode = f.inode;
    switch (inode.kind) {
      case 'dir': return -EBADF; // a directory is only ever open for reading
      case 'chr': return bytes.length;
      case 'reg': {
        // generic_write_checks: nothing to write is nothing done, not even O_APPEND's move.
        if (bytes.length === 0) return 0;
        // O_APPEND: every write goes to the end, which the file position then follows.
        if (f.flags & O_APPEND) f.pos = inode.data.size;
        // generic_write_check_limits: no byte at RLIMIT_FSIZE or past it (SIGXFSZ), the write cut short there.
        const limit = this.host.rlimit(RLIMIT_FSIZE);
        if (f.pos >= limit) {
          this.sendSig(task, SIGXFSZ);
          return -EFBIG;
        }
        const n = inode.data.write(f.pos, bytes.subarray(0, Math.min(bytes.length, limit - f.pos)));
        if (n > 0) f.pos += n;
        return n;
      }
      case 'sysctl': {
        const n = sysctlWrite(inode.sysctl, f.pos, bytes);
        if (n > 0) f.pos += n;
        return n;
      }
    }
  }

  /**
   * do_filp_open and fd_install: opens `path` (relative to the directory open at `dfd`, or to the
   * working directory for AT_FDCWD) and returns the new descriptor, or -errno. O_CREAT of a missing name makes a
   * regular file with permission bits `mode` (the kernel has applied the umask), except inside /proc,
   * which has no create operation (ENOENT). O_TRUNC empties a regular file, whatever the access mode,
   * as Linux does.
   */
  doFilpOpen(dfd: number, pathAddr: number, flags: number, mode: number): number {
    const path = this.userPath(pathAddr);
    if (typeof path === 'number') return path;
    const found = this.lookupAt(dfd, path);
    if (typeof found === 'number') return found;
    let inode: Inode;
    if ('missingIn' in found) {
      // procfs has no create operation, and a removed directory takes no new entries.
      if ((flags & O_CREAT) === 0 || found.missingIn.proc || found.missingIn.removed) return -ENOENT;
      // open_last_lookups: "name/" cannot be created as a file.
      if (path.endsWith('/')) return -EISDIR;
      inode = this.tree.createFile(found.missingIn, found.name, mode, this.shmem);
    } else {
      inode = found.inode;
      if ((flags & (O_CREAT | O_EXCL)) === (O_CREAT | O_EXCL)) return -EEXIST;
      if (inode.kind === 'dir' && ((flags & O_ACCMODE) !== O_RDONLY || (flags & O_CREAT) !== 0)) return -EISDIR;
      if (inode.kind !== 'dir' && (flags & O_DIRECTORY) !== 0) return -ENOTDIR;
      if (inode.kind === 'reg' && (flags & O_TRUNC) !== 0) inode.data.truncate(0);
    }
    const file: OpenFile = { kind: 'inode', inode, pos: 0, refs: 1, flags: (flags & ~OPEN_ONLY_FLAGS) | O_LARGEFILE };
    const fd = this.fdTable().install(file, this.host.rlimit(RLIMIT_NOFILE), 0, (flags & O_CLOEXEC) !== 0);
    if (fd >= 0 && inode.kind === 'reg') inode.opens++;
    return fd;
  }

  /**
   * do_unlinkat: removes the name `path` (from `dfd`). A directory is never unlinked (EISDIR: rmdir
   * removes it, see vfs-dirs.ts), and /proc's entries cannot be (EACCES: its directories are read-only
   * for all).
   */
  doUnlinkat(dfd: number, pathAddr: number): number {
    const found = this.lookupUserPath(dfd, pathAddr);
    if (typeof found === 'number') return found;
    if ('missingIn' in found) return -ENOENT;
    const { inode, name, parent } = found;
    if (inode.kind === 'dir') return -EISDIR;
    if (parent.proc) return -EACCES;
    this.tree.removeName(parent, name);
    return 0;
  }

  /**
   * do_open_execat's verdict on `path` in the file tree, for execve: a directory, a device or a file
   * without execute permission is EACCES, and one with it ENOEXEC (no file here is a program: the
   * programs are /bin's and the program's folder's, which the tree does not hold). Undefined when the
   * walk finds nothing, and a failure on the way (ENOTDIR …) as it is.
   */
  execAccess(path: string): number | undefined {
    const found = this.lookupAt(AT_FDCWD, path);
    if (typeof found === 'number') return found === -ENOENT ? undefined : found;
    if ('missingIn' in found) return undefined;
    const inode = found.inode;
    return inode.kind === 'reg' && (inode.mode & 0o111) !== 0 ? -ENOEXEC : -EACCES;
  }

  /** A path argument looked up from `dfd`: the lookup's result, or -errno. */
  lookupUserPath(dfd: number, pathAddr: number): ReturnType<typeof pathLookup> {
    const path = this.userPath(pathAddr);
    if (typeof path === 'number') return path;
    return this.lookupAt(dfd, path);
  }

  /**
   * vfs_ioctl: TCGETS gives the terminal's settings (tty_ioctl); FIONREAD the bytes a read would find
   * now in a pipe or a regular file. Other requests, and other files, are ENOTTY.
   */
  ioctl(fd: number, cmd: number, arg: number): number {
    const f = this.fdTable().get(fd);
    if (!f) return -EBADF;
    const mem = this.host.currentMemory();
    if (cmd === TCGETS && f.kind === 'tty' && this.io.stdio === 'tty') {
      if (mem.userAccessible(arg, TERMINAL_TERMIOS.length, true) < TERMINAL_TERMIOS.length) return -EFAULT;
      mem.writeBytes(arg, TERMINAL_TERMIOS);
      return 0;
    }
    if (cmd === FIONREAD) {
      let n: number | undefined;
      if (f.kind === 'pipe' && f.end === 'read') n = f.pipe.buffer.length;
      else if (f.kind === 'inode' && f.inode.kind === 'reg') n = Math.max(0, f.inode.data.size - f.pos);
      if (n !== undefined) {
        if (mem.userAccessible(arg, 4, true) < 4) return -EFAULT;
        mem.write32(arg, n);
        return 0;
      }
    }
    return -ENOTTY;
  }

  /** do_sys_ftruncate's file checks and the truncation: only a regular file open for writing (EINVAL). */
  ftruncate(fd: number, length: number): number {
    const f = this.fdTable().get(fd);
    if (!f) return -EBADF;
    if (f.kind !== 'inode' || f.inode.kind !== 'reg' || (f.flags & O_ACCMODE) === O_RDONLY) return -EINVAL;
    // inode_newsize_ok: a file may not grow past RLIMIT_FSIZE (SIGXFSZ).
    if (length > f.inode.data.size && length > this.host.rlimit(RLIMIT_FSIZE)) {
      this.sendSig(this.host.currentTask(), SIGXFSZ);
      return -EFBIG;
    }
    f.inode.data.truncate(length);
    return 0;
  }

  /** getname: a path from user memory, or -EFAULT / -ENAMETOOLONG. */
  private userPath(pathAddr: number): string | number {
    try {
      if (pathAddr >= LAYOUT.kernelBase) return -EFAULT; // access_ok
      const bytes = this.host.currentMemory().readCString(pathAddr, PATH_MAX + 1);
      if (bytes.length >= PATH_MAX) return -ENAMETOOLONG;
      return new TextDecoder().decode(bytes);
    } catch (e) {
      if (e instanceof MemoryFault) return -EFAULT;
      throw e;
    }
  }

  /** The path walk from the root (absolute), the directory open at `dfd`, or the working directory for AT_FDCWD. */
  private lookupAt(dfd: number, path: string): ReturnType<typeof pathLookup> {
    let cwd = this.cwd();
    if (!path.startsWith('/') && dfd !== AT_FDCWD) {
      const d = this.fdTable().get(dfd);
      if (!d) return -EBADF;
      if (d.kind !== 'inode' || d.inode.kind !== 'dir') return -ENOTDIR;
      cwd = d.inode;
    }
    return pathLookup(this.root, cwd, path);
  }

  /**
   * vfs_fstatat and cp_new_stat: the status of the file at `path` (from `dfd`), or of dfd's own file for
   * an empty path with AT_EMPTY_PATH, written to user memory as struct stat.
   */
  fstatat(dfd: number, pathAddr: number, flags: number, statAddr: number): number {
    const path = this.userPath(pathAddr);
    if (typeof path === 'number') return path;
    let status: FileStatus;
    if (path === '' && (flags & AT_EMPTY_PATH) !== 0) {
      if (dfd === AT_FDCWD) status = inodeStatus(this.cwd());
      else {
        const f = this.fdTable().get(dfd);
        if (!f) return -EBADF;
        status = f.kind === 'inode' ? inodeStatus(f.inode) : f.kind === 'pipe' || this.io.stdio === 'pipe' ? PIPE_STATUS : TERMINAL_STATUS;
      }
    } else {
      const found = this.lookupAt(dfd, path);
      if (typeof found === 'number') return found;
      if ('missingIn' in found) return -ENOENT;
      status = inodeStatus(found.inode);
    }
    try {
      if (this.host.currentMemory().userAccessible(statAddr, STAT_SIZE, true) < STAT_SIZE) return -EFAULT;
      writeStat(this.host.currentMemory(), statAddr, status);
    } catch (e) {
      if (e instanceof MemoryFault) return -EFAULT;
      throw e;
    }
    return 0;
  }

  /** The open file's f_flags (what F_GETFL returns), or -EBADF. */
  fileFlags(fd: number): number {
    return this.fdTable().get(fd)?.flags ?? -EBADF;
  }

  /** F_SETFL's store: the kernel's setfl has already kept the flags that cannot change. */
  setFileFlags(fd: number, flags: number): void {
    const f = this.fdTable().get(fd);
    if (f) f.flags = flags;
  }

  /** F_DUPFD: the lowest free descriptor from `from` on, for the same open file. */
  dupFdFrom(fd: number, from: number, closeOnExec: boolean): number {
    const table = this.fdTable();
    const f = table.get(fd);
    if (!f) return -EBADF;
    const r = table.install(f, this.host.rlimit(RLIMIT_NOFILE), from, closeOnExec);
    if (r >= 0) f.refs++;
    return r;
  }

  getCloseOnExec(fd: number): boolean {
    return this.fdTable().isCloseOnExec(fd);
  }

  setCloseOnExec(fd: number, on: boolean): void {
    const table = this.fdTable();
    const f = table.get(fd);
    if (f) table.set(fd, f, on);
  }

  /** do_close_on_exec: the descriptors marked FD_CLOEXEC close as execve starts the new program. */
  closeOnExec(): void {
    this.fdTable().closeMarked(this.wake);
  }

  /**
   * lseek: pipes and the terminal cannot seek (ESPIPE); /dev/null and /dev/zero stay at 0 whatever is
   * asked (null_lseek); the other files seek as default_llseek does, from their size (a regular file's,
   * 0 for the others). Past the end is allowed: a write there leaves a hole.
   */
  lseek(fd: number, offset: number, whence: number): number {
    const f = this.fdTable().get(fd);
    if (!f) return -EBADF;
    if (whence < SEEK_SET || whence > SEEK_HOLE) return -EINVAL;
    if (f.kind !== 'inode') return -ESPIPE;
    if (f.inode.kind === 'chr') return (f.pos = 0);
    const size = f.inode.kind === 'reg' ? f.inode.data.size : 0;
    let pos: number;
    switch (whence) {
      case SEEK_SET: pos = offset; break;
      case SEEK_CUR: pos = f.pos + offset; break;
      case SEEK_END: pos = size + offset; break;
      default:
        // SEEK_DATA and SEEK_HOLE: data up to the size, the hole at its end (tmpfs's holes are not told apart).
        if (offset >= size) return -ENXIO;
        pos = whence === SEEK_DATA ? offset : size;
    }
    if (pos < 0) return -EINVAL;
    f.pos = pos;
    return pos;
  }

  pipeWaitReadable(fd: number): void {
    const f = this.fdTable().get(fd);
    if (f?.kind === 'pipe') f.pipe.waiters.add(this.host.currentTask());
  }

  /** The current task sleeps on the pipe until a reader frees a buffer or the last reader goes. */
  pipeWaitWritable(fd: number): void {
    const f = this.fdTable().get(fd);
    if (f?.kind === 'pipe') f.pipe.writeWaiters.add(this.host.currentTask());
  }

  /** do_pipe2: the kernel has checked `flags` (O_CLOEXEC, O_NONBLOCK, O_DIRECT). */
  doPipe(fildes: number, flags: number): number {
    const table = this.fdTable();
    const { read, write } = newPipe(flags & O_NONBLOCK);
    const closeOnExec = (flags & O_CLOEXEC) !== 0;
    const r = table.install(read, this.host.rlimit(RLIMIT_NOFILE), 0, closeOnExec);
    if (r < 0) return r;
    const w = table.install(write, this.host.rlimit(RLIMIT_NOFILE), 0, closeOnExec);
    if (w < 0) {
      table.close(r, () => {});
      return w;
    }
    try {
      const mem = this.host.currentMemory();
      if (mem.userAccessible(fildes, 8, true) < 8) throw new MemoryFault(fildes, 'write', 'unmapped');
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
    return this.dupFdFrom(fd, 0, false);
  }

  /** do_dup2: `newfd` is closed first; it is close-on-exec only when `flags` asks (dup3's O_CLOEXEC), whatever `oldfd` is. */
  dup2Fd(oldfd: number, newfd: number, flags: number): number {
    const table = this.fdTable();
    const f = table.get(oldfd);
    if (!f) return -EBADF;
    if (oldfd === newfd) return newfd;
    if (table.get(newfd)) table.close(newfd, this.wake);
    f.refs++;
    table.set(newfd, f, (flags & O_CLOEXEC) !== 0);
    return newfd;
  }
}
