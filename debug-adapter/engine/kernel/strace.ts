// `forkscope run --trace`: every system call of the user's program and its descendants, in the format
// of `strace -f ./prog` (what strace shows for the program, from its execve on; init and the shell that
// started it are not traced). Each line is the call's name, its arguments decoded as strace decodes them,
// and its result:
//
//   [pid     5] write(1, "hi\n", 3)             = 3
//   [pid     4] wait4(-1,  <unfinished ...>
//   [pid     5] exit_group(0)                   = ?
//   [pid     5] +++ exited with 0 +++
//   <... wait4 resumed>[{WIFEXITED(s) && WEXITSTATUS(s) == 0}], 0, NULL) = 5
//
// The `[pid N]` prefix appears while more than one traced process is alive. A call that blocks while
// another process makes calls is split into `<unfinished ...>` and `<... name resumed>`, as strace -f
// does. Arguments the kernel fills in (read's buffer, wait4's status, pipe's descriptors) are shown
// when the call returns. Calls without a decoder here show their arguments as raw numbers.
import { ERRNO_NAMES, SIGNAL_NAMES, strerror } from '../libc/errno';
import type { Value } from '../vm/host';
import type { AddressSpace } from '../vm/memory';
import { rlimit64Text, rlimitResource } from './strace-rlimit';
import { termiosText } from './strace-termios';

/** strace -s's default: strings longer than this are cut, with "..." after the closing quote. */
const STRING_LIMIT = 32;
/** strace aligns " = result" at this column. */
const RESULT_COLUMN = 39;
/** Results in [-4095, -1] are -errno. */
const MAX_ERRNO = 4095;

/** The traced process a call is made by: its PID and the memory its pointer arguments point into. */
export interface TraceProcess {
  pid: number;
  mem: AddressSpace;
}

/** A system call's arguments at entry, by position, with the caller's memory to decode them. */
interface Call {
  name: string;
  args: Value[];
  mem: AddressSpace;
  /** The name of the task's call before this one (strace's s_prev_ent), which restart_syscall resumes. */
  previous?: string;
}

/** How a call is shown: the arguments known at entry, those known only at return, the result. */
interface Decoder {
  enter(c: Call): string;
  /** The rest of the argument list, after the call returned `ret` (default: nothing more). */
  exit?(c: Call, ret: number): string;
  /** The result (default: a number, or -1 and the errno's name and message). */
  result?(ret: number, c: Call): string;
}

const n = (v: Value | undefined): number => Number(v ?? 0);
const int32 = (v: Value | undefined): number => n(v) | 0;
/** A pointer as strace shows it: the unsigned 64-bit address in hex (a kernel address too), or NULL. */
const hex = (v: Value | undefined): string => {
  const addr = BigInt.asUintN(64, typeof v === 'bigint' ? v : BigInt(Math.trunc(n(v))));
  return addr === 0n ? 'NULL' : `0x${addr.toString(16)}`;
};

/** strace's quoting: C escapes, octal for other bytes that are not printable ASCII. */
export function quoteBytes(bytes: Uint8Array, truncated: boolean): string {
  let s = '"';
  bytes.forEach((b, i) => {
    const next = bytes[i + 1];
    if (b === 0x22) s += '\\"';
    else if (b === 0x5c) s += '\\\\';
    else if (b === 0x0a) s += '\\n';
    else if (b === 0x09) s += '\\t';
    else if (b === 0x0d) s += '\\r';
    else if (b === 0x0b) s += '\\v';
    else if (b === 0x0c) s += '\\f';
    else if (b >= 0x20 && b < 0x7f) s += String.fromCharCode(b);
    // A digit right after an escape would be read as part of it: then all three octal digits.
    else s += '\\' + (next !== undefined && next >= 0x30 && next <= 0x37 ? b.toString(8).padStart(3, '0') : b.toString(8));
  });
  return `${s}"${truncated ? '...' : ''}`;
}

/** strace's QUOTE_FORCE_HEX, for bytes that are noise as text (getrandom's): every byte as \\xNN. */
function quoteHex(bytes: Uint8Array, truncated: boolean): string {
  let s = '"';
  for (const b of bytes) s += `\\x${b.toString(16).padStart(2, '0')}`;
  return `${s}"${truncated ? '...' : ''}`;
}

/** `count` bytes of a buffer, as strace shows a read or write buffer. */
function buffer(mem: AddressSpace, addr: Value | undefined, count: number): string {
  if (count <= 0) return '""';
  try {
    return quoteBytes(mem.readBytes(n(addr), Math.min(count, STRING_LIMIT)), count > STRING_LIMIT);
  } catch {
    return hex(addr);
  }
}

/** A NUL-terminated string argument (a path: shown whole, as strace shows paths). */
function cString(mem: AddressSpace, addr: Value | undefined, limit = 4096): string {
  if (n(addr) === 0) return 'NULL';
  try {
    const bytes = mem.readCString(n(addr), limit + 1);
    return quoteBytes(bytes.subarray(0, limit), bytes.length > limit);
  } catch {
    return hex(addr);
  }
}

/** The pointers of a NULL-terminated array (argv, envp). */
function pointerArray(mem: AddressSpace, addr: number): number[] {
  const out: number[] = [];
  for (let i = 0; ; i++) {
    const p = mem.readPtr(addr + 8 * i);
    if (p === 0) return out;
    out.push(p);
  }
}

function argvArray(mem: AddressSpace, addr: Value | undefined): string {
  if (n(addr) === 0) return 'NULL';
  try {
    return `[${pointerArray(mem, n(addr)).map((p) => cString(mem, p, STRING_LIMIT)).join(', ')}]`;
  } catch {
    return hex(addr);
  }
}

function envpSummary(mem: AddressSpace, addr: Value | undefined): string {
  if (n(addr) === 0) return 'NULL';
  try {
    const count = pointerArray(mem, n(addr)).length;
    return `${hex(addr)} /* ${count} var${count === 1 ? '' : 's'} */`;
  } catch {
    return hex(addr);
  }
}

/** The kernel's first real-time signal; strace names the real-time ones from it, not from glibc's SIGRTMIN (34). */
const KERNEL_SIGRTMIN = 32;
const KERNEL_SIGRTMAX = 64;

/** A signal as strace names it: SIGUSR1, SIGRTMIN (32), SIGRT_2 (34), or the number when there is no such signal. */
export function signalName(sig: number): string {
  if (sig === KERNEL_SIGRTMIN) return 'SIGRTMIN';
  if (sig > KERNEL_SIGRTMIN && sig <= KERNEL_SIGRTMAX) return `SIGRT_${sig - KERNEL_SIGRTMIN}`;
  return SIGNAL_NAMES.get(sig) ?? String(sig);
}

/** A signal-number argument (kill's, tgkill's): 0, the null signal, is shown as 0. */
const signalArg = (v: Value | undefined): string => (int32(v) === 0 ? '0' : signalName(int32(v)));

/** A wait status as strace decodes it: [{WIFEXITED(s) && WEXITSTATUS(s) == 3}]. */
function waitStatus(mem: AddressSpace, addr: Value | undefined): string {
  if (n(addr) === 0) return 'NULL';
  try {
    const s = mem.readI32(n(addr));
    if (s === 0xffff) return '[{WIFCONTINUED(s)}]';
    const sig = s & 0x7f;
    if (sig === 0) return `[{WIFEXITED(s) && WEXITSTATUS(s) == ${(s >> 8) & 0xff}}]`;
    if (sig === 0x7f) return `[{WIFSTOPPED(s) && WSTOPSIG(s) == ${signalName((s >> 8) & 0xff)}}]`;
    return `[{WIFSIGNALED(s) && WTERMSIG(s) == ${signalName(sig)}${s & 0x80 ? ' && WCOREDUMP(s)' : ''}}]`;
  } catch {
    return hex(addr);
  }
}

const RUSAGE_WHO: ReadonlyMap<number, string> = new Map([[0, 'RUSAGE_SELF'], [-1, 'RUSAGE_CHILDREN'], [-2, 'RUSAGE_BOTH'], [1, 'RUSAGE_THREAD']]);

/** getrusage's `who`: its name, or the 32-bit value with strace's comment. */
function rusageWho(v: Value | undefined): string {
  const who = int32(v);
  return RUSAGE_WHO.get(who) ?? `0x${(who >>> 0).toString(16)} /* RUSAGE_??? */`;
}

/** A struct rusage as strace shows it without -v: the two times, then "..." for the fourteen longs. */
function rusage(mem: AddressSpace, addr: Value | undefined): string {
  if (n(addr) === 0) return 'NULL';
  const a = n(addr);
  try {
    const tv = (at: number): string => `{tv_sec=${Number(mem.readI64(at))}, tv_usec=${Number(mem.readI64(at + 8))}}`;
    return `{ru_utime=${tv(a)}, ru_stime=${tv(a + 16)}, ...}`;
  } catch {
    return hex(addr);
  }
}

/** wait4's and waitid's options in strace's order; strace calls WUNTRACED by its other name, WSTOPPED. */
const WAIT_OPTIONS: readonly (readonly [number, string])[] = [
  [1, 'WNOHANG'], [2, 'WSTOPPED'], [4, 'WEXITED'], [8, 'WCONTINUED'], [0x1000000, 'WNOWAIT'],
  [0x20000000, '__WNOTHREAD'], [0x40000000, '__WALL'], [0x80000000, '__WCLONE'],
];

const waitOptions = (options: number): string => flagsText(options, WAIT_OPTIONS, '0', 'W???');

/** A kernel sigset (one 64-bit word) as strace shows it: [USR1 CHLD], ~[...] when most are set. */
function sigsetText(bits: bigint): string {
  const names = (set: bigint) => {
    const out: string[] = [];
    for (let sig = 1; sig <= 64; sig++) if ((set >> BigInt(sig - 1)) & 1n) out.push(rtName(sig));
    return out.join(' ');
  };
  // strace prints the complement when that is shorter (more than half the signals set).
  let count = 0;
  for (let i = 0n; i < 64n; i++) if ((bits >> i) & 1n) count++;
  if (count > 32) return `~[${names(~bits & 0xffffffffffffffffn)}]`;
  return `[${names(bits)}]`;
}

