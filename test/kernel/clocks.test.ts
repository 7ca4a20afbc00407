// The clocks (kernel/time/posix-timers.c, time.c, sched/cputime.c): a virtual monotonic clock that
// sleep advances by exactly the time slept, a wall clock at a fixed boot date, CPU-time clocks from the
// task's accounting, and the C library's time, clock, difftime and times on them.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile, createMachine, formatDiagnostics } from '../../debug-adapter/engine/index';
import { memoryFS, PROG_PATH, runC } from '../support/run-c';

/** The wall-clock time every simulated machine boots at: 2025-01-06T09:00:00Z. */
const BOOT_TIME_SEC = 1736154000;

const PRELUDE = `#include <stdio.h>
#include <errno.h>
#include <time.h>
#include <unistd.h>
#include <sys/time.h>
#include <sys/times.h>
#include <sys/wait.h>
static long long ns(clockid_t id) {
  struct timespec ts;
  if (clock_gettime(id, &ts) != 0) return -1;
  return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}
static void spin(long n) {
  volatile long x = 0;
  for (long i = 0; i < n; i++) x += i;
}
`;

/** Runs a program and returns its stdout's numbers, line by line. */
function numbers(body: string): number[][] {
  const r = runC(PRELUDE + body);
  expect(r.diagnostics).toBe('');
  expect(r.outcome).toMatchObject({ kind: 'exited', status: 0 });
  return r.stdout.trim().split('\n').map((l) => l.split(' ').map(Number));
}

const TIMEOUT = { timeout: 60_000 };

describe('CLOCK_MONOTONIC', TIMEOUT, () => {
  it('never goes back, across work, system calls, sleeps and a child that runs in between', () => {
    const rows = numbers(`int main(void) {
  long long last = ns(CLOCK_MONOTONIC);
  int back = 0;
  for (int i = 0; i < 200; i++) {
    if (i % 50 == 0) usleep(1500);
    if (i % 70 == 0 && fork() == 0) { spin(5000); _exit(0); }
    spin(i * 10);
    getpid();
    long long now = ns(CLOCK_MONOTONIC);
    if (now < last) back++;
    last = now;
  }
  while (wait(NULL) > 0) ;
  printf("%d %lld\\n", back, last);
  return 0;
}`);
    expect(rows[0]![0]).toBe(0);
    expect(rows[0]![1]).toBeGreaterThan(4 * 1_500_000);
  });

  it('advances by the 2 s sleep(2) slept, plus only the few nanoseconds of the instructions around it', () => {
    const [[before, after, boottime]] = numbers(`int main(void) {
  long long t0 = ns(CLOCK_MONOTONIC);
  sleep(2);
  long long t1 = ns(CLOCK_MONOTONIC);
  printf("%lld %lld %lld\\n", t0, t1, ns(CLOCK_BOOTTIME) - t1);
  return 0;
}`) as [number[]];
    const slept = after! - before!;
    expect(slept).toBeGreaterThanOrEqual(2_000_000_000);
    expect(slept).toBeLessThan(2_000_001_000);
    // A machine that never suspends: BOOTTIME is MONOTONIC.
    expect(boottime).toBeGreaterThanOrEqual(0);
    expect(boottime).toBeLessThan(10_000);
  });
});

