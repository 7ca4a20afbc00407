// The process list as `ps -eo pid,ppid,stat,comm` prints it, read from the task_structs in kernel memory:
// every process on init_task's tasks list (one entry per thread group, as for_each_process walks it).
//
//     PID    PPID STAT COMMAND
//       1       0 S    init
//       3       2 I    kworker/0:0
//      12      11 Z    prog
//
// STAT's letter is the kernel's task_state_to_char (fs/proc/array.c), re-stated here because host code
// cannot call pseudo-C; procps adds flags after it. PID 0 (the idle task) has no /proc entry, so ps never
// shows it.
import type { StructType } from '../lang/types';
import type { AddressSpace } from '../vm/memory';
import { pointee, StructView } from './layout';

// include/linux/sched.h's state bits that user space may see (TASK_REPORT), and TASK_IDLE.
const TASK_UNINTERRUPTIBLE = 0x02;
const TASK_NOLOAD = 0x400;
const TASK_IDLE = TASK_UNINTERRUPTIBLE | TASK_NOLOAD;
const TASK_REPORT = 0x7f;
const TASK_REPORT_IDLE = TASK_REPORT + 1;
const STATE_CHARS = 'RSDTtXZPI';

const PF_KTHREAD = 0x00200000;
const DEFAULT_PRIO = 120;

/** __task_state_index: __state and exit_state folded into one index, the highest TASK_REPORT bit (fls). */
export function taskStateIndex(state: number, exitState: number): number {
  const report = (state & TASK_IDLE) === TASK_IDLE ? TASK_REPORT_IDLE : (state | exitState) & TASK_REPORT;
  return 32 - Math.clz32(report);
}

/** task_state_to_char: ps's STAT letter for a task's __state and exit_state. */
export function taskStateToChar(state: number, exitState: number): string {
  return STATE_CHARS[taskStateIndex(state, exitState)]!;
}

export interface ProcessRow {
  pid: number;
  /** The real parent's PID (0 for init and kthreadd, whose parent is the idle task). */
  ppid: number;
  /** The kernel's letter for the process's leader: R S D T t X Z P I. */
  state: string;
  /** ps's STAT: the letter, then `<` (nice < 0) or `N` (nice > 0), `s` (session leader), `l` (multi-threaded). */
  stat: string;
  comm: string;
  /** How many threads the process has (its thread_group ring). */
  threads: number;
  isKernelThread: boolean;
}

/** Every process on the tasks list that starts at `initTask` (the idle task, not listed), by PID. */
export function listProcesses(kmem: AddressSpace, task: StructView, initTask: number): ProcessRow[] {
  const signal = new StructView(pointee(task.type, 'signal'));
  const tasksOffset = task.offsetOf('tasks');
  const head = initTask + tasksOffset;
  const rows: ProcessRow[] = [];
  for (let link = kmem.readPtr(head); link !== head; link = kmem.readPtr(link)) {
    const ts = link - tasksOffset;
    const pid = task.get(kmem, ts, 'pid');
    if (pid === 0) continue;
    const state = taskStateToChar(task.get(kmem, ts, '__state'), task.get(kmem, ts, 'exit_state'));
    const nice = task.get(kmem, ts, 'static_prio') - DEFAULT_PRIO;
    const sig = task.get(kmem, ts, 'signal');
    const threads = countThreads(kmem, task, ts);
    // Kernel threads have session 0, which no process's PID matches.
    const sessionLeader = sig !== 0 && signal.get(kmem, sig, 'session') === task.get(kmem, ts, 'tgid');
    const flags = (nice < 0 ? '<' : nice > 0 ? 'N' : '') + (sessionLeader ? 's' : '') + (threads > 1 ? 'l' : '');
    rows.push({
      pid,
      ppid: task.get(kmem, task.get(kmem, ts, 'real_parent'), 'tgid'),
      state,
      stat: state + flags,
      comm: task.getString(kmem, ts, 'comm'),
      threads,
      isKernelThread: (task.get(kmem, ts, 'flags') & PF_KTHREAD) !== 0,
    });
  }
  return rows.sort((a, b) => a.pid - b.pid);
}

/** The tasks on the thread_group ring of `ts`, itself included. */
function countThreads(kmem: AddressSpace, task: StructView, ts: number): number {
  const ring = ts + task.offsetOf('thread_group');
  let n = 1;
  for (let link = kmem.readPtr(ring); link !== ring; link = kmem.readPtr(link)) n++;
  return n;
}

/**
 * The rows as `ps -eo pid,ppid,stat,comm` prints them: PID and PPID right-aligned as wide as pid_max has
 * digits (procps reads /proc/sys/kernel/pid_max), or as their header when that is wider, STAT
 * left-aligned in 4, then the name without brackets (`-o comm`, unlike `-f`, shows kernel threads'
 * names bare).
 */
export function formatProcessList(rows: readonly ProcessRow[], pidMax: number): string {
  const digits = String(pidMax).length;
  const pidW = Math.max(digits, 'PID'.length);
  const ppidW = Math.max(digits, 'PPID'.length);
  const line = (pid: string, ppid: string, stat: string, comm: string): string => `${pid.padStart(pidW)} ${ppid.padStart(ppidW)} ${stat.padEnd(4)} ${comm}\n`;
  return line('PID', 'PPID', 'STAT', 'COMMAND') + rows.map((r) => line(String(r.pid), String(r.ppid), r.stat, r.comm)).join('');
}