/** A sigset in the process's memory. */
function sigset(mem: AddressSpace, addr: Value | undefined): string {
  if (n(addr) === 0) return 'NULL';
  try {
    const word = mem.readU64(n(addr));
    return sigsetText(BigInt.asUintN(64, typeof word === 'bigint' ? word : BigInt(word)));
  } catch {
    return hex(addr);
  }
}

/** A signal inside a set: strace drops the SIG prefix and counts real-time ones from the kernel's 32 (RTMIN, RT_1 …). */
function rtName(sig: number): string {
  return signalName(sig).replace(/^SIG/, '');
}

/** A struct timespec argument: {tv_sec=1, tv_nsec=0}. */
function timespec(mem: AddressSpace, addr: Value | undefined): string {
  if (n(addr) === 0) return 'NULL';
  try {
    return `{tv_sec=${Number(mem.readU64(n(addr)))}, tv_nsec=${Number(mem.readU64(n(addr) + 8))}}`;
  } catch {
    return hex(addr);
  }
}

const SIGCHLD = 17;
/** SIGCHLD's si_code for a child that exited (its si_status is an exit code, not a signal). */
const CLD_EXITED = 1;
const CLD_CODES: readonly string[] = ['', 'CLD_EXITED', 'CLD_KILLED', 'CLD_DUMPED', 'CLD_TRAPPED', 'CLD_STOPPED', 'CLD_CONTINUED'];

const SI_CODES: ReadonlyMap<number, string> = new Map([
  [0, 'SI_USER'], [0x80, 'SI_KERNEL'], [-1, 'SI_QUEUE'], [-2, 'SI_TIMER'], [-3, 'SI_MESGQ'], [-4, 'SI_ASYNCIO'],
  [-5, 'SI_SIGIO'], [-6, 'SI_TKILL'],
]);

/** USER_HZ: SIGCHLD's si_utime and si_stime count clock ticks of 1/100 s. */
const CLOCK_TICKS_PER_SECOND = 100n;

// A clock_t as strace prints it: the ticks, then (when not 0) the seconds in a comment: 3 /* 0.03 s */.
function clockTicks(ticks: bigint): string {
  if (ticks === 0n) return '0';
  const fraction = String(ticks % CLOCK_TICKS_PER_SECOND).padStart(2, '0');
  return `${ticks} /* ${ticks / CLOCK_TICKS_PER_SECOND}.${fraction} s */`;
}

/**
 * A siginfo_t in the process's memory (x86-64's layout: si_signo, si_errno, si_code, then the union at
 * 16), as strace shows it: {si_signo=SIGUSR1, si_code=SI_QUEUE, si_pid=5, si_uid=0, si_int=7, si_ptr=0x7},
 * a child's {si_signo=SIGCHLD, si_code=CLD_EXITED, ..., si_status=3, si_utime=0, si_stime=0}, or {} when
 * si_signo is 0 (waitid with WNOHANG that found nothing, sigqueue's null signal).
 */
function siginfo(mem: AddressSpace, addr: Value | undefined): string {
  if (n(addr) === 0) return 'NULL';
  try {
    const a = n(addr);
    const signo = mem.readI32(a);
    if (signo === 0) return '{}';
    const code = mem.readI32(a + 8);
    const pidUid = [`si_pid=${mem.readI32(a + 16)}`, `si_uid=${mem.readI32(a + 20) >>> 0}`];
    if (signo === SIGCHLD && code > 0 && code < CLD_CODES.length) {
      const status = mem.readI32(a + 24);
      const ticks = (offset: number) => clockTicks(BigInt.asUintN(64, BigInt(mem.readU64(a + offset))));
      const statusText = code === CLD_EXITED ? String(status) : signalName(status);
      return `{si_signo=SIGCHLD, si_code=${CLD_CODES[code]}, ${pidUid.join(', ')}, si_status=${statusText}, si_utime=${ticks(32)}, si_stime=${ticks(40)}}`;
    }
    const fields = [`si_signo=${signalName(signo)}`, `si_code=${SI_CODES.get(code) ?? code}`, ...pidUid];
    if (code === -1) {
      const ptr = Number(mem.readU64(a + 24));
      fields.push(`si_int=${mem.readI32(a + 24)}`, `si_ptr=${hex(ptr)}`);
    }
    return `{${fields.join(', ')}}`;
  } catch {
    return hex(addr);
  }
}

const SI_KERNEL = 0x80;
const SI_QUEUE = -1;
/** The kernel's own si_codes for a fault, by signal (SIGILL, SIGFPE, SIGSEGV, SIGBUS). */
const FAULT_CODES: ReadonlyMap<number, readonly string[]> = new Map([
  [4, ['', 'ILL_ILLOPC', 'ILL_ILLOPN', 'ILL_ILLADR', 'ILL_ILLTRP', 'ILL_PRVOPC', 'ILL_PRVREG', 'ILL_COPROC', 'ILL_BADSTK']],
  [8, ['', 'FPE_INTDIV', 'FPE_INTOVF', 'FPE_FLTDIV', 'FPE_FLTOVF', 'FPE_FLTUND', 'FPE_FLTRES', 'FPE_FLTINV', 'FPE_FLTSUB']],
  [11, ['', 'SEGV_MAPERR', 'SEGV_ACCERR']],
  [7, ['', 'BUS_ADRALN', 'BUS_ADRERR', 'BUS_OBJERR']],
]);

/** A pending signal's details (the kernel's kernel_siginfo), as strace -f shows a signal its tracee gets. */
export interface SignalInfo {
  sig: number;
  code: number;
  pid: number;
  /** si_status for SIGCHLD, si_value for sigqueue (si_int is its low 32 bits), a fault's si_addr. */
  value: number;
  /** SIGCHLD's CPU times, in clock ticks. */
  utime: number;
  stime: number;
}

/**
 * strace's siginfo for a delivered signal: {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=10, si_uid=0,
 * si_status=99, si_utime=0, si_stime=0}. Every process runs as root, so si_uid is 0.
 */
export function signalInfoText(s: SignalInfo): string {
  const head = `si_signo=${signalName(s.sig)}`;
  if (s.sig === SIGCHLD && s.code > 0 && s.code < CLD_CODES.length) {
    const status = s.code === CLD_EXITED ? String(s.value | 0) : signalName(s.value | 0);
    const ticks = (t: number) => clockTicks(BigInt(t));
    return `{${head}, si_code=${CLD_CODES[s.code]}, si_pid=${s.pid}, si_uid=0, si_status=${status}, si_utime=${ticks(s.utime)}, si_stime=${ticks(s.stime)}}`;
  }
  if (s.code === SI_KERNEL) return `{${head}, si_code=SI_KERNEL}`;
  if (s.code > 0) return `{${head}, si_code=${FAULT_CODES.get(s.sig)?.[s.code] ?? s.code}, si_addr=${hex(s.value)}}`;
  const fields = [head, `si_code=${SI_CODES.get(s.code) ?? s.code}`, `si_pid=${s.pid}`, 'si_uid=0'];
  if (s.code === SI_QUEUE) fields.push(`si_int=${s.value | 0}`, `si_ptr=${hex(s.value)}`);
  return `{${fields.join(', ')}}`;
}

/** sa_flags in strace's order, and SA_RESTORER, which the C library always sets. */
const SA_FLAGS: readonly (readonly [number, string])[] = [
  [0x04000000, 'SA_RESTORER'], [0x08000000, 'SA_ONSTACK'], [0x10000000, 'SA_RESTART'], [0x40000000, 'SA_NODEFER'],
  [0x80000000, 'SA_RESETHAND'], [4, 'SA_SIGINFO'], [1, 'SA_NOCLDSTOP'], [2, 'SA_NOCLDWAIT'],
];

/**
 * The kernel's struct sigaction at `addr` (handler, flags, restorer, mask, 8 bytes each) as strace
 * shows it: {sa_handler=0x..., sa_mask=[INT], sa_flags=SA_RESTORER|SA_RESTART, sa_restorer=0x...}.
 * The flags are an unsigned long: glibc's sign-extended int shows as a high 0xffffffff00000000.
 */
function sigaction(mem: AddressSpace, addr: Value | undefined): string {
  if (n(addr) === 0) return 'NULL';
  try {
    const a = n(addr);
    const flags = BigInt(mem.readU64(a + 8));
    const { names, rest } = namedFlags(Number(flags & 0xffffffffn), SA_FLAGS);
    const high = flags >> 32n;
    const unnamed = (BigInt(rest) | (high << 32n)) & 0xffffffffffffffffn;
    const flagText = [...names, ...(unnamed !== 0n ? [`0x${unnamed.toString(16)}`] : [])].join('|') || '0';
    const restorer = (Number(flags) & 0x04000000) !== 0 ? `, sa_restorer=${hex(mem.readPtr(a + 16))}` : '';
    return `{sa_handler=${sigHandler(mem.readPtr(a))}, sa_mask=${sigset(mem, a + 24)}, sa_flags=${flagText}${restorer}}`;
  } catch {
    return hex(addr);
  }
}

/** Where x86-64's struct ucontext keeps uc_sigmask (after uc_flags, uc_link, uc_stack and uc_mcontext). */
const UC_SIGMASK = 296;

const SIGPROCMASK_HOW: readonly string[] = ['SIG_BLOCK', 'SIG_UNBLOCK', 'SIG_SETMASK'];

const PRCTL_OPTIONS: ReadonlyMap<number, string> = new Map([
  [1, 'PR_SET_PDEATHSIG'], [2, 'PR_GET_PDEATHSIG'], [15, 'PR_SET_NAME'], [16, 'PR_GET_NAME'],
  [36, 'PR_SET_CHILD_SUBREAPER'], [37, 'PR_GET_CHILD_SUBREAPER'],
]);
const PR_GET_PDEATHSIG = 2;
const PR_GET_NAME = 16;
const PR_GET_CHILD_SUBREAPER = 37;
/** The getters that write their answer through arg2, shown when the call returns. */
const PRCTL_GETTERS: ReadonlySet<number> = new Set([PR_GET_PDEATHSIG, PR_GET_NAME, PR_GET_CHILD_SUBREAPER]);

