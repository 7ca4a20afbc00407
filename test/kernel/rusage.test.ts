// Resource usage (kernel/sys.c's getrusage, wait_task_zombie's sums in kernel/exit.c): the exact
// figures Forkscope can promise, where a native run only gives bounds. Each copy-on-write or
// first-touch fault is one minor fault of the task that took it; each sleep one voluntary switch;
// maxrss the most pages resident at once, in KiB.
import { describe, expect, it } from 'vitest';
import { formatDiagnostics, createMachine } from '../../debug-adapter/engine/index';
import { compileC, runC } from '../support/run-c';

const PRELUDE = `#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <pthread.h>
#include <time.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/wait.h>
#define PAGE 4096
static void nap(void) {
  struct timespec ts = {0, 1000000};
  nanosleep(&ts, NULL);
}
/* A child that runs fn(arg) and exits; its rusage as wait4 reports it. */
static struct rusage child(void (*fn)(long), long arg) {
  struct rusage ru;
  int status;
  pid_t pid = fork();
  if (pid == 0) {
    fn(arg);
    _exit(0);
  }
  wait4(pid, &status, 0, &ru);
  return ru;
}
`;

/** Runs a program and returns its stdout's numbers, line by line. */
function numbers(body: string): number[][] {
  const r = runC(PRELUDE + body);
  expect(r.diagnostics).toBe('');
  expect(r.stderr).toBe('');
  expect(r.outcome).toMatchObject({ kind: 'exited', status: 0 });
  return r.stdout.trim().split('\n').map((l) => l.split(' ').map(Number));
}

const TIMEOUT = { timeout: 60_000 };

describe('getrusage and wait4', () => {
  it('count one minor fault per page a child writes that it shares copy-on-write with its parent', TIMEOUT, () => {
    const [[none, some, children]] = numbers(`#define N 37
static char big[(N + 2) * PAGE];
static void writes(long n) {
  for (long i = 1; i <= n; i++) big[i * PAGE] = 2;
}
int main(void) {
  struct rusage a, b, c;
  for (int i = 1; i <= N; i++) big[i * PAGE] = 1;
  a = child(writes, 0);
  b = child(writes, N);
  getrusage(RUSAGE_CHILDREN, &c);
  printf("%ld %ld %ld\\n", a.ru_minflt, b.ru_minflt, c.ru_minflt);
  return 0;
}
`);
    // The two children run the same code but for the N writes.
    expect(some! - none!).toBe(37);
    expect(children).toBe(none! + some!);
  });

  it('count a fault to the thread that took it: its RUSAGE_THREAD, and the process\'s RUSAGE_SELF', TIMEOUT, () => {
    const [[worker, main, self]] = numbers(`#define N 23
static char *region;
static long worker_faults;
static void *work(void *arg) {
  struct rusage before, after;
  getrusage(RUSAGE_THREAD, &before);
  for (int i = 0; i < N; i++) region[i * PAGE] = 1;
  getrusage(RUSAGE_THREAD, &after);
  worker_faults = after.ru_minflt - before.ru_minflt;
  return arg;
}
int main(void) {
  struct rusage main0, main1, self0, self1;
  pthread_t t;
  region = mmap(NULL, N * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  pthread_create(&t, NULL, work, NULL);
  getrusage(RUSAGE_THREAD, &main0);
  getrusage(RUSAGE_SELF, &self0);
  pthread_join(t, NULL);
  getrusage(RUSAGE_THREAD, &main1);
  getrusage(RUSAGE_SELF, &self1);
  printf("%ld %ld %ld\\n", worker_faults, main1.ru_minflt - main0.ru_minflt, self1.ru_minflt - self0.ru_minflt);
  return 0;
}
`);
    expect(worker).toBe(23);
    expect(main).toBe(0);
    // The worker's faults stay the process's once it has gone (__exit_signal adds them to the signal_struct).
    expect(self).toBeGreaterThanOrEqual(23);
  });

  it('count one voluntary switch per sleep, and the exit\'s last switch in what wait4 reports', TIMEOUT, () => {
    const [[slept, nivcsw], [waited]] = numbers(`static void sleeps(long k) {
  struct rusage before, after;
  getrusage(RUSAGE_SELF, &before);
  for (long i = 0; i < k; i++) nap();
  getrusage(RUSAGE_SELF, &after);
  printf("%ld %ld\\n", after.ru_nvcsw - before.ru_nvcsw, after.ru_nivcsw - before.ru_nivcsw);
  fflush(stdout);
}
int main(void) {
  struct rusage ru;
  ru = child(sleeps, 5);
  printf("%ld\\n", ru.ru_nvcsw);
  return 0;
}
`);
    expect(slept).toBe(5);
    expect(nivcsw).toBe(0);
    // Its five sleeps and its last switch, away from the CPU as it dies (do_task_dead's schedule()).
    expect(waited).toBe(6);
  });

  it('count an involuntary switch when the tick preempts a task that could go on running', TIMEOUT, () => {
    const [[nvcsw, nivcsw]] = numbers(`static void spin(long n) {
  volatile long x = 0;
  for (long i = 0; i < n; i++) x += i;
}
int main(void) {
  struct rusage ru;
  pid_t pid = fork();
  if (pid == 0) {
    spin(200000);
    _exit(0);
  }
  spin(200000);
  waitpid(pid, NULL, 0);
  getrusage(RUSAGE_CHILDREN, &ru);
  printf("%ld %ld\\n", ru.ru_nvcsw, ru.ru_nivcsw);
  return 0;
}
`);
    expect(nvcsw).toBe(1);
    expect(nivcsw).toBeGreaterThan(0);
  });

  it('report maxrss in KiB: the pages a child touched on top of its sibling\'s, 4 KiB each', TIMEOUT, () => {
    const [[small, large, children, self0, self1, self2]] = numbers(`static void touches(long n) {
  char *p = mmap(NULL, n * PAGE + 1, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  for (long i = 0; i < n; i++) p[i * PAGE] = 1;
}
int main(void) {
  struct rusage a, b, c, s0, s1, s2;
  a = child(touches, 0);
  b = child(touches, 300);
  getrusage(RUSAGE_CHILDREN, &c);
  getrusage(RUSAGE_SELF, &s0);
  char *p = mmap(NULL, 100 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  for (int i = 0; i < 100; i++) p[i * PAGE] = 1;
  getrusage(RUSAGE_SELF, &s1);
  munmap(p, 100 * PAGE);
  getrusage(RUSAGE_SELF, &s2);
  printf("%ld %ld %ld %ld %ld %ld\\n", a.ru_maxrss, b.ru_maxrss, c.ru_maxrss, s0.ru_maxrss, s1.ru_maxrss, s2.ru_maxrss);
  return 0;
}
`);
    expect(large! - small!).toBe(300 * 4);
    expect(children).toBe(large);
    expect(self1! - self0!).toBe(100 * 4);
    // A high-water mark: the pages unmapped still count.
    expect(self2).toBe(self1);
  });

  it('fail with EINVAL for another who, EFAULT for a buffer it cannot write', TIMEOUT, () => {
    const rows = numbers(`#include <errno.h>
int main(void) {
  struct rusage ru;
  int r;
  r = getrusage(-2, &ru);
  printf("%d %d\\n", r, errno == EINVAL);
  r = getrusage(RUSAGE_SELF, (struct rusage *)16);
  printf("%d %d\\n", r, errno == EFAULT);
  r = getrusage(RUSAGE_SELF, (struct rusage *)mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
  printf("%d %d\\n", r, errno == EFAULT);
  return 0;
}
`);
    expect(rows).toEqual([[-1, 1], [-1, 1], [-1, 1]]);
  });
});

