// Faults through the kernel (force_sig_fault), thread-directed signals (tgkill) and orphaned process
// groups, for what the process differential suite cannot show: a handler that returns into its fault
// forever, and system-call results. Each expectation that a native run can show was checked against
// the same program compiled with cc (with _GNU_SOURCE for tgkill and gettid).
import { describe, expect, it } from 'vitest';
import { runC } from '../support/run-c';

function run(source: string, maxSteps?: number) {
  const r = runC(source, { maxSteps });
  expect(r.diagnostics).toBe('');
  return r;
}

describe('faults', () => {
  it('keeps the kernel\'s memory from user code: a load or store there is SIGSEGV, a system call given such a buffer EFAULT', () => {
    // Every process maps the kernel, for its system calls, but only kernel code may touch it (the page
    // tables' user bit); the vDSO's clock data, Linux's [vvar] page, is the one part user code reads.
    // Natively the same addresses are not canonical, and also fault.
    const r = run(`#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
static volatile int step;
static void on_segv(int sig) {
  printf("SIGSEGV at step %d\\n", step);
  fflush(stdout);
  _exit(0);
}
int main(void) {
  char *kernel = (char *)0x1fff8880000000L;
  int p[2];
  struct timespec t;
  pipe(p);
  write(p[1], "xyz", 3);
  long n = read(p[0], kernel, 3);
  printf("read into the kernel: %ld %s\\n", n, strerror(errno));
  n = write(p[1], kernel, 3);
  printf("write from the kernel: %ld %s\\n", n, strerror(errno));
  printf("clock_gettime through the vDSO: %d\\n", clock_gettime(CLOCK_MONOTONIC, &t));
  signal(SIGSEGV, on_segv);
  step = 1;
  kernel[0] = 1;
  step = 2;
  return 0;
}`);
    expect(r.stdout).toBe(
      ['read into the kernel: -1 Bad address', 'write from the kernel: -1 Bad address', 'clock_gettime through the vDSO: 0', 'SIGSEGV at step 1', ''].join('\n'),
    );
  });

  it('runs the handler again each time a returning SIGSEGV handler re-executes the fault, until the step limit', () => {
    const r = run(`#include <signal.h>
#include <unistd.h>
static void on_segv(int sig) { write(1, "x", 1); }
int main(void) {
  signal(SIGSEGV, on_segv);
  *(volatile int *)0 = 1;
  write(1, "not reached", 11);
  return 0;
}`, 200_000);
    expect(r.outcome?.kind).toBe('step-limit');
    expect(r.stdout).toMatch(/^x{10,}$/);
  });

  it("gives a fault's siginfo si_code SEGV_MAPERR", () => {
    const r = run(`#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
static void on_segv(int sig, siginfo_t *info, void *ctx) {
  printf("signo %d code %d (SEGV_MAPERR %d)\\n", info->si_signo, info->si_code, info->si_code == SEGV_MAPERR);
  fflush(stdout);
  _exit(0);
}
int main(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = on_segv;
  sa.sa_flags = SA_SIGINFO;
  sigaction(SIGSEGV, &sa, NULL);
  *(volatile int *)16 = 1;
  return 1;
}`);
    expect(r.stdout).toBe('signo 11 code 1 (SEGV_MAPERR 1)\n');
    expect(r.outcome).toMatchObject({ kind: 'exited', status: 0 });
  });

  it('kills with SIGSEGV when the stack overflows, even with a handler (no room for its frame)', () => {
    const r = run(`#include <signal.h>
#include <unistd.h>
static void on_segv(int sig) { write(1, "handler\\n", 8); _exit(3); }
static int down(int n) { volatile char pad[256]; pad[0] = n; return down(n + 1) + pad[0]; }
int main(void) {
  signal(SIGSEGV, on_segv);
  return down(0);
}`, 5_000_000);
    expect(r.stdout).toBe('');
    expect(r.outcome).toMatchObject({ kind: 'signaled', signal: 11 });
  });
});

describe('abort', () => {
  it("runs a SIGABRT handler when assert() fails, then dies of SIGABRT", () => {
    const r = run(`#include <assert.h>
#include <signal.h>
#include <unistd.h>
static void on_abrt(int sig) { write(1, "handler: SIGABRT\\n", 17); }
int main(void) {
  signal(SIGABRT, on_abrt);
  int x = 0;
  assert(x > 0);
  return 0;
}`);
    expect(r.stdout).toBe('handler: SIGABRT\n');
    expect(r.stderr).toBe("prog: /work/prog.c:8: main: Assertion `x > 0' failed.\n");
    expect(r.outcome).toMatchObject({ kind: 'signaled', signal: 6 });
  });
});

describe('tgkill', () => {
  it('fails with ESRCH for a missing thread or one of another process, EINVAL for tgid 0', () => {
    const r = run(`#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
int main(void) {
  int r = tgkill(getpid(), 999999, 0);
  printf("no such thread: %d %s\\n", r, strerror(errno));
  r = tgkill(getpid() + 1000000, gettid(), 0);
  printf("wrong process: %d %s\\n", r, strerror(errno));
  r = tgkill(0, gettid(), 0);
  printf("tgid 0: %d %s\\n", r, strerror(errno));
  r = tgkill(getpid(), gettid(), 0);
  printf("self, signal 0: %d\\n", r);
  return 0;
}`);
    expect(r.stdout).toBe('no such thread: -1 No such process\nwrong process: -1 No such process\ntgid 0: -1 Invalid argument\nself, signal 0: 0\n');
  });
});

describe('orphaned process groups', () => {
  it('sends no SIGHUP when the orphaned group has no stopped member', () => {
    const r = run(`#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>
static void on_hup(int sig) { write(1, "child: SIGHUP\\n", 14); }
int main(void) {
  int ready[2];
  pipe(ready);
  setpgid(0, 0);
  pid_t parent = getpid();
  if (fork() == 0) {
    signal(SIGHUP, on_hup);
    close(ready[0]);
    write(ready[1], "r", 1);
    while (getppid() == parent) usleep(1000);
    printf("child: reparented, no SIGHUP since nothing in the group was stopped\\n");
    exit(0);
  }
  char b;
  read(ready[0], &b, 1);
  _exit(0);
}`);
    expect(r.stdout).toBe('child: reparented, no SIGHUP since nothing in the group was stopped\n');
  });
});