function sigHandler(v: Value | undefined): string {
  return n(v) === 0 ? 'SIG_DFL' : n(v) === 1 ? 'SIG_IGN' : hex(v);
}

const CLOCK_NAMES: readonly string[] = [
  'CLOCK_REALTIME', 'CLOCK_MONOTONIC', 'CLOCK_PROCESS_CPUTIME_ID', 'CLOCK_THREAD_CPUTIME_ID', 'CLOCK_MONOTONIC_RAW',
  'CLOCK_REALTIME_COARSE', 'CLOCK_MONOTONIC_COARSE', 'CLOCK_BOOTTIME', 'CLOCK_REALTIME_ALARM', 'CLOCK_BOOTTIME_ALARM',
  'CLOCK_SGI_CYCLE', 'CLOCK_TAI',
];

/** A clock id: its name, or the 32-bit value with strace's unknown-clock comment. */
function clockName(v: Value | undefined): string {
  const id = int32(v);
  return CLOCK_NAMES[id] ?? `0x${(id >>> 0).toString(16)} /* CLOCK_??? */`;
}

/** A struct of 64-bit fields the kernel filled in, shown after a successful call: {tv_sec=1, tv_nsec=2}. */
function filledStruct(c: Call, addr: Value | undefined, fields: readonly string[], ret: number): string {
  if (ret < 0 || n(addr) === 0) return hex(addr);
  try {
    return `{${fields.map((f, i) => `${f}=${Number(c.mem.readU64(n(addr) + 8 * i))}`).join(', ')}}`;
  } catch {
    return hex(addr);
  }
}

/** Seconds since the Epoch as strace spells them out: 2025-01-06T09:00:00+0000. */
function isoTime(sec: number): string {
  return `${new Date(sec * 1000).toISOString().slice(0, 19)}+0000`;
}

const TIMESPEC = ['tv_sec', 'tv_nsec'];
const TIMER_FLAGS: readonly (readonly [number, string])[] = [[1, 'TIMER_ABSTIME']];

/** The clocks' calls (kernel/time/), decoded as strace decodes them. */
const CLOCK_DECODERS: Readonly<Record<string, Decoder>> = {
  clock_gettime: { enter: (c) => `${clockName(c.args[0])}, `, exit: (c, ret) => `${filledStruct(c, c.args[1], TIMESPEC, ret)})` },
  clock_getres: { enter: (c) => `${clockName(c.args[0])}, `, exit: (c, ret) => `${filledStruct(c, c.args[1], TIMESPEC, ret)})` },
  gettimeofday: { enter: () => '', exit: (c, ret) => `${filledStruct(c, c.args[0], ['tv_sec', 'tv_usec'], ret)}, ${hex(c.args[1])})` },
  time: {
    enter: () => '',
    exit: (c, ret) => (n(c.args[0]) === 0 ? 'NULL)' : `[${ret} /* ${isoTime(ret)} */])`),
    result: (ret) => `${ret} (${isoTime(ret)})`,
  },
  times: { enter: () => '', exit: (c, ret) => `${filledStruct(c, c.args[0], ['tms_utime', 'tms_stime', 'tms_cutime', 'tms_cstime'], ret)})` },
};

const noArgs: Decoder = { enter: () => ')' };

/** A CPU set of `len` bytes (a cpu_set_t): strace lists the CPUs in it, [1 3]. */
function cpuSet(mem: AddressSpace, addr: Value | undefined, len: number): string {
  try {
    const bytes = mem.readBytes(n(addr), Math.max(0, Math.min(len, 1024)));
    const cpus: number[] = [];
    bytes.forEach((b, i) => {
      for (let bit = 0; bit < 8; bit++) if (b & (1 << bit)) cpus.push(i * 8 + bit);
    });
    return `[${cpus.join(' ')}]`;
  } catch {
    return hex(addr);
  }
}

const SCHED_POLICIES: readonly string[] = ['SCHED_OTHER', 'SCHED_FIFO', 'SCHED_RR', 'SCHED_BATCH', 'SCHED_ISO', 'SCHED_IDLE', 'SCHED_DEADLINE'];

/** A policy as strace names it, or in hex with its unknown-policy comment (SCHED_RESET_ON_FORK's bit included). */
function schedPolicy(v: number): string {
  return SCHED_POLICIES[v] ?? `0x${(v >>> 0).toString(16)} /* SCHED_??? */`;
}

/** A struct sched_param: [N], its priority, as strace shows it. */
function schedParam(mem: AddressSpace, addr: Value | undefined): string {
  if (n(addr) === 0) return 'NULL';
  try {
    return `[${mem.readI32(n(addr))}]`;
  } catch {
    return hex(addr);
  }
}

/** The scheduler's calls (kernel/sched/syscalls.c and policy.c). */
const SCHED_DECODERS: Readonly<Record<string, Decoder>> = {
  sched_yield: noArgs,
  sched_setscheduler: { enter: (c) => `${int32(c.args[0])}, ${schedPolicy(int32(c.args[1]))}, ${schedParam(c.mem, c.args[2])})` },
  sched_getscheduler: {
    enter: (c) => `${int32(c.args[0])})`,
    result: (ret) => (SCHED_POLICIES[ret] !== undefined ? `${ret} (${SCHED_POLICIES[ret]})` : defaultResult(ret)),
  },
  sched_setparam: { enter: (c) => `${int32(c.args[0])}, ${schedParam(c.mem, c.args[1])})` },
  sched_getparam: { enter: (c) => `${int32(c.args[0])}, `, exit: (c, ret) => `${ret === 0 ? schedParam(c.mem, c.args[1]) : hex(c.args[1])})` },
  sched_get_priority_max: { enter: (c) => `${schedPolicy(int32(c.args[0]))})` },
  sched_get_priority_min: { enter: (c) => `${schedPolicy(int32(c.args[0]))})` },
  sched_setaffinity: { enter: (c) => `${int32(c.args[0])}, ${n(c.args[1])}, ${cpuSet(c.mem, c.args[2], n(c.args[1]))})` },
  sched_getaffinity: {
    enter: (c) => `${int32(c.args[0])}, ${n(c.args[1])}, `,
    exit: (c, ret) => `${ret > 0 ? cpuSet(c.mem, c.args[2], ret) : hex(c.args[2])})`,
  },
};

/**
 * The open flags in strace 6.1's order (as it prints them for the same call on this machine), the access
 * mode first; O_SYNC before O_DSYNC, whose bit it includes; O_ASYNC last, by its old name FASYNC.
 */
const OPEN_FLAGS: readonly (readonly [number, string])[] = [
  [0o100, 'O_CREAT'], [0o200, 'O_EXCL'], [0o400, 'O_NOCTTY'], [0o1000, 'O_TRUNC'], [0o2000, 'O_APPEND'],
  [0o4000, 'O_NONBLOCK'], [0o4010000, 'O_SYNC'], [0o10000, 'O_DSYNC'], [0o40000, 'O_DIRECT'], [0o100000, 'O_LARGEFILE'],
  [0o400000, 'O_NOFOLLOW'], [0o1000000, 'O_NOATIME'], [0o2000000, 'O_CLOEXEC'], [0o200000, 'O_DIRECTORY'], [0o20000, 'FASYNC'],
];
const ACCESS_MODES: readonly string[] = ['O_RDONLY', 'O_WRONLY', 'O_RDWR', 'O_ACCMODE'];

/** Named flags of `v` in table order, and the bits no name covers. */
function namedFlags(v: number, table: readonly (readonly [number, string])[]): { names: string[]; rest: number } {
  const names: string[] = [];
  let rest = v;
  for (const [bit, name] of table) {
    // Unsigned: 0x80000000 (SA_RESETHAND) is negative to JavaScript's 32-bit operators.
    if ((rest & bit) >>> 0 === bit) {
      names.push(name);
      rest = (rest & ~bit) >>> 0;
    }
  }
  return { names, rest };
}

/**
 * strace's printflags: `zero` for no bits; else the names joined by '|', then any unknown bits in hex,
 * with the `unknown` comment ("GRND_???") only when no name fits at all.
 */
function flagsText(v: number, table: readonly (readonly [number, string])[], zero: string, unknown: string): string {
  if (v === 0) return zero;
  const { names, rest } = namedFlags(v, table);
  if (names.length === 0) return `0x${(v >>> 0).toString(16)} /* ${unknown} */`;
  return [...names, ...(rest !== 0 ? [`0x${rest.toString(16)}`] : [])].join('|');
}

/** open's flags: O_WRONLY|O_CREAT|O_TRUNC, unknown bits in hex at the end. */
function openFlags(v: number): string {
  const { names, rest } = namedFlags(v & ~3, OPEN_FLAGS);
  return [ACCESS_MODES[v & 3]!, ...names, ...(rest !== 0 ? [`0x${rest.toString(16)}`] : [])].join('|');
}

/** pipe2's flags (no access mode): 0, O_NONBLOCK|O_CLOEXEC, or hex with strace's unknown-flag comment. */
function pipeFlags(v: number): string {
  if (v === 0) return '0';
  const { names, rest } = namedFlags(v, OPEN_FLAGS);
  return rest === 0 ? names.join('|') : `0x${v.toString(16)} /* O_??? */`;
}

const GRND_FLAGS = [[0x1, 'GRND_NONBLOCK'], [0x2, 'GRND_RANDOM'], [0x4, 'GRND_INSECURE']] as const;

const getrandomFlags = (v: number): string => flagsText(v, GRND_FLAGS, '0', 'GRND_???');

/** getrandom's buffer: the bytes it filled, in hex. */
function randomBuffer(mem: AddressSpace, addr: Value | undefined, count: number): string {
  try {
    return quoteHex(mem.readBytes(n(addr), Math.min(count, STRING_LIMIT)), count > STRING_LIMIT);
  } catch {
    return hex(addr);
  }
}

