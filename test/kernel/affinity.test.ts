// sched_setaffinity, sched_getaffinity, sched_getcpu and sched_yield, with glibc's cpu_set_t macros:
// affinity restricts where a task runs (and is inherited by fork), and errors are Linux's.
import { describe, expect, it } from 'vitest';
import { compile, createMachine, formatDiagnostics } from '../../debug-adapter/engine/index';

function runOn(source: string, cpus: number, policy?: 'cfs' | 'fifo', trace = false): { stdout: string; trace: string; status: number | undefined } {
  const file = '/w/prog.c';
  const c = compile(file, { readFile: (p) => (p === file ? source : undefined) });
  if (!c.program) throw new Error(formatDiagnostics(c.diagnostics, c.sources));
  const out: Uint8Array[] = [];
  let traced = '';
  const machine = createMachine(
    c.program,
    { argv: ['./prog'], stdio: 'pipe', maxSteps: 20_000_000, stdout: (b) => out.push(b.slice()), stderr: () => {} },
    { cpus, sched: policy ? { policy } : undefined, trace: trace ? (t) => (traced += t) : undefined },
  );
  const outcome = machine.run();
  return { stdout: Buffer.concat(out).toString(), trace: traced, status: outcome.kind === 'exited' ? outcome.status : undefined };
}

const HEADER = `#define _GNU_SOURCE
#include <sched.h>
#include <stdio.h>
#include <errno.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
`;

describe('sched_setaffinity', () => {
  it('pins the caller to a CPU: sched_getcpu() then says that CPU, and a child inherits the mask', () => {
    const r = runOn(
      `${HEADER}
int main(void) {
  cpu_set_t set;
  CPU_ZERO(&set);
  CPU_SET(2, &set);
  printf("set %d\\n", sched_setaffinity(0, sizeof set, &set));
  printf("cpu %d\\n", sched_getcpu());
  CPU_ZERO(&set);
  int got = sched_getaffinity(0, sizeof set, &set);
  printf("get %d count %d isset2 %d isset0 %d\\n", got, CPU_COUNT(&set), CPU_ISSET(2, &set), CPU_ISSET(0, &set));
  fflush(stdout);
  if (fork() == 0) {
    volatile int s = 0;
    for (int k = 0; k < 20000; k++) s++;
    printf("child cpu %d\\n", sched_getcpu());
    fflush(stdout);
    _exit(0);
  }
  wait(NULL);
  return 0;
}
`,
      4,
    );
    expect(r.stdout).toBe('set 0\ncpu 2\nget 0 count 1 isset2 1 isset0 0\nchild cpu 2\n');
  });

  it('refuses an empty mask and a mask of offline CPUs (EINVAL), and an unknown PID (ESRCH), as Linux does', () => {
    const source = `${HEADER}
static void try(const char *what, pid_t pid, int cpu) {
  cpu_set_t set;
  CPU_ZERO(&set);
  if (cpu >= 0) CPU_SET(cpu, &set);
  errno = 0;
  int r = sched_setaffinity(pid, sizeof set, &set);
  printf("%s: %d %s\\n", what, r, r ? strerror(errno) : "ok");
}
int main(void) {
  cpu_set_t all;
  try("empty", 0, -1);
  try("offline", 0, 200);
  try("no such process", 999999, 0);
  try("cpu 0", 0, 0);
  CPU_ZERO(&all);
  errno = 0;
  int r = sched_getaffinity(0, 4, &all);
  printf("getaffinity of 4 bytes: %d %s\\n", r, strerror(errno));
  printf("cpu %d\\n", sched_getcpu());
  return 0;
}
`;
    const expected = 'empty: -1 Invalid argument\noffline: -1 Invalid argument\nno such process: -1 No such process\ncpu 0: 0 ok\ngetaffinity of 4 bytes: -1 Invalid argument\ncpu 0\n';
    expect(runOn(source, 2).stdout).toBe(expected);
    expect(runOn(source, 1).stdout).toBe(expected);
  });

  it('shows the calls as strace does', () => {
    const r = runOn(
      `${HEADER}
int main(void) {
  cpu_set_t set;
  CPU_ZERO(&set);
  CPU_SET(1, &set);
  CPU_SET(3, &set);
  sched_setaffinity(0, sizeof set, &set);
  sched_getaffinity(0, sizeof set, &set);
  CPU_ZERO(&set);
  sched_setaffinity(0, sizeof set, &set);
  sched_yield();
  return 0;
}
`,
      4,
      undefined,
      true,
    );
    const lines = r.trace.split('\n').map((l) => l.replace(/ +=/, ' ='));
    expect(lines).toEqual(
      expect.arrayContaining([
        'sched_setaffinity(0, 128, [1 3]) = 0',
        'sched_getaffinity(0, 128, [1 3]) = 8',
        'sched_setaffinity(0, 128, []) = -1 EINVAL (Invalid argument)',
        'sched_yield() = 0',
      ]),
    );
  });
});

describe('sched_yield', () => {
  // Both children are pinned to CPU 1 from birth (they inherit the parent's mask); the parent then
  // leaves for CPU 0, and each child writes its letter and yields, six times.
  const YIELD = `${HEADER}
int main(void) {
  int fds[2];
  char buf[64];
  cpu_set_t set;
  pipe(fds);
  CPU_ZERO(&set);
  CPU_SET(1, &set);
  sched_setaffinity(0, sizeof set, &set);
  for (int i = 0; i < 2; i++) {
    if (fork() == 0) {
      for (int j = 0; j < 6; j++) {
        char c = 'a' + i;
        write(fds[1], &c, 1);
        sched_yield();
      }
      _exit(0);
    }
  }
  CPU_ZERO(&set);
  CPU_SET(0, &set);
  sched_setaffinity(0, sizeof set, &set);
  close(fds[1]);
  int n, len = 0;
  while ((n = read(fds[0], buf + len, sizeof buf - len)) > 0) len += n;
  while (wait(NULL) > 0) {
  }
  printf("%.*s\\n", len, buf);
  return 0;
}
`;

  it('alternates two tasks that share a CPU, under cfs and under round robin', () => {
    expect(runOn(YIELD, 2).stdout).toBe('abababababab\n');
    expect(runOn(YIELD, 4, 'fifo').stdout).toBe('abababababab\n');
  });
});
