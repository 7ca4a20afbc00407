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

// clone3, rseq and set_robust_list called directly, as a program calls them with syscall(SYS_clone3, ...)
// natively (glibc has no wrapper for them): each errno is what Linux 6.18 returned for the same call.
const CLONE_ARGS = `struct clone_args {
  unsigned long flags, pidfd, child_tid, parent_tid, exit_signal, stack, stack_size, tls, set_tid, set_tid_size, cgroup;
};
long sys_clone3(struct clone_args *uargs, size_t size);
`;

describe("clone3's checks (copy_clone_args_from_user, clone3_args_valid)", () => {
  it('refuses bad sizes, signals, flag sets, stacks and set_tid arrays, and creates no task', () => {
    const r = runC(`#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
${CLONE_ARGS}
static struct clone_args a;
static void try(const char *what, size_t size) {
  printf("%s: %ld\\n", what, sys_clone3(&a, size));
  memset(&a, 0, sizeof a);
  a.exit_signal = SIGCHLD;
}
int main(void) {
  unsigned char big[4200];
  int tids[1] = { 0 };
  a.exit_signal = SIGCHLD;
  try("size 8", 8);
  try("size 4097", 4097);
  memset(big, 0, sizeof big);
  big[100] = 1;
  printf("size 104, a nonzero byte past the struct: %ld\\n", sys_clone3((struct clone_args *)big, 104));
  a.exit_signal = 65;
  try("exit_signal 65", 88);
  a.exit_signal = 1UL << 32;
  try("exit_signal 1<<32", 88);
  a.flags = 0x10000 | 0x800 | 0x100; /* CLONE_THREAD | CLONE_SIGHAND | CLONE_VM */
  try("thread with an exit signal", 88);
  a.flags = 0x100000000UL | 0x800 | 0x100; /* CLONE_CLEAR_SIGHAND | CLONE_SIGHAND | CLONE_VM */
  try("CLONE_CLEAR_SIGHAND with CLONE_SIGHAND", 88);
  a.flags = 1UL << 34;
  try("unknown flag", 88);
  a.stack = 0x10000;
  try("stack without size", 88);
  a.stack_size = 4096;
  try("size without stack", 88);
  a.set_tid_size = 1;
  try("set_tid_size without set_tid", 88);
  a.set_tid = (unsigned long)tids;
  try("set_tid without set_tid_size", 88);
  a.set_tid = (unsigned long)tids;
  a.set_tid_size = 33;
  try("set_tid_size 33", 88);
  a.set_tid = (unsigned long)tids;
  a.set_tid_size = 2;
  try("two PID namespace levels", 88);
  tids[0] = getpid();
  a.set_tid = (unsigned long)tids;
  a.set_tid_size = 1;
  try("set_tid taken", 88);
  printf("unmapped args: %ld\\n", sys_clone3((struct clone_args *)0x10000, 88));
  int w = wait(NULL);
  printf("children: %d %s\\n", w, errno == ECHILD ? "ECHILD" : "other");
  return 0;
}
`);
    expect(r.outcome).toMatchObject({ kind: 'exited', status: 0 });
    expect(r.stdout).toBe(
      'size 8: -22\n' +
        'size 4097: -7\n' +
        'size 104, a nonzero byte past the struct: -7\n' +
        'exit_signal 65: -22\n' +
        'exit_signal 1<<32: -22\n' +
        'thread with an exit signal: -22\n' +
        'CLONE_CLEAR_SIGHAND with CLONE_SIGHAND: -22\n' +
        'unknown flag: -22\n' +
        'stack without size: -22\n' +
        'size without stack: -22\n' +
        'set_tid_size without set_tid: -22\n' +
        'set_tid without set_tid_size: -22\n' +
        'set_tid_size 33: -22\n' +
        'two PID namespace levels: -22\n' +
        'set_tid taken: -17\n' +
        'unmapped args: -14\n' +
        'children: -1 ECHILD\n',
    );
  });

  it('makes a process as fork does without a stack, with CLONE_CLEAR_SIGHAND resetting handlers but not SIG_IGN, and set_tid choosing its PID', () => {
    const r = runC(`#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
${CLONE_ARGS}
static void on_usr1(int sig) { (void)sig; }
int main(void) {
  struct clone_args a;
  struct sigaction sa;
  int status;
  int tids[1];
  signal(SIGUSR1, on_usr1);
  signal(SIGUSR2, SIG_IGN);
  memset(&a, 0, sizeof a);
  a.flags = 0x100000000UL; /* CLONE_CLEAR_SIGHAND */
  a.exit_signal = SIGCHLD;
  long pid = sys_clone3(&a, 88);
  if (pid == 0) {
    sigaction(SIGUSR1, NULL, &sa);
    printf("child: SIGUSR1 %s", sa.sa_handler == SIG_DFL ? "SIG_DFL" : "caught");
    sigaction(SIGUSR2, NULL, &sa);
    printf(", SIGUSR2 %s\\n", sa.sa_handler == SIG_IGN ? "SIG_IGN" : "other");
    fflush(stdout);
    _exit(7);
  }
  waitpid(pid, &status, 0);
  sigaction(SIGUSR1, NULL, &sa);
  printf("parent: SIGUSR1 %s, child status %d\\n", sa.sa_handler == on_usr1 ? "caught" : "other", WEXITSTATUS(status));
  tids[0] = getpid() + 1000;
  memset(&a, 0, sizeof a);
  a.exit_signal = SIGCHLD;
  a.set_tid = (unsigned long)tids;
  a.set_tid_size = 1;
  pid = sys_clone3(&a, 64 + 16);
  if (pid == 0)
    _exit(0);
  printf("set_tid: the child's PID is the one asked for: %d\\n", pid == tids[0] && waitpid(pid, NULL, 0) == pid);
  return 0;
}
`);
    expect(r.outcome).toMatchObject({ kind: 'exited', status: 0 });
    expect(r.stdout).toBe(
      'child: SIGUSR1 SIG_DFL, SIGUSR2 SIG_IGN\nparent: SIGUSR1 caught, child status 7\nset_tid: the child\'s PID is the one asked for: 1\n',
    );
  });
});

