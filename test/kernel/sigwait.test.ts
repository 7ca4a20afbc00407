// sigwait and sigqueue where the differential program (process-programs/sigwait_sigqueue.c) cannot
// look: a thread that sleeps in sigwait for a signal sent to the process, a handler that interrupts
// the wait without ending it, and a wait nothing will end, which is the run's deadlock, not a hang.
// Each output was checked against the same program compiled with cc.
import { describe, expect, it } from 'vitest';
import { runC } from '../support/run-c';

function run(source: string) {
  const r = runC(source);
  expect(r.diagnostics).toBe('');
  return r;
}

describe('sigwait', () => {
  it('a thread sleeping in sigwait takes the process\'s signal that every thread blocks', () => {
    const r = run(`#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>
static sigset_t set;
static void *waiter(void *arg) {
  int sig;
  int r = sigwait(&set, &sig);
  printf("waiter: %d sig %d\\n", r, sig);
  return 0;
}
int main(void) {
  pthread_t t;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &set, 0);
  pthread_create(&t, 0, waiter, 0);
  usleep(1000);
  kill(getpid(), SIGTERM);
  pthread_join(t, 0);
  printf("main: done\\n");
  return 0;
}
`);
    expect(r.stdout).toBe('waiter: 0 sig 15\nmain: done\n');
    expect(r.outcome).toMatchObject({ kind: 'exited', status: 0 });
  });

  it('goes on waiting after a handler for another signal runs (glibc retries EINTR)', () => {
    const r = run(`#include <signal.h>
#include <stdio.h>
#include <unistd.h>
static volatile int usr2;
static void on_usr2(int sig) { usr2++; }
int main(void) {
  sigset_t set;
  int sig;
  signal(SIGUSR2, on_usr2);
  sigemptyset(&set);
  sigaddset(&set, SIGUSR1);
  sigprocmask(SIG_BLOCK, &set, 0);
  if (fork() == 0) {
    usleep(2000);
    kill(getppid(), SIGUSR2);
    usleep(2000);
    kill(getppid(), SIGUSR1);
    _exit(0);
  }
  int r = sigwait(&set, &sig);
  printf("%d sig %d after %d SIGUSR2\\n", r, sig, usr2);
  return 0;
}
`);
    expect(r.stdout).toBe('0 sig 10 after 1 SIGUSR2\n');
  });

  it('a wait that nothing can end is reported as the run\'s deadlock', () => {
    const r = run(`#include <signal.h>
int main(void) {
  sigset_t set;
  int sig;
  sigemptyset(&set);
  sigaddset(&set, SIGUSR1);
  sigprocmask(SIG_BLOCK, &set, 0);
  sigwait(&set, &sig);
  return 0;
}
`);
    expect(r.outcome?.kind).toBe('deadlock');
  });
});
