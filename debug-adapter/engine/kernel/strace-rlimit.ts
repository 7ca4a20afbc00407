// How strace 6.1 shows a resource limit (its resource.c): prlimit64's resource by name, and a struct
// rlimit64 as {rlim_cur=8192*1024, rlim_max=RLIM64_INFINITY}: a multiple of 1024 above 1024 as N*1024,
// the infinite limit by name.
import type { AddressSpace } from '../vm/memory';

const RESOURCES: readonly string[] = [
  'RLIMIT_CPU', 'RLIMIT_FSIZE', 'RLIMIT_DATA', 'RLIMIT_STACK', 'RLIMIT_CORE', 'RLIMIT_RSS', 'RLIMIT_NPROC', 'RLIMIT_NOFILE',
  'RLIMIT_MEMLOCK', 'RLIMIT_AS', 'RLIMIT_LOCKS', 'RLIMIT_SIGPENDING', 'RLIMIT_MSGQUEUE', 'RLIMIT_NICE', 'RLIMIT_RTPRIO', 'RLIMIT_RTTIME',
];
const RLIM64_INFINITY = 0xffffffffffffffffn;

/** prlimit64's resource: its name, or hex with strace's unknown-value comment. */
export function rlimitResource(v: number): string {
  return RESOURCES[v] ?? `0x${(v >>> 0).toString(16)} /* RLIMIT_??? */`;
}

/** One limit, as strace's sprint_rlim64 prints it. */
function rlim64(v: bigint): string {
  if (v === RLIM64_INFINITY) return 'RLIM64_INFINITY';
  if (v > 1024n && v % 1024n === 0n) return `${v / 1024n}*1024`;
  return String(v);
}

/** The struct rlimit64 at `addr`: NULL, its two limits, or the address when it cannot be read. */
export function rlimit64Text(mem: AddressSpace, addr: number): string {
  if (addr === 0) return 'NULL';
  try {
    const field = (offset: number) => BigInt.asUintN(64, BigInt(mem.readU64(addr + offset)));
    return `{rlim_cur=${rlim64(field(0))}, rlim_max=${rlim64(field(8))}}`;
  } catch {
    return `0x${addr.toString(16)}`;
  }
}
