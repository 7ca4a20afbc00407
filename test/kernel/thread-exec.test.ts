// execve from a thread other than main (fs/exec.c's de_thread): the other threads die, the exec'ing
// thread takes over the leader's PID, and the process, its parent's view of it and the run's exit
// status all carry on in the new program.
import { describe, expect, it } from 'vitest';
import { compile, run } from '../../debug-adapter/engine/index';

function runFiles(files: Record<string, string>) {
  const c = compile('/w/prog.c', { readFile: (p: string) => files[p] });
  if (!c.program) throw new Error(JSON.stringify(c.diagnostics));
  const out: Uint8Array[] = [];
  const outcome = run(c.program, { argv: ['./prog'], stdio: 'pipe', stdout: (b) => out.push(b.slice()), stderr: () => {} });
  return { outcome, stdout: Buffer.concat(out).toString() };
}

const AFTER = `#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
int main(int argc, char **argv) {
  printf("after: getpid same %d, gettid is getpid %d, ppid same %d\\n",
         getpid() == atoi(argv[1]), gettid() == getpid(), getppid() == atoi(argv[2]));
  return 6;
}
`;

describe('exec from a non-leader thread', () => {
  it("keeps the PID: the new program has the leader's PID as both pid and tid, and the run ends with its status", () => {
    const r = runFiles({
      '/w/prog.c': `#include <pthread.h>
#include <stdio.h>
#include <unistd.h>
static char pid[16], ppid[16];
static void *worker(void *arg) {
  (void)arg;
  printf("thread: tid differs from pid %d\\n", gettid() != getpid());
  fflush(stdout);
  execl("./after", "after", pid, ppid, (char *)0);
  return 0;
}
int main(void) {
  snprintf(pid, sizeof pid, "%d", getpid());
  snprintf(ppid, sizeof ppid, "%d", getppid());
  pthread_t t;
  pthread_create(&t, 0, worker, 0);
  sleep(10);
  printf("main survived the exec\\n");
  return 1;
}
`,
      '/w/after.c': AFTER,
    });
    expect(r.stdout).toBe('thread: tid differs from pid 1\nafter: getpid same 1, gettid is getpid 1, ppid same 1\n');
    expect(r.outcome).toMatchObject({ kind: 'exited', status: 6 });
  });

  it('kills every other thread, the leader included, and the new program runs alone', () => {
    const r = runFiles({
      '/w/prog.c': `#include <pthread.h>
#include <stdio.h>
#include <unistd.h>
static void *sleeper(void *arg) { (void)arg; sleep(10); printf("a sleeper survived\\n"); return 0; }
static void *execer(void *arg) {
  (void)arg;
  sleep(1);
  execl("/bin/echo", "echo", "alone", (char *)0);
  return 0;
}
int main(void) {
  pthread_t a, b, c;
  pthread_create(&a, 0, sleeper, 0);
  pthread_create(&b, 0, sleeper, 0);
  pthread_create(&c, 0, execer, 0);
  pthread_join(a, 0);
  printf("main survived\\n");
  return 1;
}
`,
    });
    expect(r.stdout).toBe('alone\n');
    expect(r.outcome).toMatchObject({ kind: 'exited', status: 0 });
  });
});