/** msync's flags, in strace's order (xlat/msync_flags.in). */
const MSYNC_FLAGS = [[0x4, 'MS_SYNC'], [0x1, 'MS_ASYNC'], [0x2, 'MS_INVALIDATE']] as const;
const PROT_FLAGS = [[0x1, 'PROT_READ'], [0x2, 'PROT_WRITE'], [0x4, 'PROT_EXEC'], [0x8, 'PROT_SEM'], [0x01000000, 'PROT_GROWSDOWN'], [0x02000000, 'PROT_GROWSUP']] as const;
const MAP_TYPES: ReadonlyMap<number, string> = new Map([[0, 'MAP_FILE'], [1, 'MAP_SHARED'], [2, 'MAP_PRIVATE'], [3, 'MAP_SHARED_VALIDATE']]);
const MAP_FLAGS = [
  [0x10, 'MAP_FIXED'], [0x20, 'MAP_ANONYMOUS'], [0x40, 'MAP_32BIT'], [0x100, 'MAP_GROWSDOWN'], [0x800, 'MAP_DENYWRITE'],
  [0x1000, 'MAP_EXECUTABLE'], [0x2000, 'MAP_LOCKED'], [0x4000, 'MAP_NORESERVE'], [0x8000, 'MAP_POPULATE'], [0x10000, 'MAP_NONBLOCK'],
  [0x20000, 'MAP_STACK'], [0x40000, 'MAP_HUGETLB'], [0x80000, 'MAP_SYNC'], [0x100000, 'MAP_FIXED_NOREPLACE'],
] as const;

/** An int passed in a 64-bit argument (mmap's descriptor): its low 32 bits, signed, as the kernel reads it. */
const intArg = (v: Value | undefined): number => (typeof v === 'bigint' ? Number(BigInt.asIntN(32, v)) : int32(v));

/** A size_t argument: unsigned, as strace prints it (a negative length shows as its 64-bit value). */
const sizeArg = (v: Value | undefined): string => BigInt.asUintN(64, BigInt(v ?? 0)).toString();

/** mmap's and mprotect's protection. */
const protFlags = (v: number): string => flagsText(v, PROT_FLAGS, 'PROT_NONE', 'PROT_???');

/** mmap's flags: the mapping's type (MAP_FILE for 0), then the flags, then unknown bits. */
function mapFlags(v: number): string {
  const type = v & 0xf;
  const { names, rest } = namedFlags(v & ~0xf, MAP_FLAGS);
  return [MAP_TYPES.get(type) ?? `0x${type.toString(16)} /* MAP_??? */`, ...names, ...(rest !== 0 ? [`0x${rest.toString(16)}`] : [])].join('|');
}

/** mm/mmap.c's, mm/mprotect.c's, mm/madvise.c's and mm/msync.c's calls. */
const MM_DECODERS: Readonly<Record<string, Decoder>> = {
  mmap: {
    enter: (c) => `${hex(c.args[0])}, ${sizeArg(c.args[1])}, ${protFlags(int32(c.args[2]))}, ${mapFlags(int32(c.args[3]))}, ${intArg(c.args[4])}, ${n(c.args[5]) === 0 ? '0' : hex(c.args[5])})`,
    result: (ret) => (ret < 0 && ret >= -MAX_ERRNO ? defaultResult(ret) : `0x${ret.toString(16)}`),
  },
  munmap: { enter: (c) => `${hex(c.args[0])}, ${sizeArg(c.args[1])})` },
  madvise: { enter: (c) => `${hex(c.args[0])}, ${sizeArg(c.args[1])}, ${madviseAdvice(int32(c.args[2]))})` },
  mprotect: { enter: (c) => `${hex(c.args[0])}, ${sizeArg(c.args[1])}, ${protFlags(int32(c.args[2]))})` },
  msync: { enter: (c) => `${hex(c.args[0])}, ${sizeArg(c.args[1])}, ${flagsText(int32(c.args[2]), MSYNC_FLAGS, '0', 'MS_???')})` },
};

/** openat's directory argument. */
const dirfd = (v: Value | undefined): string => (int32(v) === -100 ? 'AT_FDCWD' : String(int32(v)));
/** The mode, shown only when the flags can create a file. */
const openMode = (flags: number, mode: Value | undefined): string => ((flags & 0o100) !== 0 ? `, 0${n(mode).toString(8)}` : '');

const FCNTL_COMMANDS: ReadonlyMap<number, string> = new Map([
  [0, 'F_DUPFD'], [1, 'F_GETFD'], [2, 'F_SETFD'], [3, 'F_GETFL'], [4, 'F_SETFL'], [1030, 'F_DUPFD_CLOEXEC'],
]);
const SEEK_WHENCE: readonly string[] = ['SEEK_SET', 'SEEK_CUR', 'SEEK_END', 'SEEK_DATA', 'SEEK_HOLE'];

/** fcntl's command and argument, as strace shows each command's. */
function fcntlArgs(c: Call): string {
  const cmd = int32(c.args[1]);
  const arg = n(c.args[2]);
  const name = FCNTL_COMMANDS.get(cmd);
  if (name === undefined) return `0x${(cmd >>> 0).toString(16)} /* F_??? */, ${arg}`;
  if (name === 'F_GETFD' || name === 'F_GETFL') return name;
  if (name === 'F_SETFD') return `${name}, ${arg & 1 ? 'FD_CLOEXEC' : arg}`;
  if (name === 'F_SETFL') return `${name}, ${openFlags(arg)}`;
  return `${name}, ${arg}`;
}

/** F_GETFD's and F_GETFL's results are flags, shown by name after the number. */
function fcntlResult(ret: number, c: Call): string {
  const cmd = int32(c.args[1]);
  if (ret < 0 || (cmd !== 1 && cmd !== 3)) return defaultResult(ret);
  const hexRet = ret === 0 ? '0' : `0x${ret.toString(16)}`;
  if (cmd === 1) return ret === 0 ? '0' : `${hexRet} (flags ${ret & 1 ? 'FD_CLOEXEC' : ret})`;
  return `${hexRet} (flags ${openFlags(ret)})`;
}

const FILE_TYPES: ReadonlyMap<number, string> = new Map([
  [0o040000, 'S_IFDIR'], [0o020000, 'S_IFCHR'], [0o060000, 'S_IFBLK'], [0o100000, 'S_IFREG'], [0o010000, 'S_IFIFO'],
  [0o120000, 'S_IFLNK'], [0o140000, 'S_IFSOCK'],
]);
const AT_FLAGS: readonly (readonly [number, string])[] = [
  [0x100, 'AT_SYMLINK_NOFOLLOW'], [0x200, 'AT_REMOVEDIR'], [0x400, 'AT_SYMLINK_FOLLOW'], [0x800, 'AT_NO_AUTOMOUNT'], [0x1000, 'AT_EMPTY_PATH'], [0x8000, 'AT_RECURSIVE'],
];

/** struct stat as strace abbreviates it: the mode, then the device (a special file) or the size. */
function statBuffer(mem: AddressSpace, addr: Value | undefined): string {
  try {
    const a = n(addr);
    const mode = mem.readU32(a + 24);
    const type = FILE_TYPES.get(mode & 0o170000) ?? `0${(mode & 0o170000).toString(8)}`;
    // print_symbolic_mode_t: the set-ID and sticky bits by name, then the permission bits.
    const special = `${mode & 0o4000 ? 'S_ISUID|' : ''}${mode & 0o2000 ? 'S_ISGID|' : ''}${mode & 0o1000 ? 'S_ISVTX|' : ''}`;
    const perm = `${special}0${(mode & 0o777).toString(8).padStart(3, '0')}`;
    let detail: string;
    if ((mode & 0o170000) === 0o020000 || (mode & 0o170000) === 0o060000) {
      const rdev = BigInt(mem.readU64(a + 40));
      const major = Number(((rdev >> 8n) & 0xfffn) | ((rdev >> 32n) & ~0xfffn));
      const minor = Number((rdev & 0xffn) | ((rdev >> 12n) & ~0xffn));
      const hexOrZero = (v: number): string => (v === 0 ? '0' : `0x${v.toString(16)}`);
      detail = `st_rdev=makedev(${hexOrZero(major)}, ${hexOrZero(minor)})`;
    } else {
      detail = `st_size=${Number(mem.readU64(a + 48))}`;
    }
    return `{st_mode=${type}|${perm}, ${detail}, ...}`;
  } catch {
    return hex(addr);
  }
}

/** The *at calls' flags: AT_EMPTY_PATH, 0, or hex with strace's unknown-flag comment. */
function atFlags(v: number): string {
  if (v === 0) return '0';
  const { names, rest } = namedFlags(v, AT_FLAGS);
  if (names.length === 0) return `0x${v.toString(16)} /* AT_??? */`;
  return [...names, ...(rest !== 0 ? [`0x${rest.toString(16)} /* AT_??? */`] : [])].join('|');
}

/** ioctl's request, and its argument as the request gives it meaning: a struct termios, or an int. */
const IOCTL_REQUESTS: ReadonlyMap<number, string> = new Map([[0x5401, 'TCGETS'], [0x541b, 'FIONREAD']]);

function ioctlArgs(c: Call, ret: number): string {
  const cmd = n(c.args[1]) >>> 0;
  const name = IOCTL_REQUESTS.get(cmd);
  if (name === undefined) return `0x${cmd.toString(16)}, ${hex(c.args[2])})`;
  if (ret < 0) return `${name}, ${hex(c.args[2])})`;
  try {
    return `${name}, ${name === 'TCGETS' ? termiosText(c.mem, n(c.args[2])) : `[${c.mem.readI32(n(c.args[2]))}]`})`;
  } catch {
    return `${name}, ${hex(c.args[2])})`;
  }
}

/** How many struct linux_dirent64 records getdents64 wrote in its `bytes`. */
function direntCount(c: Call, bytes: number): number {
  let count = 0;
  for (let at = 0; at < bytes; count++) at += c.mem.readU16(n(c.args[1]) + at + 16) || bytes;
  return count;
}