describe('rseq and set_robust_list', () => {
  it('registers a 32-byte aligned area and writes the CPU into it; refuses what Linux refuses', () => {
    // A task cloned with CLONE_VM starts with no area registered (rseq_fork), where the C library's
    // start-up has registered the main thread's: the same program gave these lines natively, on CPU 0.
    const r = runC(`#define _GNU_SOURCE
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
long sys_rseq(void *rseq, unsigned int rseq_len, int flags, unsigned int sig);
long sys_set_robust_list(void *head, size_t len);
static char buf[128];
static char out[1024];
static int outlen;
#define SAY(...) (outlen += snprintf(out + outlen, sizeof out - outlen, __VA_ARGS__))
static int probe(void *arg) {
  /* struct rseq: cpu_id_start, cpu_id, rseq_cs, flags, node_id, mm_cid; 32-byte aligned. */
  char *a = (char *)(((unsigned long)buf + 31) & ~31UL);
  unsigned int *cpu_id = (unsigned int *)a + 1;
  long r;
  void *head[3];
  unsigned int sig = 0x53053053;
  (void)arg;
  SAY("misaligned: %ld\\n", sys_rseq(a + 8, 32, 0, sig));
  SAY("too short: %ld\\n", sys_rseq(a, 16, 0, sig));
  SAY("bad flags: %ld\\n", sys_rseq(a, 32, 2, sig));
  *cpu_id = 0x7777;
  r = sys_rseq(a, 32, 0, sig);
  SAY("register: %ld, cpu_id %u\\n", r, *cpu_id);
  SAY("again: %ld\\n", sys_rseq(a, 32, 0, sig));
  SAY("again, another signature: %ld\\n", sys_rseq(a, 32, 0, sig + 1));
  SAY("another area: %ld\\n", sys_rseq(a + 32, 32, 0, sig));
  SAY("unregister, another length: %ld\\n", sys_rseq(a, 64, 1, sig));
  SAY("unregister, another signature: %ld\\n", sys_rseq(a, 32, 1, sig + 1));
  r = sys_rseq(a, 32, 1, sig);
  SAY("unregister: %ld, cpu_id %#x\\n", r, *cpu_id);
  SAY("unregister again: %ld\\n", sys_rseq(a, 32, 1, sig));
  SAY("unmapped: %ld\\n", sys_rseq((void *)0x7ffffffff000, 32, 0, sig));
  head[0] = head;
  r = sys_set_robust_list(head, 23);
  SAY("set_robust_list 23: %ld, 24: %ld\\n", r, sys_set_robust_list(head, 24));
  return 0;
}
int main(void) {
  static char stack[65536];
  pid_t pid = clone(probe, stack + sizeof stack, CLONE_VM | SIGCHLD, NULL);
  waitpid(pid, NULL, 0);
  fputs(out, stdout);
  return 0;
}
`);
    expect(r.outcome).toMatchObject({ kind: 'exited', status: 0 });
    expect(r.stdout).toBe(
      'misaligned: -22\ntoo short: -22\nbad flags: -22\nregister: 0, cpu_id 0\nagain: -16\nagain, another signature: -1\n' +
        'another area: -22\nunregister, another length: -22\nunregister, another signature: -1\nunregister: 0, cpu_id 0xffffffff\n' +
        'unregister again: -22\nunmapped: -14\nset_robust_list 23: -22, 24: 0\n',
    );
  });
});
