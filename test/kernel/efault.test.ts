// System calls reach the caller's memory only through copy_from_user, copy_to_user and put_user, so a
// bad pointer is -EFAULT, never a fault inside the kernel, and --trace shows the pointer as strace
// does: the address in hex, a kernel address as the unsigned 64-bit number. (The differential program
// efault_syscalls.c compares the results with a native run.)
import { describe, expect, it } from 'vitest';
import { formatDiagnostics, createMachine } from '../../debug-adapter/engine/index';
import { compileC } from '../support/run-c';

const TIMEOUT = { timeout: 60_000 };

/** The program's trace after glibc's start-up calls (execve, set_tid_address, set_robust_list, rseq). */
function traceOf(source: string): string[] {
  const c = compileC(source);
  if (!c.program) throw new Error(formatDiagnostics(c.diagnostics, c.sources));
  let trace = '';
  createMachine(c.program, { argv: ['./prog'], stdio: 'pipe', stdout: () => {}, stderr: () => {} }, { trace: (s) => (trace += s) }).run();
  return trace.split('\n').slice(4);
}

describe('--trace of EFAULT', () => {
  it('shows each bad pointer in hex, as strace -f shows the same program compiled with cc', TIMEOUT, () => {
    const lines = traceOf(`#define _GNU_SOURCE
#include <sched.h>
#include <signal.h>
#include <sys/prctl.h>
#include <time.h>
int main(void) {
  sigset_t s;
  sigemptyset(&s);
  sigaddset(&s, SIGUSR1);
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, (void *)0xffffffff81000000UL);
  clock_getres(CLOCK_THREAD_CPUTIME_ID, (void *)16);
  sigprocmask(SIG_BLOCK, NULL, (void *)0x200000000000UL);
  sigpending((void *)16);
  sigtimedwait(&s, NULL, (void *)0xffffffff81000000UL);
  sched_getaffinity(0, 128, (void *)0x200000000000UL);
  sched_getparam(0, (void *)16);
  sched_setscheduler(0, SCHED_OTHER, (void *)0xffffffff81000000UL);
  prctl(PR_GET_NAME, (void *)0x200000000000UL);
  prctl(PR_SET_NAME, (void *)16);
  prctl(PR_GET_CHILD_SUBREAPER, (void *)0xffffffff81000000UL);
  sigsuspend((void *)0x200000000000UL);
  return 0;
}
`);
    expect(lines).toEqual([
      'clock_gettime(CLOCK_PROCESS_CPUTIME_ID, 0xffffffff81000000) = -1 EFAULT (Bad address)',
      'clock_getres(CLOCK_THREAD_CPUTIME_ID, 0x10) = -1 EFAULT (Bad address)',
      'rt_sigprocmask(SIG_BLOCK, NULL, 0x200000000000, 8) = -1 EFAULT (Bad address)',
      'rt_sigpending(0x10, 8)                  = -1 EFAULT (Bad address)',
      'rt_sigtimedwait([USR1], NULL, 0xffffffff81000000, 8) = -1 EFAULT (Bad address)',
      'sched_getaffinity(0, 128, 0x200000000000) = -1 EFAULT (Bad address)',
      'sched_getparam(0, 0x10)                 = -1 EFAULT (Bad address)',
      'sched_setscheduler(0, SCHED_OTHER, 0xffffffff81000000) = -1 EFAULT (Bad address)',
      'prctl(PR_GET_NAME, 0x200000000000)      = -1 EFAULT (Bad address)',
      'prctl(PR_SET_NAME, 0x10)                = -1 EFAULT (Bad address)',
      'prctl(PR_GET_CHILD_SUBREAPER, 0xffffffff81000000) = -1 EFAULT (Bad address)',
      'rt_sigsuspend(0x200000000000, 8)        = -1 EFAULT (Bad address)',
      'exit_group(0)                           = ?',
      '+++ exited with 0 +++',
      '',
    ]);
  });

  it("shows prctl's getters' answers when they succeed: the name, the flag or signal in brackets", TIMEOUT, () => {
    const lines = traceOf(`#include <signal.h>
#include <sys/prctl.h>
int main(void) {
  char name[16];
  int flag;
  prctl(PR_SET_NAME, "abc");
  prctl(PR_GET_NAME, name);
  prctl(PR_GET_CHILD_SUBREAPER, &flag);
  prctl(PR_GET_PDEATHSIG, &flag);
  prctl(PR_SET_PDEATHSIG, SIGUSR2);
  prctl(PR_GET_PDEATHSIG, &flag);
  prctl(PR_SET_PDEATHSIG, 99);
  return 0;
}
`);
    // As strace 6.1 prints the same program compiled with cc.
    expect(lines.slice(0, 7)).toEqual([
      'prctl(PR_SET_NAME, "abc")               = 0',
      'prctl(PR_GET_NAME, "abc")               = 0',
      'prctl(PR_GET_CHILD_SUBREAPER, [0])      = 0',
      'prctl(PR_GET_PDEATHSIG, [0])            = 0',
      'prctl(PR_SET_PDEATHSIG, SIGUSR2)        = 0',
      'prctl(PR_GET_PDEATHSIG, [SIGUSR2])      = 0',
      'prctl(PR_SET_PDEATHSIG, 99)             = -1 EINVAL (Invalid argument)',
    ]);
  });
});