describe('the CPU-time clocks', TIMEOUT, () => {
  it('grow with a busy loop and stand still while the process sleeps', () => {
    const [[busy, asleep, thread, process]] = numbers(`int main(void) {
  long long c0 = ns(CLOCK_PROCESS_CPUTIME_ID);
  spin(200000);
  long long c1 = ns(CLOCK_PROCESS_CPUTIME_ID);
  sleep(1);
  long long c2 = ns(CLOCK_PROCESS_CPUTIME_ID);
  printf("%lld %lld %lld %lld\\n", c1 - c0, c2 - c1, ns(CLOCK_THREAD_CPUTIME_ID), ns(CLOCK_PROCESS_CPUTIME_ID));
  return 0;
}`) as [number[]];
    // Each loop iteration is several VM steps, each a nanosecond of CPU.
    expect(busy).toBeGreaterThan(200_000);
    // The second of sleep is no CPU time: only the system call's own steps count.
    expect(asleep).toBeLessThan(20_000);
    // One thread: the thread's clock is the process's.
    expect(thread).toBeLessThanOrEqual(process!);
    expect(process! - thread!).toBeLessThan(5_000);
  });

  it("count a process's threads in its clock, each thread's own in the thread's", () => {
    const r = runC(`#include <stdio.h>
#include <pthread.h>
#include <time.h>
static long long ns(clockid_t id) { struct timespec ts; clock_gettime(id, &ts); return ts.tv_sec * 1000000000LL + ts.tv_nsec; }
static void *work(void *arg) { volatile long x = 0; for (long i = 0; i < 300000; i++) x += i; return arg; }
int main(void) {
  pthread_t t;
  pthread_create(&t, NULL, work, NULL);
  pthread_join(t, NULL);
  printf("%lld %lld\\n", ns(CLOCK_THREAD_CPUTIME_ID), ns(CLOCK_PROCESS_CPUTIME_ID));
  return 0;
}
`);
    expect(r.outcome).toMatchObject({ kind: 'exited', status: 0 });
    const [mainThread, processTotal] = r.stdout.trim().split(' ').map(Number) as [number, number];
    // The worker has gone: its time stays the process's (signal_struct's sum_sched_runtime).
    expect(processTotal - mainThread).toBeGreaterThan(300_000);
  });

  it('clock() is the process CPU clock in CLOCKS_PER_SEC units', () => {
    const [[perSec, clk, cpu]] = numbers(`int main(void) {
  spin(300000);
  clock_t c = clock();
  long long n = ns(CLOCK_PROCESS_CPUTIME_ID);
  printf("%ld %ld %lld\\n", (long)CLOCKS_PER_SEC, (long)c, n);
  return 0;
}`) as [number[]];
    expect(perSec).toBe(1_000_000);
    expect(clk).toBeGreaterThan(300);
    expect(clk).toBeLessThanOrEqual(Math.floor(cpu! / 1000));
  });

  it("times() reports user time in clock ticks, and a waited-for child's in tms_cutime", () => {
    const [[utime, cutime, elapsed]] = numbers(`int main(void) {
  struct tms t;
  if (fork() == 0) { spin(12000000); _exit(0); }
  wait(NULL);
  spin(6000000);
  clock_t now = times(&t);
  printf("%ld %ld %ld\\n", (long)t.tms_utime, (long)t.tms_cutime, (long)now);
  return 0;
}`) as [number[]];
    // Ticks of 10 ms (USER_HZ 100): the child spun twice as long as the parent.
    expect(utime).toBeGreaterThan(0);
    expect(cutime).toBeGreaterThan(utime!);
    expect(elapsed).toBeGreaterThanOrEqual(utime! + cutime!);
  });
});

describe('the wall clock', () => {
  it('starts at the fixed boot date; time(NULL), time(&t) and gettimeofday agree with CLOCK_REALTIME', () => {
    const [[real, monotonic, t, stored, tv]] = numbers(`int main(void) {
  sleep(3);
  long long real = ns(CLOCK_REALTIME), mono = ns(CLOCK_MONOTONIC);
  time_t stored;
  time_t t = time(&stored);
  struct timeval tv;
  gettimeofday(&tv, NULL);
  printf("%lld %lld %ld %ld %ld\\n", real / 1000000000, mono, (long)t, (long)stored, (long)tv.tv_sec);
  return 0;
}`) as [number[]];
    expect(real).toBe(BOOT_TIME_SEC + Math.floor(monotonic! / 1e9));
    expect(real).toBe(BOOT_TIME_SEC + 3);
    expect(t).toBe(real);
    expect(stored).toBe(real);
    expect(tv).toBe(real);
  });

  it('difftime subtracts as doubles', () => {
    expect(numbers(`int main(void) { printf("%.1f %.1f\\n", difftime(10, 3), difftime(3, 10)); return 0; }`)).toEqual([[7, -7]]);
  });
});

