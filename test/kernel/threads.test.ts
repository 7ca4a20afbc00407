// Threads in the task_structs (what a native run cannot show): a thread is a task of its own with the
// process's tgid, on its leader's thread_group ring, no child of anyone, ending with no signal; and
// copy_process's checks on clone's flags.
import { describe, expect, it } from 'vitest';
import { createMachine } from '../../debug-adapter/engine/index';
import { kernelImage } from '../../debug-adapter/engine/kernel/image';
import { StructView } from '../../debug-adapter/engine/kernel/layout';
import type { AddressSpace } from '../../debug-adapter/engine/vm/memory';
import { compileC, runC } from '../support/run-c';

interface TaskInfo {
  addr: number;
  pid: number;
  tgid: number;
  groupLeader: number;
  exitSignal: number;
  comm: string;
}

/** Reads the kernel's task lists after a run: processes from init_task.tasks, threads from each ring. */
class Tasks {
  private readonly task = new StructView(kernelImage().taskStruct);
  constructor(private readonly kmem: AddressSpace) {}

  private info(addr: number): TaskInfo {
    const get = (f: string) => this.task.get(this.kmem, addr, f);
    return { addr, pid: get('pid'), tgid: get('tgid'), groupLeader: get('group_leader'), exitSignal: get('exit_signal'), comm: this.task.getString(this.kmem, addr, 'comm') };
  }

  /** The members of the list whose head is at `head`, each `member` of a task_struct. */
  private list(head: number, member: string): number[] {
    const out: number[] = [];
    for (let node = Number(this.kmem.readU64(head)); node !== head; node = Number(this.kmem.readU64(node))) out.push(node - this.task.offsetOf(member));
    return out;
  }

  processes(): TaskInfo[] {
    const initTask = kernelImage().program.globals.get('init_task')!.addr;
    return this.list(initTask + this.task.offsetOf('tasks'), 'tasks').map((a) => this.info(a));
  }

  /** The other tasks on p's thread_group ring. */
  threadsOf(p: TaskInfo): TaskInfo[] {
    return this.list(p.addr + this.task.offsetOf('thread_group'), 'thread_group').map((a) => this.info(a));
  }

  children(p: TaskInfo): TaskInfo[] {
    return this.list(p.addr + this.task.offsetOf('children'), 'sibling').map((a) => this.info(a));
  }
}

/** Runs until every task sleeps for good, and returns the machine's task lists as they are then. */
function runToSleep(source: string): { tasks: Tasks; stdout: string } {
  const compiled = compileC(source);
  if (!compiled.program) throw new Error(JSON.stringify(compiled.diagnostics));
  const out: Uint8Array[] = [];
  const machine = createMachine(compiled.program, { argv: ['./prog'], stdio: 'pipe', stdout: (b) => out.push(b.slice()), stderr: () => {} });
  const outcome = machine.run();
  expect(outcome.kind).toBe('deadlock');
  return { tasks: new Tasks(machine.kmem), stdout: Buffer.concat(out).toString() };
}

const SIGCHLD = 17;

