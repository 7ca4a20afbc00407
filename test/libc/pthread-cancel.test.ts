// Thread cancellation as the system calls show it (the differential programs thread_cancel_* check
// what a program sees): SIGCANCEL goes only to a thread whose cancellation is enabled and
// asynchronous, which a cancellation point makes it while it blocks; and a single-threaded process's
// cancellation points make no call beyond their own.
import { beforeAll, describe, expect, it } from 'vitest';
import { compile, createMachine, formatDiagnostics } from '../../debug-adapter/engine/index';
import { kernelImage } from '../../debug-adapter/engine/kernel/image';

// The kernel compiles once per test worker: that time belongs to no test.
beforeAll(() => {
  kernelImage();
}, 60_000);

function runTraced(source: string): { stdout: string; trace: string; status: number | undefined } {
  const file = '/w/prog.c';
  const c = compile(file, { readFile: (p) => (p === file ? source : undefined) });
  if (!c.program) throw new Error(formatDiagnostics(c.diagnostics, c.sources));
  const out: Uint8Array[] = [];
  let trace = '';
  const machine = createMachine(
    c.program,
    { argv: ['./prog'], stdio: 'pipe', maxSteps: 20_000_000, stdout: (b) => out.push(b.slice()), stderr: () => {} },
    { trace: (t) => (trace += t) },
  );
  const outcome = machine.run();
  return { stdout: Buffer.concat(out).toString(), trace, status: outcome.kind === 'exited' ? outcome.status : undefined };
}

/** The trace's lines for one thread ([pid N] prefix), without the prefix. */
function linesOf(trace: string, tid: number): string[] {
  const prefix = `[pid ${String(tid).padStart(5)}] `;
  return trace.split('\n').filter((l) => l.startsWith(prefix)).map((l) => l.slice(prefix.length));
}

const HEADER = `#include <pthread.h>
#include <stdio.h>
#include <unistd.h>
`;

describe('pthread_cancel', () => {
  it('interrupts a thread blocked in read with SIGCANCEL from tgkill, installing the handler at the first cancel', () => {
    const r = runTraced(`${HEADER}
static int fds[2];
static pid_t reader_tid;
static void *reader(void *arg) {
  char c;
  reader_tid = gettid();
  read(fds[0], &c, 1);
  return NULL;
}
int main(void) {
  pthread_t t;
  void *res;
  pipe(fds);
  pthread_create(&t, NULL, reader, NULL);
  sleep(1);
  pthread_cancel(t);
  pthread_join(t, &res);
  printf("%d %d %d\\n", getpid(), reader_tid, res == PTHREAD_CANCELED);
  return 0;
}
`);
    expect(r.status).toBe(0);
    const [pid, tid, canceled] = r.stdout.trim().split(' ').map(Number);
    expect(canceled).toBe(1);
    const main = linesOf(r.trace, pid!).join('\n');
    // No handler before the first cancel; then SA_SIGINFO | SA_RESTART's handler, and the signal.
    // strace names the kernel's signal 32 (glibc's SIGCANCEL) SIGRTMIN.
    expect(r.trace.indexOf('rt_sigaction(SIGRTMIN')).toBeGreaterThan(r.trace.indexOf('clone('));
    expect(main).toContain(`tgkill(${pid}, ${tid}, SIGRTMIN)`);
    const reader = linesOf(r.trace, tid!);
    const signal = reader.findIndex((l) => l.startsWith('--- SIGRTMIN {si_signo=SIGRTMIN, si_code=SI_TKILL'));
    expect(signal).toBeGreaterThan(reader.findIndex((l) => l.startsWith('read(3,')));
    expect(reader.slice(signal).some((l) => l.startsWith('exit(0)'))).toBe(true);
    // A thread finds its descriptor through the thread pointer, as glibc does, with no system call.
    expect(r.trace).not.toContain('arch_prctl(');
  });

  it('sends no signal to a thread whose cancellation is deferred outside a cancellation point, or disabled', () => {
    const r = runTraced(`${HEADER}
static volatile int go;
static void *worker(void *arg) {
  if (arg)
    pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, NULL);
  while (!go)
    ;
  if (arg)
    pthread_setcancelstate(PTHREAD_CANCEL_ENABLE, NULL);
  pthread_testcancel();
  return NULL;
}
int main(void) {
  pthread_t t[2];
  void *res[2];
  long i;
  for (i = 0; i < 2; i++)
    pthread_create(&t[i], NULL, worker, (void *)i);
  usleep(1000);
  for (i = 0; i < 2; i++)
    pthread_cancel(t[i]);
  go = 1;
  for (i = 0; i < 2; i++)
    pthread_join(t[i], &res[i]);
  printf("%d %d\\n", res[0] == PTHREAD_CANCELED, res[1] == PTHREAD_CANCELED);
  return 0;
}
`);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('1 1\n');
    expect(r.trace).not.toContain('tgkill(');
  });

  it('costs a single-threaded process no system call: its cancellation points only make their own', () => {
    const r = runTraced(`${HEADER}
#include <sys/wait.h>
int main(void) {
  int fds[2];
  char c;
  pipe(fds);
  write(fds[1], "x", 1);
  read(fds[0], &c, 1);
  if (fork() == 0)
    _exit(0);
  wait(NULL);
  usleep(10);
  return 0;
}
`);
    expect(r.status).toBe(0);
    expect(r.trace).not.toContain('arch_prctl');
    expect(r.trace).not.toContain('rt_sigaction(SIGRTMIN');
  });
});