/** The file calls of fs/open.c, fs/fcntl.c and fs/read_write.c beyond read and write. */
const FILE_DECODERS: Readonly<Record<string, Decoder>> = {
  openat: { enter: (c) => `${dirfd(c.args[0])}, ${cString(c.mem, c.args[1])}, ${openFlags(int32(c.args[2]))}${openMode(int32(c.args[2]), c.args[3])})` },
  open: { enter: (c) => `${cString(c.mem, c.args[0])}, ${openFlags(int32(c.args[1]))}${openMode(int32(c.args[1]), c.args[2])})` },
  creat: { enter: (c) => `${cString(c.mem, c.args[0])}, 0${n(c.args[1]).toString(8)})` },
  unlink: { enter: (c) => `${cString(c.mem, c.args[0])})` },
  rmdir: { enter: (c) => `${cString(c.mem, c.args[0])})` },
  chdir: { enter: (c) => `${cString(c.mem, c.args[0])})` },
  fchdir: { enter: (c) => `${int32(c.args[0])})` },
  mkdir: { enter: (c) => `${cString(c.mem, c.args[0])}, 0${n(c.args[1]).toString(8)})` },
  mkdirat: { enter: (c) => `${dirfd(c.args[0])}, ${cString(c.mem, c.args[1])}, 0${n(c.args[2]).toString(8)})` },
  // The path is the result, shown once the call has written it.
  getcwd: { enter: () => '', exit: (c, ret) => `${ret < 0 ? hex(c.args[0]) : cString(c.mem, c.args[0])}, ${n(c.args[1])})` },
  unlinkat: { enter: (c) => `${dirfd(c.args[0])}, ${cString(c.mem, c.args[1])}, ${atFlags(int32(c.args[2]))})` },
  link: { enter: (c) => `${cString(c.mem, c.args[0])}, ${cString(c.mem, c.args[1])})` },
  linkat: {
    enter: (c) => `${dirfd(c.args[0])}, ${cString(c.mem, c.args[1])}, ${dirfd(c.args[2])}, ${cString(c.mem, c.args[3])}, ${atFlags(int32(c.args[4]))})`,
  },
  // The length as strace prints it: unsigned.
  ftruncate: { enter: (c) => `${int32(c.args[0])}, ${BigInt.asUintN(64, BigInt(c.args[1] ?? 0))})` },
  fcntl: { enter: (c) => `${int32(c.args[0])}, ${fcntlArgs(c)})`, result: fcntlResult },
  // strace counts the records the call wrote rather than showing them.
  getdents64: {
    enter: (c) => `${int32(c.args[0])}, `,
    exit: (c, ret) => `${hex(c.args[1])}${ret >= 0 ? ` /* ${direntCount(c, ret)} entries */` : ''}, ${n(c.args[2])})`,
  },
  // What the call wrote is shown, so the line is finished at its exit.
  ioctl: { enter: (c) => `${int32(c.args[0])}, `, exit: (c, ret) => ioctlArgs(c, ret) },
  lseek: {
    enter: (c) => `${int32(c.args[0])}, ${n(c.args[1])}, ${SEEK_WHENCE[n(c.args[2])] ?? `0x${n(c.args[2]).toString(16)} /* SEEK_??? */`})`,
  },
  newfstatat: {
    enter: (c) => `${dirfd(c.args[0])}, ${cString(c.mem, c.args[1])}, `,
    exit: (c, ret) => `${ret === 0 ? statBuffer(c.mem, c.args[2]) : hex(c.args[2])}, ${atFlags(int32(c.args[3]))})`,
  },
  pipe2: {
    enter: () => '',
    exit: (c, ret) => {
      const fds = ret < 0 ? hex(c.args[0]) : `[${c.mem.readI32(n(c.args[0]))}, ${c.mem.readI32(n(c.args[0]) + 4)}]`;
      return `${fds}, ${pipeFlags(int32(c.args[1]))})`;
    },
  },
};

const ID_TYPES: readonly string[] = ['P_ALL', 'P_PID', 'P_PGID', 'P_PIDFD'];
const PRIORITY_WHICH: readonly string[] = ['PRIO_PROCESS', 'PRIO_PGRP', 'PRIO_USER'];

/** getpriority's and setpriority's first argument, or hex with strace's unknown-value comment. */
const priorityWhich = (v: Value | undefined): string => PRIORITY_WHICH[int32(v)] ?? `0x${(int32(v) >>> 0).toString(16)} /* PRIO_??? */`;

/** A file mode creation mask as strace prints it (printf's %#03o): 000, 022, 0777. */
const umaskText = (v: number): string => (v === 0 ? '000' : `0${v.toString(8)}`.padStart(3, '0'));

/** clone's flags in strace's order (include/uapi/linux/sched.h); the low byte is the exit signal. */
const CLONE_FLAGS: readonly (readonly [number, string])[] = [
  [0x100, 'CLONE_VM'], [0x200, 'CLONE_FS'], [0x400, 'CLONE_FILES'], [0x800, 'CLONE_SIGHAND'], [0x1000, 'CLONE_PIDFD'],
  [0x2000, 'CLONE_PTRACE'], [0x4000, 'CLONE_VFORK'], [0x8000, 'CLONE_PARENT'], [0x10000, 'CLONE_THREAD'],
  [0x20000, 'CLONE_NEWNS'], [0x40000, 'CLONE_SYSVSEM'], [0x80000, 'CLONE_SETTLS'], [0x100000, 'CLONE_PARENT_SETTID'],
  [0x200000, 'CLONE_CHILD_CLEARTID'], [0x800000, 'CLONE_UNTRACED'], [0x1000000, 'CLONE_CHILD_SETTID'],
  [0x2000000, 'CLONE_NEWCGROUP'], [0x4000000, 'CLONE_NEWUTS'], [0x8000000, 'CLONE_NEWIPC'], [0x10000000, 'CLONE_NEWUSER'],
  [0x20000000, 'CLONE_NEWPID'], [0x40000000, 'CLONE_NEWNET'], [0x80000000, 'CLONE_IO'],
];
const CLONE_EXIT_SIGNAL = 0xff;
const CLONE_PARENT_SETTID = 0x100000;
const CLONE_CHILD_TID = 0x200000 | 0x1000000; // CLONE_CHILD_CLEARTID | CLONE_CHILD_SETTID
const CLONE_SETTLS = 0x80000;

/** clone's flags: CLONE_VM|CLONE_FILES|SIGCHLD, SIGCHLD alone, 0 when there is nothing. */
function cloneFlags(v: number): string {
  const sig = v & CLONE_EXIT_SIGNAL;
  const { names, rest } = namedFlags(v & ~CLONE_EXIT_SIGNAL, CLONE_FLAGS);
  const parts = [...names, ...(rest !== 0 ? [`0x${rest.toString(16)}`] : []), ...(sig !== 0 ? [signalName(sig)] : [])];
  return parts.join('|') || '0';
}

/**
 * x86-64's clone(flags, stack, parent_tid, child_tid, tls), in strace's order: the stack, the flags,
 * then (once the call returned, as the kernel wrote parent_tid) only the pointers the flags use.
 */
const cloneDecoder: Decoder = {
  enter: (c) => `child_stack=${hex(c.args[1])}, flags=${cloneFlags(n(c.args[0]))}`,
  exit: (c) => {
    const flags = n(c.args[0]);
    let rest = '';
    if (flags & CLONE_PARENT_SETTID) {
      let tid: string;
      try {
        tid = `[${c.mem.readU32(n(c.args[2]))}]`;
      } catch {
        tid = hex(c.args[2]);
      }
      rest += `, parent_tid=${tid}`;
    }
    if (flags & CLONE_CHILD_TID) rest += `, child_tidptr=${hex(c.args[3])}`;
    if (flags & CLONE_SETTLS) rest += `, tls=${hex(c.args[4])}`;
    return `${rest})`;
  },
};

/** clone3's flags above clone's 32 bits (CLONE_CLEAR_SIGHAND, CLONE_INTO_CGROUP), after the others in strace's order. */
const CLONE3_HIGH_FLAGS: readonly (readonly [number, string])[] = [[0x1, 'CLONE_CLEAR_SIGHAND'], [0x2, 'CLONE_INTO_CGROUP']];
const CLONE_PIDFD = 0x1000;
const CLONE_INTO_CGROUP_HIGH = 0x2;
/** The struct clone_args fields up to tls: less than that and strace shows only the address. */
const CLONE_ARGS_MIN_SIZE = 64;
const CLONE_ARGS_SIZE = 88;
/** The most set_tid entries strace prints as an array (the kernel's MAX_PID_NS_LEVEL). */
const MAX_SET_TID_SIZE = 32;

/** clone3's 64-bit flags, without clone's exit signal byte: CLONE_VM|CLONE_VFORK, 0 for none. */
function clone3Flags(v: bigint): string {
  const low = namedFlags(Number(v & 0xffffffffn), CLONE_FLAGS);
  const high = namedFlags(Number(v >> 32n), CLONE3_HIGH_FLAGS);
  const unknown = BigInt(low.rest) | (BigInt(high.rest) << 32n);
  const names = [...low.names, ...high.names];
  if (names.length === 0) return v === 0n ? '0' : `0x${v.toString(16)} /* CLONE_??? */`;
  return [...names, ...(unknown !== 0n ? [`0x${unknown.toString(16)}`] : [])].join('|');
}

/** The struct clone_args at `addr`, the fields strace reads (its first min(size, 88) bytes), or undefined if unreadable. */
function cloneArgs(mem: AddressSpace, addr: number, size: number): bigint[] | undefined {
  const words: bigint[] = [];
  try {
    for (let off = 0; off < CLONE_ARGS_SIZE; off += 8) words.push(off < size ? BigInt.asUintN(64, BigInt(mem.readU64(addr + off))) : 0n);
  } catch {
    return undefined;
  }
  return words;
}

const addr64 = (v: bigint): string => (v === 0n ? 'NULL' : `0x${v.toString(16)}`);

