// The kernel functions implemented in host code (declared in linux/forkscope.h): mechanics, not the
// lesson. Each finds the simulated machine through the calling thread's context.
import { E } from '../libc/errno';
import { formatPrintf } from '../libc/format';
import type { BuiltinContext, BuiltinFn, Value } from '../vm/host';
import type { Machine } from './machine';
import { signalFrameBuiltins } from './sigframe';
import { copyFromUser, copyToUser, putUser } from './uaccess';
import { fileCanMmap, fileMmapSizeMax, getUnmappedArea, madviseVmas, mmapRegion, mprotectFixup } from './mmap';

/** select_task_rq's flag for a new task (linux/sched/rq.h). */
const WF_FORK = 0x04;

const machineOf = (ctx: BuiltinContext): Machine => ctx.machine as Machine;
/** The address space of the task that made the system call. */
const currentMem = (ctx: BuiltinContext) => machineOf(ctx).currentTask().thread.mem;
const num = (v: Value | undefined): number => Number(v ?? 0);

export const kernelBuiltins: Record<string, BuiltinFn> = {
  get_current: (ctx) => machineOf(ctx).currentTask().ts,
  kmalloc: (ctx, a) => machineOf(ctx).kmalloc(num(a[0])),
  kzalloc: (ctx, a) => machineOf(ctx).kzalloc(num(a[0])),
  kfree: (ctx, a) => machineOf(ctx).kfree(num(a[0])),
  alloc_pid_nr: (ctx) => machineOf(ctx).pids.alloc(),
  alloc_pid_nr_at: (ctx, a) => machineOf(ctx).pids.allocAt(num(a[0]) | 0),
  free_pid_nr: (ctx, a) => machineOf(ctx).pids.free(num(a[0])),
  dup_mm_pages: (ctx, a) => machineOf(ctx).dupMm(num(a[0])),
  exit_mm_pages: (ctx, a) => machineOf(ctx).dropMm(num(a[0])),
  get_mm_hiwater_rss: (ctx, a) => machineOf(ctx).mmHiwaterRss(num(a[0])),
  copy_thread: (ctx, a) => machineOf(ctx).copyThread(num(a[0]), num(a[1])),
  release_thread: (ctx, a) => machineOf(ctx).releaseTask(num(a[0])),
  vfork_share_frames: (ctx, a) => machineOf(ctx).vforkShareFrames(num(a[0]), num(a[1])),
  enqueue_task: (ctx, a) => machineOf(ctx).smp.enqueue(num(a[0])),
  dequeue_task: (ctx, a) => machineOf(ctx).smp.dequeue(num(a[0])),
  select_task_rq: (ctx, a) => machineOf(ctx).smp.selectTaskRq(num(a[0]), (num(a[1]) & WF_FORK) !== 0),
  smp_processor_id: (ctx) => machineOf(ctx).smp.current.id,
  smp_send_reschedule: (ctx, a) => machineOf(ctx).smp.sendReschedule(num(a[0])),
  migrate_task_rq: (ctx, a) => machineOf(ctx).smp.migrateTaskRq(num(a[0]), num(a[1])),
  yield_task: (ctx, a) => {
    machineOf(ctx).smp.current.skip = num(a[0]);
  },
  __cpu_up: (ctx, a) => machineOf(ctx).cpuUp(num(a[0]), num(a[1])),
  pick_next_task: (ctx, a) => machineOf(ctx).pickNextTask(num(a[0])),
  context_switch: (ctx, a) => machineOf(ctx).contextSwitch(num(a[0]), num(a[1])),
  run_init_process: (ctx, a) => machineOf(ctx).runInitProcess(new TextDecoder().decode(ctx.mem.readCString(num(a[0])))),
  set_heap_brk: (ctx, a) => {
    const task = machineOf(ctx).currentTask();
    const mem = task.thread.mem;
    const brk = num(a[0]);
    return brk - mem.startBrk <= task.ctx.heapLimit && mem.setBrk(brk) ? 0 : -E.ENOMEM;
  },
  copy_to_user: (ctx, a) => copyToUser(ctx.mem, num(a[0]), num(a[1]), num(a[2])),
  __put_user_size: (ctx, a) => putUser(ctx.mem, num(a[1]), a[0] ?? 0, num(a[2])),
  copy_from_user: (ctx, a) => copyFromUser(ctx.mem, num(a[0]), num(a[1]), num(a[2])),
  get_unmapped_area: (ctx, a) => getUnmappedArea(currentMem(ctx), num(a[0]), num(a[1]), num(a[2]) !== 0),
  find_vma_intersection: (ctx, a) => (currentMem(ctx).intersects(num(a[0]), num(a[1])) ? 1 : 0),
  mmap_region: (ctx, a) => {
    const task = machineOf(ctx).currentTask();
    const file = num(a[0]) === 0 ? undefined : machineOf(ctx).vfs.fdTable().get(num(a[0]) - 1);
    return mmapRegion(task.thread.mem, file, num(a[1]), num(a[2]), num(a[3]), num(a[4]) !== 0, num(a[5]), task.ctx.heapLimit, machineOf(ctx).vfs.tree);
  },
  do_munmap: (ctx, a) => currentMem(ctx).unmap(num(a[0]), num(a[1])),
  mprotect_fixup: (ctx, a) => mprotectFixup(currentMem(ctx), num(a[0]), num(a[1]), num(a[2])),
  madvise_vmas: (ctx, a) => madviseVmas(currentMem(ctx), num(a[0]), num(a[1]), num(a[2]) !== 0),
  find_vma: (ctx, a) => {
    const v = currentMem(ctx).vmas.find((vma) => vma.end > num(a[0]));
    if (!v) return 0;
    ctx.mem.write64(num(a[1]), v.start);
    ctx.mem.write64(num(a[2]), v.end);
    return 1;
  },
  file_mmap_size_max: (ctx, a) => fileMmapSizeMax(machineOf(ctx).vfs.fdTable().get(num(a[0]))),
  file_can_mmap: (ctx, a) => (fileCanMmap(machineOf(ctx).vfs.fdTable().get(num(a[0]))) ? 1 : 0),
  access_remote_vm: (ctx, a) => machineOf(ctx).accessRemoteVm(num(a[0]), num(a[1]), num(a[2]), num(a[3])),
  update_stack_limit: (ctx, a) => machineOf(ctx).updateStackLimit(num(a[0])),
  bprm_load: (ctx, a) => machineOf(ctx).bprmLoad(num(a[0]), num(a[1]), num(a[2])),
  begin_new_exec: (ctx) => machineOf(ctx).beginNewExec(),
  files_dup: (ctx, a) => machineOf(ctx).vfs.filesDup(num(a[0])),
  files_exit: (ctx, a) => machineOf(ctx).vfs.filesExit(num(a[0])),
  vfs_read: (ctx, a) => machineOf(ctx).vfs.vfsRead(num(a[0]), num(a[1]), num(a[2])),
  vfs_write: (ctx, a) => machineOf(ctx).vfs.vfsWrite(num(a[0]), num(a[1]), num(a[2])),
  pipe_wait_readable: (ctx, a) => machineOf(ctx).vfs.pipeWaitReadable(num(a[0])),
  pipe_wait_writable: (ctx, a) => machineOf(ctx).vfs.pipeWaitWritable(num(a[0])),
  get_pipe_info: (ctx, a) => (machineOf(ctx).vfs.fdTable().get(num(a[0]))?.kind === 'pipe' ? 1 : 0),
  ptrace_report_signal: (ctx, a) =>
    machineOf(ctx).reportSignal(num(a[0]), { sig: num(a[1]), code: num(a[2]), pid: num(a[3]), value: num(a[4]), utime: num(a[5]), stime: num(a[6]) }),
  ptrace_report_group_stop: (ctx, a) => machineOf(ctx).reportGroupStop(num(a[0]), num(a[1])),
  ptrace_event_exec: (ctx, a) => machineOf(ctx).reportExecEvent(num(a[0]), num(a[1])),
  do_pipe2: (ctx, a) => machineOf(ctx).vfs.doPipe(num(a[0]), num(a[1])),
  do_filp_open: (ctx, a) => machineOf(ctx).vfs.doFilpOpen(num(a[0]) | 0, num(a[1]), num(a[2]), num(a[3])),
  do_unlinkat: (ctx, a) => machineOf(ctx).vfs.doUnlinkat(num(a[0]) | 0, num(a[1])),
  do_rmdir: (ctx, a) => machineOf(ctx).vfs.dirs.doRmdir(num(a[0]) | 0, num(a[1])),
  vfs_mkdir: (ctx, a) => machineOf(ctx).vfs.dirs.mkdir(num(a[0]) | 0, num(a[1]), num(a[2])),
  vfs_link: (ctx, a) => machineOf(ctx).vfs.dirs.link(num(a[0]) | 0, num(a[1]), num(a[2]) | 0, num(a[3])),
  lookup_dir: (ctx, a) => machineOf(ctx).vfs.dirs.lookupDir(num(a[0]) | 0, num(a[1])),
  fd_dir: (ctx, a) => machineOf(ctx).vfs.dirs.fdDir(num(a[0])),
  do_getcwd: (ctx, a) => machineOf(ctx).vfs.dirs.getcwd(num(a[0]), num(a[1]), num(a[2])),
  do_ftruncate: (ctx, a) => machineOf(ctx).vfs.ftruncate(num(a[0]), num(a[1])),
  do_getdents64: (ctx, a) => machineOf(ctx).vfs.dirs.getdents64(num(a[0]), num(a[1]), num(a[2])),
  vfs_ioctl: (ctx, a) => machineOf(ctx).vfs.ioctl(num(a[0]), num(a[1]), num(a[2])),
  file_flags: (ctx, a) => machineOf(ctx).vfs.fileFlags(num(a[0])),
  set_file_flags: (ctx, a) => machineOf(ctx).vfs.setFileFlags(num(a[0]), num(a[1])),
  f_dupfd: (ctx, a) => machineOf(ctx).vfs.dupFdFrom(num(a[1]), num(a[0]), num(a[2]) !== 0),
  get_close_on_exec: (ctx, a) => (machineOf(ctx).vfs.getCloseOnExec(num(a[0])) ? 1 : 0),
  set_close_on_exec: (ctx, a) => machineOf(ctx).vfs.setCloseOnExec(num(a[0]), num(a[1]) !== 0),
  do_close_on_exec: (ctx) => machineOf(ctx).vfs.closeOnExec(),
  vfs_fstatat: (ctx, a) => machineOf(ctx).vfs.fstatat(num(a[0]) | 0, num(a[1]), num(a[2]), num(a[3])),
  vfs_llseek: (ctx, a) => machineOf(ctx).vfs.lseek(num(a[0]), num(a[1]), num(a[2])),
  close_fd: (ctx, a) => machineOf(ctx).vfs.closeFd(num(a[0])),
  dup_fd: (ctx, a) => machineOf(ctx).vfs.dupFd(num(a[0])),
  spin_lockup_check: (ctx, a) => machineOf(ctx).spinLockupCheck(num(a[0])),
  dup2_fd: (ctx, a) => machineOf(ctx).vfs.dup2Fd(num(a[0]), num(a[1]), num(a[2])),
  load_module_sections: (ctx, a) => machineOf(ctx).loadModuleSections(num(a[0]), num(a[1]), num(a[2])),
  ktime_get_ns: (ctx) => machineOf(ctx).nowNs(),
  hrtimer_start: (ctx, a) => machineOf(ctx).startTimer(num(a[0]), num(a[1])),
  futex_shared_key: (ctx, a) => currentMem(ctx).sharedMemoryKey(num(a[0])),
  itimer_real_start: (ctx, a) => machineOf(ctx).realTimers.start(num(a[0]), num(a[1])),
  itimer_real_cancel: (ctx, a) => machineOf(ctx).realTimers.cancel(num(a[0])),
  ...signalFrameBuiltins((ctx) => machineOf(ctx).currentTask().thread),
  printk: (ctx, a) => {
    machineOf(ctx).printk(formatted(ctx, a));
    return 0;
  },
  panic: (ctx, a) => machineOf(ctx).panic(formatted(ctx, a)),
};

function formatted(ctx: BuiltinContext, a: Value[]): string {
  let i = 1;
  const next = (): Value => a[i++] ?? 0;
  const bytes = formatPrintf(ctx.mem.readCString(num(a[0])), {
    nextInt: (size, signed) => {
      const v = next();
      const b = typeof v === 'bigint' ? v : BigInt(Math.trunc(Number(v)));
      return signed ? BigInt.asIntN(size * 8, b) : BigInt.asUintN(size * 8, b);
    },
    nextDouble: () => Number(next()),
    readString: (addr, max) => ctx.mem.readCString(addr, max),
    errno: () => 0,
  });
  return new TextDecoder().decode(bytes);
}