describe('errors', () => {
  it('EINVAL for a clock id that is no clock; EFAULT for a NULL timespec the kernel fills; clock_getres of the coarse clocks is a tick', () => {
    // The CPU-time clocks are the kernel's to read (the vDSO falls back to the system call), so a NULL
    // timespec is copy_to_user's EFAULT, natively too.
    const [[bad, badErrno, minusOne, nullTs, nullErrno, res, coarse]] = numbers(`int main(void) {
  struct timespec ts;
  int bad = clock_gettime(99, &ts); int e1 = errno;
  int m1 = clock_gettime(-1, &ts);
  int nul = clock_gettime(CLOCK_PROCESS_CPUTIME_ID, NULL); int e2 = errno;
  clock_getres(CLOCK_MONOTONIC, &ts); long res = ts.tv_nsec;
  clock_getres(CLOCK_MONOTONIC_COARSE, &ts);
  printf("%d %d %d %d %d %ld %ld\\n", bad, e1 == EINVAL, m1, nul, e2 == EFAULT, res, ts.tv_nsec);
  return 0;
}`) as [number[]];
    expect([bad, badErrno, minusOne, nullTs, nullErrno]).toEqual([-1, 1, -1, -1, 1]);
    expect(res).toBe(1);
    expect(coarse).toBe(4_000_000);
  });

  it('a NULL timespec for a clock the vDSO reads is SIGSEGV, as natively: the vDSO writes it in user mode', () => {
    const r = runC(`#include <stdio.h>
#include <time.h>
int main(void) {
  printf("before\\n");
  fflush(stdout);
  clock_gettime(CLOCK_MONOTONIC, NULL);
  printf("after\\n");
  return 0;
}`);
    expect(r.stdout).toBe('before\n');
    expect(r.outcome).toMatchObject({ kind: 'signaled', signal: 11 });
  });
});

describe('the vDSO', TIMEOUT, () => {
  it('reads each clock as the system call does, between two system calls; the coarse clocks and clock_getres alike', () => {
    // sys_clock_gettime is the system call itself (what syscall(SYS_clock_gettime, ...) makes natively),
    // clock_gettime the vDSO's answer from the kernel's _vdso_data and the counter.
    const rows = numbers(`long sys_clock_gettime(clockid_t which_clock, struct timespec *tp);
long sys_clock_getres(clockid_t which_clock, struct timespec *tp);
static long long t(struct timespec *ts) { return ts->tv_sec * 1000000000LL + ts->tv_nsec; }
int main(void) {
  clockid_t ids[] = { CLOCK_REALTIME, CLOCK_MONOTONIC, CLOCK_MONOTONIC_RAW, CLOCK_REALTIME_COARSE, CLOCK_MONOTONIC_COARSE, CLOCK_BOOTTIME };
  struct timespec a, b, c;
  sleep(1);
  spin(1200000);
  for (int i = 0; i < 6; i++) {
    sys_clock_gettime(ids[i], &a);
    clock_gettime(ids[i], &b);
    sys_clock_gettime(ids[i], &c);
    long long before = t(&a);
    sys_clock_getres(ids[i], &a);
    long kres = a.tv_nsec;
    clock_getres(ids[i], &a);
    printf("%d %lld %lld %lld %ld %ld\\n", ids[i], before, t(&b), t(&c), kres, a.tv_nsec);
  }
  return 0;
}`);
    expect(rows).toHaveLength(6);
    for (const [id, before, vdso, after, kernelRes, vdsoRes] of rows) {
      expect(vdsoRes, `clock ${id}`).toBe(kernelRes);
      expect(vdso!, `clock ${id}`).toBeGreaterThanOrEqual(before!);
      expect(vdso!, `clock ${id}`).toBeLessThanOrEqual(after!);
      expect(after! - before!, `clock ${id}`).toBeLessThan(id === 5 || id === 6 ? 4_000_000 : 10_000);
    }
    // The coarse clocks stand at a tick; the wall clocks start at the boot date.
    expect(rows[3]![2]! % 4_000_000).toBe(0);
    expect(rows[4]![2]! % 4_000_000).toBe(0);
    expect(Math.floor(rows[0]![2]! / 1e9)).toBe(BOOT_TIME_SEC + Math.floor(rows[1]![2]! / 1e9));
  });
});