/** Whether the kernel writes into clone_args' pointers (CLONE_PIDFD, CLONE_PARENT_SETTID): strace then shows them at return. */
const cloneFillsArgs = (a: bigint[] | undefined): boolean => a !== undefined && (Number(a[0]! & 0xffffffffn) & (CLONE_PIDFD | CLONE_PARENT_SETTID)) !== 0;

/** The clone_args a clone3 call passed, as strace fetches them, or undefined (shown as an address). */
function clone3Args(c: Call): bigint[] | undefined {
  const size = n(c.args[1]);
  return size < CLONE_ARGS_MIN_SIZE ? undefined : cloneArgs(c.mem, n(c.args[0]), size);
}

/**
 * clone3(args, size) as strace 6.1 shows it: the struct's fields the flags use, then the size; when
 * the kernel writes into the struct's pointers, the size comes after them, shown at return as
 * " => {parent_tid=[TID]}".
 */
const clone3Decoder: Decoder = {
  enter: (c) => {
    const size = n(c.args[1]);
    const a = clone3Args(c);
    if (a === undefined) return `${hex(c.args[0])}, ${size}`;
    const [flags, pidfd, childTid, parentTid, exitSignal, stack, stackSize, tls, setTid, setTidSize, cgroup] = a as [bigint, bigint, bigint, bigint, bigint, bigint, bigint, bigint, bigint, bigint, bigint];
    const low = Number(flags & 0xffffffffn);
    const fields = [`flags=${clone3Flags(flags)}`];
    if (low & CLONE_PIDFD) fields.push(`pidfd=${addr64(pidfd)}`);
    if (low & CLONE_CHILD_TID) fields.push(`child_tid=${addr64(childTid)}`);
    if (low & CLONE_PARENT_SETTID) fields.push(`parent_tid=${addr64(parentTid)}`);
    fields.push(`exit_signal=${exitSignal < 0x7fffffffn ? signalArg(Number(exitSignal)) : exitSignal}`);
    fields.push(`stack=${addr64(stack)}`, `stack_size=${stackSize === 0n ? '0' : `0x${stackSize.toString(16)}`}`);
    if (low & CLONE_SETTLS) fields.push(`tls=${addr64(tls)}`);
    if (setTid !== 0n || setTidSize !== 0n) {
      let tids = addr64(setTid);
      if (setTid !== 0n && setTidSize !== 0n && setTidSize <= BigInt(MAX_SET_TID_SIZE)) {
        try {
          tids = `[${Array.from({ length: Number(setTidSize) }, (_, i) => c.mem.readI32(Number(setTid) + 4 * i)).join(', ')}]`;
        } catch {
          tids = addr64(setTid);
        }
      }
      fields.push(`set_tid=${tids}`, `set_tid_size=${setTidSize}`);
    }
    if (size > 80 && (cgroup !== 0n || Number(flags >> 32n) & CLONE_INTO_CGROUP_HIGH)) fields.push(`cgroup=${cgroup}`);
    return `{${fields.join(', ')}}${cloneFillsArgs(a) ? '' : `, ${size}`}`;
  },
  exit: (c, ret) => {
    const a = clone3Args(c);
    if (!cloneFillsArgs(a)) return ')';
    const filled: string[] = [];
    if (ret >= 0 && Number(a![0]! & 0xffffffffn) & CLONE_PARENT_SETTID) {
      try {
        filled.push(`parent_tid=[${c.mem.readU32(Number(a![3]!))}]`);
      } catch {
        filled.push(`parent_tid=${addr64(a![3]!)}`);
      }
    }
    return `${filled.length > 0 ? ` => {${filled.join(', ')}}` : ''}, ${n(c.args[1])})`;
  },
};

/** madvise's advice, in include/uapi/asm-generic/mman-common.h's values. */
const MADVISE_ADVICE: ReadonlyMap<number, string> = new Map([
  [0, 'MADV_NORMAL'], [1, 'MADV_RANDOM'], [2, 'MADV_SEQUENTIAL'], [3, 'MADV_WILLNEED'], [4, 'MADV_DONTNEED'],
  [8, 'MADV_FREE'], [9, 'MADV_REMOVE'], [10, 'MADV_DONTFORK'], [11, 'MADV_DOFORK'], [12, 'MADV_MERGEABLE'],
  [13, 'MADV_UNMERGEABLE'], [14, 'MADV_HUGEPAGE'], [15, 'MADV_NOHUGEPAGE'], [16, 'MADV_DONTDUMP'], [17, 'MADV_DODUMP'],
  [18, 'MADV_WIPEONFORK'], [19, 'MADV_KEEPONFORK'], [20, 'MADV_COLD'], [21, 'MADV_PAGEOUT'], [22, 'MADV_POPULATE_READ'],
  [23, 'MADV_POPULATE_WRITE'], [24, 'MADV_DONTNEED_LOCKED'], [25, 'MADV_COLLAPSE'], [100, 'MADV_HWPOISON'], [101, 'MADV_SOFT_OFFLINE'],
]);

const madviseAdvice = (v: number): string => MADVISE_ADVICE.get(v) ?? `0x${(v >>> 0).toString(16)} /* MADV_??? */`;

const FUTEX_OPS: readonly string[] = [
  'FUTEX_WAIT', 'FUTEX_WAKE', 'FUTEX_FD', 'FUTEX_REQUEUE', 'FUTEX_CMP_REQUEUE', 'FUTEX_WAKE_OP', 'FUTEX_LOCK_PI',
  'FUTEX_UNLOCK_PI', 'FUTEX_TRYLOCK_PI', 'FUTEX_WAIT_BITSET', 'FUTEX_WAKE_BITSET', 'FUTEX_WAIT_REQUEUE_PI',
  'FUTEX_CMP_REQUEUE_PI', 'FUTEX_LOCK_PI2',
];
const FUTEX_PRIVATE_FLAG = 128;
const FUTEX_CLOCK_REALTIME = 256;
const FUTEX_BITSET_MATCH_ANY = 0xffffffff;

/**
 * futex(uaddr, op, val, timeout, uaddr2, val3) as strace shows each operation: only the arguments it
 * uses, the operation as FUTEX_WAIT_PRIVATE or FUTEX_WAIT_BITSET|FUTEX_CLOCK_REALTIME.
 */
function futexArgs(c: Call): string {
  const op = int32(c.args[1]);
  const cmd = op & ~(FUTEX_PRIVATE_FLAG | FUTEX_CLOCK_REALTIME);
  const name = FUTEX_OPS[cmd];
  const uaddr = hex(c.args[0]);
  if (name === undefined) return [uaddr, `0x${(op >>> 0).toString(16)} /* FUTEX_??? */`, ...c.args.slice(2).map((a) => hex(a).replace('NULL', '0'))].join(', ');
  const opText = `${name}${op & FUTEX_PRIVATE_FLAG ? '_PRIVATE' : ''}${op & FUTEX_CLOCK_REALTIME ? '|FUTEX_CLOCK_REALTIME' : ''}`;
  const val = String(n(c.args[2]) >>> 0);
  const bitset = (v: Value | undefined) => ((n(v) >>> 0) === FUTEX_BITSET_MATCH_ANY ? 'FUTEX_BITSET_MATCH_ANY' : `0x${(n(v) >>> 0).toString(16)}`);
  switch (name) {
    case 'FUTEX_WAIT':
      return [uaddr, opText, val, timespec(c.mem, c.args[3])].join(', ');
    case 'FUTEX_WAIT_BITSET':
      return [uaddr, opText, val, timespec(c.mem, c.args[3]), bitset(c.args[5])].join(', ');
    case 'FUTEX_WAKE_BITSET':
      return [uaddr, opText, val, bitset(c.args[5])].join(', ');
    case 'FUTEX_REQUEUE':
      return [uaddr, opText, val, String(n(c.args[3])), hex(c.args[4])].join(', ');
    case 'FUTEX_CMP_REQUEUE':
      return [uaddr, opText, val, String(n(c.args[3])), hex(c.args[4]), String(n(c.args[5]) >>> 0)].join(', ');
    default:
      return [uaddr, opText, val].join(', ');
  }
}

/** The process and job-control calls of kernel/sys.c, kernel/exit.c, kernel/signal.c and kernel/fork.c. */
const PROCESS_DECODERS: Readonly<Record<string, Decoder>> = {
  clone: cloneDecoder,
  clone3: clone3Decoder,
  // rseq has no decoder in strace 6.1: its arguments show as raw numbers.
  set_robust_list: { enter: (c) => `${hex(c.args[0])}, ${sizeArg(c.args[1])})` },
  futex: { enter: (c) => `${futexArgs(c)})` },
  waitid: {
    enter: (c) => `${ID_TYPES[int32(c.args[0])] ?? `0x${(int32(c.args[0]) >>> 0).toString(16)} /* P_??? */`}, ${int32(c.args[1])}, `,
    exit: (c, ret) => `${ret === 0 ? siginfo(c.mem, c.args[2]) : hex(c.args[2])}, ${waitOptions(int32(c.args[3]))}, ${ret === 0 ? rusage(c.mem, c.args[4]) : hex(c.args[4])})`,
  },
  getrusage: {
    enter: (c) => `${rusageWho(c.args[0])}, `,
    exit: (c, ret) => `${ret === 0 ? rusage(c.mem, c.args[1]) : hex(c.args[1])})`,
  },
  alarm: { enter: (c) => `${n(c.args[0]) >>> 0})` },
  getpgid: { enter: (c) => `${int32(c.args[0])})` },
  setpgid: { enter: (c) => `${int32(c.args[0])}, ${int32(c.args[1])})` },
  getpgrp: noArgs,
  set_tid_address: { enter: (c) => `${hex(c.args[0])})` },
  getsid: { enter: (c) => `${int32(c.args[0])})` },
  setsid: noArgs,
  umask: { enter: (c) => `${umaskText(n(c.args[0]) & 0o7777)})`, result: (ret) => umaskText(ret) },
  // The old limit is shown once the call has written it; a failed call's as its address.
  prlimit64: {
    enter: (c) => `${int32(c.args[0])}, ${rlimitResource(n(c.args[1]))}, ${rlimit64Text(c.mem, n(c.args[2]))}, `,
    exit: (c, ret) => `${ret < 0 ? hex(c.args[3]) : rlimit64Text(c.mem, n(c.args[3]))})`,
  },
  getpriority: { enter: (c) => `${priorityWhich(c.args[0])}, ${int32(c.args[1])})` },
  setpriority: { enter: (c) => `${priorityWhich(c.args[0])}, ${int32(c.args[1])}, ${int32(c.args[2])})` },
  rt_sigsuspend: { enter: (c) => `${sigset(c.mem, c.args[0])}, ${n(c.args[1])})` },
  rt_sigpending: { enter: () => '', exit: (c, ret) => `${ret === 0 ? sigset(c.mem, c.args[0]) : hex(c.args[0])}, ${n(c.args[1])})` },
  // The mask the handler's frame saved, in its ucontext (strace finds the frame at the stack pointer;
  // Forkscope's C library passes its address).
  rt_sigreturn: { enter: (c) => `{mask=${sigset(c.mem, n(c.args[0]) + UC_SIGMASK)}})` },
};