describe('threads in the task_structs', () => {
  it('a pthread is a task with the process tgid, on its leader ring, child of nobody, exit_signal -1', () => {
    const { tasks, stdout } = runToSleep(`#include <pthread.h>
#include <stdio.h>
#include <unistd.h>
static void *sleeper(void *arg) { (void)arg; for (;;) pause(); }
int main(void) {
  pthread_t a, b;
  pthread_create(&a, NULL, sleeper, NULL);
  pthread_create(&b, NULL, sleeper, NULL);
  pid_t child = fork();
  if (child == 0) for (;;) pause();
  printf("%d\\n", getpid());
  fflush(stdout);
  for (;;) pause();
}
`);
    const pid = Number(stdout.trim());
    const leader = tasks.processes().find((p) => p.pid === pid)!;
    expect(leader).toMatchObject({ tgid: pid, groupLeader: leader.addr, exitSignal: SIGCHLD });
    const threads = tasks.threadsOf(leader);
    expect(threads).toHaveLength(2);
    for (const t of threads) {
      expect(t).toMatchObject({ tgid: pid, groupLeader: leader.addr, exitSignal: -1, comm: leader.comm });
      expect(t.pid).not.toBe(pid);
      // Threads are not processes: for_each_process does not see them.
      expect(tasks.processes().some((p) => p.addr === t.addr)).toBe(false);
    }
    // Only the forked process is the leader's child; the threads are not.
    const children = tasks.children(leader);
    expect(children).toHaveLength(1);
    expect(children[0]).toMatchObject({ exitSignal: SIGCHLD });
    expect(children[0]!.tgid).toBe(children[0]!.pid);
    expect(tasks.threadsOf(children[0]!)).toHaveLength(0);
  });

  it('a thread that ends leaves the ring at once: no zombie waits for a parent', () => {
    const { tasks, stdout } = runToSleep(`#include <pthread.h>
#include <stdio.h>
#include <unistd.h>
static void *quick(void *arg) { return arg; }
static void *sleeper(void *arg) { (void)arg; for (;;) pause(); }
int main(void) {
  pthread_t a, b;
  pthread_create(&a, NULL, quick, NULL);
  pthread_join(a, NULL);
  pthread_create(&b, NULL, sleeper, NULL);
  printf("%d\\n", getpid());
  fflush(stdout);
  for (;;) pause();
}
`);
    const leader = tasks.processes().find((p) => p.pid === Number(stdout.trim()))!;
    expect(tasks.threadsOf(leader)).toHaveLength(1);
  });
});

describe("clone's flag checks (copy_process)", () => {
  it('refuses flag sets that cannot work with EINVAL, and creates no task', () => {
    const r = runC(`#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
static int child(void *arg) { (void)arg; return 0; }
static void try(const char *what, int flags) {
  char *stack = malloc(65536);
  errno = 0;
  int r = clone(child, stack + 65536, flags | SIGCHLD, NULL);
  printf("%s: %d %s\\n", what, r, errno == EINVAL ? "EINVAL" : "other");
}
int main(void) {
  try("CLONE_THREAD without CLONE_SIGHAND", CLONE_VM | CLONE_THREAD);
  try("CLONE_SIGHAND without CLONE_VM", CLONE_SIGHAND);
  try("CLONE_NEWNS with CLONE_FS", CLONE_NEWNS | CLONE_FS);
  try("CLONE_NEWUSER with CLONE_FS", CLONE_NEWUSER | CLONE_FS);
  int r = wait(NULL);
  printf("children: %d %s\\n", r, errno == ECHILD ? "ECHILD" : "other");
  return 0;
}
`);
    expect(r.outcome).toMatchObject({ kind: 'exited', status: 0 });
    expect(r.stdout).toBe(
      'CLONE_THREAD without CLONE_SIGHAND: -1 EINVAL\n' +
        'CLONE_SIGHAND without CLONE_VM: -1 EINVAL\n' +
        'CLONE_NEWNS with CLONE_FS: -1 EINVAL\n' +
        'CLONE_NEWUSER with CLONE_FS: -1 EINVAL\n' +
        'children: -1 ECHILD\n',
    );
  });

  it('a clone child that sends no SIGCHLD is waited for only with __WCLONE or __WALL', () => {
    const r = runC(`#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#define __WALL 0x40000000
static int child(void *arg) { (void)arg; return 4; }
int main(void) {
  char *stack = malloc(65536);
  int pid = clone(child, stack + 65536, 0, NULL);
  int st;
  int r = waitpid(pid, &st, 0);
  printf("plain wait: %d %s\\n", r, errno == ECHILD ? "ECHILD" : "other");
  r = waitpid(pid, &st, __WALL);
  printf("__WALL: %d, status %d\\n", r == pid, WEXITSTATUS(st));
  return 0;
}
`);
    expect(r.stdout).toBe('plain wait: -1 ECHILD\n__WALL: 1, status 4\n');
  });
});