describe('--trace', () => {
  it('shows getrusage and wait4\'s rusage as strace 6.1 does without -v: the times, then "..."', TIMEOUT, () => {
    const c = compileC(`#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
int main(void) {
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  getrusage(5, &ru);
  getrusage(RUSAGE_CHILDREN, NULL);
  wait4(-1, NULL, WNOHANG, &ru);
  pid_t pid = fork();
  if (pid == 0) _exit(3);
  int status;
  wait4(pid, &status, 0, &ru);
  wait3(&status, WNOHANG, NULL);
  return 0;
}
`);
    if (!c.program) throw new Error(formatDiagnostics(c.diagnostics, c.sources));
    let trace = '';
    createMachine(c.program, { argv: ['./prog'], stdio: 'pipe', stdout: () => {}, stderr: () => {} }, { trace: (s) => (trace += s) }).run();
    // strace -f's lines for the same program compiled with cc, times, PIDs and addresses aside. (The
    // first four lines are the execve and __tls_init_tp's set_tid_address, set_robust_list and rseq.)
    const lines = trace.split('\n').slice(4).filter((l) => !/set_robust_list|\+\+\+ exited|--- SIGCHLD/.test(l));
    const tv = '\\{tv_sec=0, tv_usec=\\d+\\}';
    expect(lines).toEqual([
      expect.stringMatching(new RegExp(`^getrusage\\(RUSAGE_SELF, \\{ru_utime=${tv}, ru_stime=${tv}, \\.\\.\\.\\}\\) = 0$`)),
      expect.stringMatching(/^getrusage\(0x5 \/\* RUSAGE_\?\?\? \*\/, 0x[0-9a-f]+\) = -1 EINVAL \(Invalid argument\)$/),
      'getrusage(RUSAGE_CHILDREN, NULL)        = -1 EFAULT (Bad address)',
      expect.stringMatching(/^wait4\(-1, NULL, WNOHANG, 0x[0-9a-f]+\) += -1 ECHILD \(No child processes\)$/),
      expect.stringMatching(/^clone\(child_stack=NULL, flags=CLONE_CHILD_CLEARTID\|CLONE_CHILD_SETTID\|SIGCHLD, child_tidptr=0x[0-9a-f]+\) = \d+$/),
      expect.stringMatching(/^\[pid +\d+\] wait4\(\d+,  <unfinished \.\.\.>$/),
      expect.stringMatching(/^\[pid +\d+\] exit_group\(3\) += \?$/),
      expect.stringMatching(new RegExp(`^<\\.\\.\\. wait4 resumed>\\[\\{WIFEXITED\\(s\\) && WEXITSTATUS\\(s\\) == 3\\}\\], 0, \\{ru_utime=${tv}, ru_stime=${tv}, \\.\\.\\.\\}\\) = \\d+$`)),
      // No child left to report: the address, not the struct.
      expect.stringMatching(/^wait4\(-1, 0x[0-9a-f]+, WNOHANG, NULL\) += -1 ECHILD \(No child processes\)$/),
      'exit_group(0)                           = ?',
      '',
    ]);
  });
});