const DECODERS: Readonly<Record<string, Decoder>> = {
  ...CLOCK_DECODERS,
  ...PROCESS_DECODERS,
  ...SCHED_DECODERS,
  ...FILE_DECODERS,
  ...MM_DECODERS,
  fork: noArgs,
  vfork: noArgs,
  getpid: noArgs,
  getppid: noArgs,
  getuid: noArgs,
  geteuid: noArgs,
  getgid: noArgs,
  getegid: noArgs,
  getrandom: {
    enter: () => '',
    exit: (c, ret) => `${ret >= 0 ? randomBuffer(c.mem, c.args[0], ret) : hex(c.args[0])}, ${n(c.args[1])}, ${getrandomFlags(n(c.args[2]))})`,
  },
  brk: { enter: (c) => `${hex(c.args[0])})`, result: (ret) => `0x${ret.toString(16)}` },
  gettid: noArgs,
  pause: noArgs,
  restart_syscall: { enter: (c) => `<... resuming interrupted ${c.previous ?? 'system call'} ...>)` },
  read: {
    enter: (c) => `${int32(c.args[0])}, `,
    exit: (c, ret) => `${ret >= 0 ? buffer(c.mem, c.args[1], ret) : hex(c.args[1])}, ${n(c.args[2])})`,
  },
  write: { enter: (c) => `${int32(c.args[0])}, ${buffer(c.mem, c.args[1], n(c.args[2]))}, ${n(c.args[2])})` },
  close: { enter: (c) => `${int32(c.args[0])})` },
  dup: { enter: (c) => `${int32(c.args[0])})` },
  dup2: { enter: (c) => `${int32(c.args[0])}, ${int32(c.args[1])})` },
  dup3: { enter: (c) => `${int32(c.args[0])}, ${int32(c.args[1])}, ${pipeFlags(int32(c.args[2]))})` },
  pipe: {
    enter: () => '',
    exit: (c, ret) => {
      if (ret < 0) return `${hex(c.args[0])})`;
      return `[${c.mem.readI32(n(c.args[0]))}, ${c.mem.readI32(n(c.args[0]) + 4)}])`;
    },
  },
  execve: { enter: (c) => `${cString(c.mem, c.args[0])}, ${argvArray(c.mem, c.args[1])}, ${envpSummary(c.mem, c.args[2])})` },
  exit_group: { enter: (c) => `${int32(c.args[0])})`, result: () => '?' },
  exit: { enter: (c) => `${int32(c.args[0])})`, result: () => '?' },
  wait4: {
    enter: (c) => `${int32(c.args[0])}, `,
    exit: (c, ret) =>
      `${ret > 0 ? waitStatus(c.mem, c.args[1]) : hex(c.args[1])}, ${waitOptions(int32(c.args[2]))}, ${ret > 0 ? rusage(c.mem, c.args[3]) : hex(c.args[3])})`,
  },
  kill: { enter: (c) => `${int32(c.args[0])}, ${signalArg(c.args[1])})` },
  clock_nanosleep: {
    enter: (c) => `${clockName(c.args[0])}, ${flagsText(int32(c.args[1]), TIMER_FLAGS, '0', 'TIMER_???')}, ${timespec(c.mem, c.args[2])}, `,
    // The time left is written only when a signal interrupted a relative sleep; otherwise strace shows the address.
    exit: (c, ret) => `${isRestart(ret) && int32(c.args[1]) === 0 ? timespec(c.mem, c.args[3]) : hex(c.args[3])})`,
  },
  rt_sigtimedwait: {
    enter: (c) => `${sigset(c.mem, c.args[0])}, `,
    exit: (c, ret) => `${ret > 0 ? siginfo(c.mem, c.args[1]) : hex(c.args[1])}, ${timespec(c.mem, c.args[2])}, ${n(c.args[3])})`,
    result: (ret) => (ret > 0 ? `${ret} (${signalName(ret)})` : defaultResult(ret)),
  },
  rt_sigprocmask: {
    enter: (c) => `${SIGPROCMASK_HOW[int32(c.args[0])] ?? `0x${(int32(c.args[0]) >>> 0).toString(16)} /* SIG_??? */`}, ${sigset(c.mem, c.args[1])}, `,
    exit: (c, ret) => `${ret === 0 ? sigset(c.mem, c.args[2]) : hex(c.args[2])}, ${n(c.args[3])})`,
  },
  tgkill: { enter: (c) => `${int32(c.args[0])}, ${int32(c.args[1])}, ${signalArg(c.args[2])})` },
  rt_sigqueueinfo: { enter: (c) => `${int32(c.args[0])}, ${signalArg(c.args[1])}, ${siginfo(c.mem, c.args[2])})` },
  rt_sigaction: {
    enter: (c) => `${signalName(int32(c.args[0]))}, ${sigaction(c.mem, c.args[1])}, `,
    exit: (c, ret) => `${ret === 0 ? sigaction(c.mem, c.args[2]) : hex(c.args[2])}, ${n(c.args[3])})`,
  },
  prctl: {
    enter: (c) => {
      const option = int32(c.args[0]);
      const name = PRCTL_OPTIONS.get(option) ?? String(option);
      if (option === 15) return `${name}, ${cString(c.mem, c.args[1], 15)})`;
      if (option === 1) return `${name}, ${signalName(n(c.args[1]))})`;
      if (PRCTL_GETTERS.has(option)) return `${name}, `;
      return `${name}, ${n(c.args[1])})`;
    },
    // The getters' answers are shown when the call returns; the address alone when it failed.
    exit: (c, ret) => {
      const option = int32(c.args[0]);
      if (!PRCTL_GETTERS.has(option)) return '';
      if (ret < 0) return `${hex(c.args[1])})`;
      if (option === PR_GET_NAME) return `${cString(c.mem, c.args[1], 15)})`;
      const value = c.mem.readI32(n(c.args[1]));
      return `[${option === PR_GET_PDEATHSIG ? signalName(value) : value}])`;
    },
  },
};

/** Raw numbers, for the calls without a decoder. */
function rawDecoder(argc: number): Decoder {
  return { enter: (c) => `${c.args.slice(0, argc).map((a) => hex(a).replace('NULL', '0')).join(', ')})` };
}

/**
 * The kernel's restart codes (include/linux/errno.h). A call that a signal interrupts returns one of
 * them; the process never sees it (it becomes EINTR or a restart), and strace shows it as "= ? NAME".
 */
const RESTART_ERRNOS: ReadonlyMap<number, string> = new Map([
  [512, 'ERESTARTSYS (To be restarted if SA_RESTART is set)'],
  [513, 'ERESTARTNOINTR (To be restarted)'],
  [514, 'ERESTARTNOHAND (To be restarted if no handler)'],
  [516, 'ERESTART_RESTARTBLOCK (Interrupted by signal)'],
]);

/** A signal interrupted the call: the kernel will restart it or make it fail with EINTR. */
const isRestart = (ret: number): boolean => RESTART_ERRNOS.has(-ret);

function defaultResult(ret: number): string {
  const restart = RESTART_ERRNOS.get(-ret);
  if (restart !== undefined) return `? ${restart}`;
  if (ret < 0 && ret >= -MAX_ERRNO) {
    const errno = -ret;
    return `-1 ${ERRNO_NAMES.get(errno) ?? errno} (${strerror(errno)})`;
  }
  return String(ret);
}

/** How a traced task ended, as strace's "+++ ... +++" line says it. */
function exitText(exitCode: number): string {
  const sig = exitCode & 0x7f;
  return sig === 0 ? `exited with ${(exitCode >> 8) & 0xff}` : `killed by ${signalName(sig)}${exitCode & 0x80 ? ' (core dumped)' : ''}`;
}

interface InFlight {
  call: Call;
  decoder: Decoder;
  /**
   * The arguments decoded at entry. strace writes the closing parenthesis only when the call returns,
   * even for a call decoded whole at entry: "kill(5, SIGUSR1 <unfinished ...>", "<... kill resumed>)".
   */
  entered: string;
  /** What ends the argument list at return for a call decoded whole at entry: ")". */
  closing: string;
}

/** A call's state at entry: its arguments decoded, the closing parenthesis held back for its return. */
function inFlight(call: Call, decoder: Decoder): InFlight {
  const text = decoder.enter(call);
  if (decoder.exit === undefined && text.endsWith(')')) return { call, decoder, entered: text.slice(0, -1), closing: ')' };
  return { call, decoder, entered: text, closing: '' };
}

/** A signal line waiting for the moment strace's tracee would stop for it. */
interface PendingSignal {
  sig: number;
  text: string;
  /** The group stop it caused: "--- stopped by SIGSTOP ---". */
  stop?: string;
}

/** SIGILL, SIGTRAP, SIGBUS, SIGFPE, SIGSEGV, SIGSYS: the faults, which Linux dequeues before the others. */
const SYNCHRONOUS_SIGNALS: ReadonlySet<number> = new Set([4, 5, 7, 8, 11, 31]);