describe('--trace', () => {
  it('shows no call for the clocks the vDSO reads, and the calls it falls back to, as strace shows glibc\'s', () => {
    // The system calls declared here are what syscall(SYS_clock_gettime, ...) and the rest make natively.
    const c = compile(PROG_PATH, memoryFS(`#include <time.h>
#include <sys/time.h>
long sys_clock_gettime(clockid_t which_clock, struct timespec *tp);
long sys_gettimeofday(struct timeval *tv, void *tz);
long sys_time(time_t *tloc);
int main(void) {
  struct timespec ts;
  struct timeval tv;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  clock_gettime(CLOCK_REALTIME_COARSE, &ts);
  gettimeofday(&tv, 0);
  time(0);
  clock_getres(CLOCK_MONOTONIC, &ts);
  clock_gettime(42, &ts);
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  clock_getres(CLOCK_THREAD_CPUTIME_ID, &ts);
  sys_clock_gettime(CLOCK_MONOTONIC, &ts);
  sys_gettimeofday(&tv, 0);
  sys_time(0);
  return 0;
}
`));
    if (!c.program) throw new Error(formatDiagnostics(c.diagnostics, c.sources));
    let trace = '';
    createMachine(c.program, { argv: ['./prog'], stdio: 'pipe', stdout: () => {}, stderr: () => {} }, { trace: (s) => (trace += s) }).run();
    // strace's lines for the same program compiled with cc (glibc 2.36, syscall(2) for the last three),
    // times and addresses aside: the first five calls are the vDSO's and show nothing. (The first four
    // lines are the execve and __tls_init_tp's set_tid_address, set_robust_list and rseq.)
    expect(trace.split('\n').slice(4)).toEqual([
      expect.stringMatching(/^clock_gettime\(0x2a \/\* CLOCK_\?\?\? \*\/, 0x[0-9a-f]+\) = -1 EINVAL \(Invalid argument\)$/),
      expect.stringMatching(/^clock_gettime\(CLOCK_PROCESS_CPUTIME_ID, \{tv_sec=0, tv_nsec=\d+\}\) = 0$/),
      'clock_getres(CLOCK_THREAD_CPUTIME_ID, {tv_sec=0, tv_nsec=1}) = 0',
      expect.stringMatching(/^clock_gettime\(CLOCK_MONOTONIC, \{tv_sec=0, tv_nsec=\d+\}\) = 0$/),
      expect.stringMatching(/^gettimeofday\(\{tv_sec=1736154000, tv_usec=\d+\}, NULL\) = 0$/),
      'time(NULL)                              = 1736154000 (2025-01-06T09:00:00+0000)',
      'exit_group(0)                           = ?',
      '+++ exited with 0 +++',
      '',
    ]);
  });
});

describe("the bench's fork_loop.c", () => {
  it('compiles and runs as written, timing itself with the virtual clock', () => {
    const file = path.join(__dirname, '../../bench/programs/fork_loop.c');
    const source = readFileSync(file, 'utf8');
    const out: Uint8Array[] = [];
    const c = compile(file, { readFile: (p) => (p === file ? source : undefined) });
    if (!c.program) throw new Error(formatDiagnostics(c.diagnostics, c.sources));
    const outcome = createMachine(c.program, { argv: [file, '5'], stdio: 'pipe', stdout: (b) => out.push(b.slice()), stderr: () => {} }).run();
    expect(outcome).toMatchObject({ kind: 'exited', status: 0 });
    expect(Buffer.concat(out).toString()).toMatch(/^fork: n=5 0\.\d{3} s +\d+\.\d us\/cycle +\d+ cycles\/s\n$/);
  });
});