/** next_signal's order: the synchronous signals first, then the lowest-numbered. */
function dequeueOrder(a: PendingSignal, b: PendingSignal): number {
  const rank = (p: PendingSignal) => (SYNCHRONOUS_SIGNALS.has(p.sig) ? 0 : 1);
  return rank(a) - rank(b) || a.sig - b.sig;
}

export class SyscallTracer {
  private readonly traced = new Set<number>();
  private readonly inFlight = new Map<number, InFlight>();
  /** Each traced task's last call that returned. */
  private readonly previous = new Map<number, string>();
  /** An execve entered by a task not traced yet: shown if that execve starts the user's program. */
  private readonly pendingExec = new Map<number, InFlight>();
  /**
   * The line of the call in progress that was entered last, held back until it returns (written whole,
   * aligned) or another line must come first (written as "<unfinished ...>").
   */
  private openLine: { task: number; text: string } | undefined;
  /**
   * Signal lines for a task in a system call, shown once it returns (when strace's tracee would stop for
   * them). Forkscope's kernel reports a signal the task ignores as it is sent. Under ptrace Linux queues
   * it instead, and each one wakes the call (which strace shows as "= ? ERESTARTSYS", then the signal,
   * then the call again): one line per signal sent is the nearest Forkscope can show.
   */
  private readonly pendingSignals = new Map<number, PendingSignal[]>();
  /**
   * The pending signal lines of the task whose call returned last, written before the next line. If
   * that next line is a signal the same task dequeues, all are written in the order Linux dequeues
   * them (a handled SIGUSR1 before an ignored SIGCHLD), as strace would see them.
   */
  private held: { prefix: string; task: number; signals: PendingSignal[] } | undefined;
  /**
   * A call a signal interrupted (its result a restart code), not shown yet. Forkscope's kernel reports
   * the return before it acts on the signal; when that kills the task without a signal stop (SIGKILL,
   * another thread's exit_group or execve), Linux's tracee never leaves the call and strace shows
   * "<... read resumed> <unfinished ...>) = ?". Otherwise it is shown as returned, before any other line.
   */
  private interrupted: { task: number; proc: TraceProcess; flight: InFlight; rest: string; result: string } | undefined;

  constructor(private readonly write: (text: string) => void) {}

  /** The user's program starts in `task` (its execve): from here on it and its descendants are traced. */
  attach(task: number, proc: TraceProcess): void {
    this.traced.add(task);
    const exec = this.pendingExec.get(task);
    this.pendingExec.delete(task);
    if (exec) this.begin(task, proc, exec);
  }

  /** A traced task's child is traced from its birth (strace -f). */
  forked(parent: number, child: number): void {
    if (this.traced.has(parent)) this.traced.add(child);
  }

  /** A child that fork created but could not finish (no PID left) never existed for the tracer. */
  forget(task: number): void {
    this.traced.delete(task);
  }

  /** A system call's entry: `args` are its parameters' values (registers 0..argc-1 of its frame). */
  enter(task: number, proc: TraceProcess, fnName: string, args: readonly Value[], argc: number): void {
    const name = fnName.replace(/^sys_/, '');
    const flight = inFlight({ name, args: args.slice(0, argc), mem: proc.mem, previous: this.previous.get(task) }, DECODERS[name] ?? rawDecoder(argc));
    if (!this.traced.has(task)) {
      this.pendingExec.delete(task);
      if (name === 'execve') this.pendingExec.set(task, flight);
      return;
    }
    this.begin(task, proc, flight);
  }

  private begin(task: number, proc: TraceProcess, flight: InFlight): void {
    this.closeOpenLine();
    this.inFlight.set(task, flight);
    this.openLine = { task, text: `${this.leader(proc.pid)}${flight.call.name}(${flight.entered}` };
  }

  /** A system call's return with `ret` (a failed execve returns too; a successful one ends in execDone). */
  exit(task: number, proc: TraceProcess, ret: number): void {
    const flight = this.inFlight.get(task);
    if (!flight) {
      this.pendingExec.delete(task);
      return;
    }
    // The arguments the kernel filled in are read from the memory the task has now.
    flight.call.mem = proc.mem;
    this.previous.set(task, flight.call.name);
    const rest = flight.decoder.exit?.(flight.call, ret) ?? flight.closing;
    const result = (flight.decoder.result ?? defaultResult)(ret, flight.call);
    if (isRestart(ret)) {
      this.finishInterrupted();
      this.interrupted = { task, proc, flight, rest, result };
      return;
    }
    this.finish(task, proc, flight, rest, result);
  }

  /** The interrupted call returned after all: its line, and the signals that came meanwhile. */
  private finishInterrupted(): void {
    const call = this.interrupted;
    if (call === undefined) return;
    this.interrupted = undefined;
    this.finish(call.task, call.proc, call.flight, call.rest, call.result);
  }

  /** A traced task's successful execve: the call does not return, the new program starts. */
  execDone(task: number, proc: TraceProcess): void {
    const flight = this.inFlight.get(task);
    if (flight) this.finish(task, proc, flight, flight.closing, '0');
  }

  /**
   * A traced task has died: a call it never returned from (exit_group) ends with "?", then the exit
   * line; none for a leader another thread's execve supersedes (its line comes with the exec: execEvent).
   */
  exited(task: number, proc: TraceProcess, exitCode: number, superseded = false): void {
    if (!this.traced.has(task)) return;
    // A signal that stopped the task on its way out (a fatal one the kernel reported) shows the call returned.
    if (this.interrupted?.task === task) {
      if (this.pendingSignals.has(task)) this.finishInterrupted();
      else this.interrupted = undefined;
    }
    const flight = this.inFlight.get(task);
    // A call decoded at entry just closes; one whose arguments were to be shown at return never got them.
    if (flight) this.finish(task, proc, flight, flight.closing === ')' ? ')' : ' <unfinished ...>)', '?');
    this.closeOpenLine();
    if (!superseded) this.write(`${this.leader(proc.pid)}+++ ${exitText(exitCode)} +++\n`);
    this.traced.delete(task);
    this.pendingSignals.delete(task);
    this.previous.delete(task);
  }

  /**
   * PTRACE_EVENT_EXEC: the task's execve succeeded. A thread that was not its process's leader now has
   * the leader's PID; strace writes the old leader off as "+++ superseded by execve in pid OLD +++".
   */
  execEvent(task: number, proc: TraceProcess, oldPid: number): void {
    if (!this.traced.has(task) || oldPid === proc.pid) return;
    this.closeOpenLine();
    this.write(`${this.leader(proc.pid)}+++ superseded by execve in pid ${oldPid} +++\n`);
  }

  /** The held signal lines, in the order Linux would dequeue them. */
  private writeHeld(): void {
    if (this.held === undefined) return;
    const { prefix, signals } = this.held;
    this.held = undefined;
    for (const signal of [...signals].sort(dequeueOrder)) {
      this.write(`${prefix}${signal.text}\n`);
      if (signal.stop !== undefined) this.write(`${prefix}${signal.stop}\n`);
    }
  }

  /**
   * A signal the task dequeued, or ignored as it was sent: "--- SIGCHLD {...} ---", at once, or after
   * the result of the system call the task is in.
   */
  signal(task: number, pid: number, info: SignalInfo): void {
    this.signalLine(task, pid, { sig: info.sig, text: `--- ${signalName(info.sig)} ${signalInfoText(info)} ---` });
  }

  /** The task stopped with its process (a group stop): "--- stopped by SIGSTOP ---", after its signal's line. */
  stopped(task: number, pid: number, sig: number): void {
    if (!this.traced.has(task)) return;
    const text = `--- stopped by ${signalName(sig)} ---`;
    // The stop signal's line may still wait for the call it interrupted: the stop goes with it.
    const waiting = [...(this.pendingSignals.get(task) ?? []), ...(this.held?.task === task ? this.held.signals : [])];
    const line = waiting.reverse().find((p) => p.sig === sig && p.stop === undefined);
    if (line) line.stop = text;
    else this.signalLine(task, pid, { sig, text });
  }

  private signalLine(task: number, pid: number, signal: PendingSignal): void {
    if (!this.traced.has(task)) return;
    if (this.inFlight.has(task)) {
      const pending = this.pendingSignals.get(task) ?? [];
      pending.push(signal);
      this.pendingSignals.set(task, pending);
      return;
    }
    if (this.held?.task === task) {
      this.held.signals.push(signal);
      this.writeHeld();
      return;
    }
    this.closeOpenLine();
    this.write(`${this.leader(pid)}${signal.text}\n`);
  }

  /** The run is over: a call still in progress is left unfinished. */
  flush(): void {
    this.closeOpenLine();
  }

  /** The end of a call's line: aligned after its entry part, or as strace's "resumed" line. */
  private finish(task: number, proc: TraceProcess, flight: InFlight, rest: string, result: string): void {
    // What happened before this return is written first: another task's interrupted call, held signals.
    if (this.interrupted !== undefined && this.interrupted.task !== task) this.finishInterrupted();
    this.writeHeld();
    this.inFlight.delete(task);
    let line: string;
    if (this.openLine?.task === task) {
      line = this.openLine.text + rest;
      this.openLine = undefined;
    } else {
      this.closeOpenLine();
      line = `${this.leader(proc.pid)}<... ${flight.call.name} resumed>${rest}`;
    }
    this.write(`${line.padEnd(RESULT_COLUMN)} = ${result}\n`);
    const signals = this.pendingSignals.get(task);
    this.pendingSignals.delete(task);
    if (signals !== undefined) this.held = { prefix: this.leader(proc.pid), task, signals };
  }

  /** strace's line prefix: the PID while more than one traced process is alive. */
  private leader(pid: number): string {
    return this.traced.size > 1 ? `[pid ${String(pid).padStart(5)}] ` : '';
  }

  /**
   * Another line must come first: an interrupted call and held signal lines are written, the call in
   * progress is left as "<unfinished ...>".
   */
  private closeOpenLine(): void {
    this.finishInterrupted();
    this.writeHeld();
    if (this.openLine === undefined) return;
    this.write(`${this.openLine.text} <unfinished ...>\n`);
    this.openLine = undefined;
  }
}
